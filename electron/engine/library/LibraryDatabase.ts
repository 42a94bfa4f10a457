// The library database as the live library uses it: `library.db` in the data folder (in memory when
// the library is not to be kept, as the CLI's one-shot commands open it), where the scans and the
// watcher write what they parsed and where searches are answered. Everything in it can be rebuilt
// from the files; the user's stars, read marks and settings live in their own stores.
//
// A file found damaged when it is opened is kept aside by LibraryDb.open; one found damaged while in
// use is kept aside here, a fresh database takes its place and the library is told to read every
// file again. Either way the user is told where the damaged file went.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleSummary, Problem, SearchQuery, SearchResult } from '../../../shared/types';
import { DamagedDatabaseError, LIBRARY_DB_FILE, LibraryDb, type WriteBatch } from '../db/LibraryDb';
import { type SliceOptions, writeInSlices } from '../db/writeBatches';

export interface LibraryDatabaseOptions {
  dataDir: string;
  /** False: an in-memory database, gone at close (every open parses every file). */
  persistent: boolean;
  /** The version the current parse settings need (parseSettings.libraryVersionFor). */
  version: () => string;
  warn: (problem: Problem) => void;
  /** The database was replaced by an empty one while in use: every file must be read again. */
  rebuilt: () => void;
}

export type WriteOptions = Omit<SliceOptions, 'pause'>;

/** Lets the event loop run (requests, watcher events) between two transactions. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LibraryDatabase {
  private db!: LibraryDb;
  private version = '';
  private readonly path: string;

  constructor(private readonly options: LibraryDatabaseOptions) {
    this.path = options.persistent ? join(options.dataDir, LIBRARY_DB_FILE) : ':memory:';
  }

  get persistent(): boolean {
    return this.options.persistent;
  }

  /** Opens the file (once the parse settings that name its version are known). */
  open(): void {
    this.version = this.options.version();
    if (this.options.persistent) mkdirSync(this.options.dataDir, { recursive: true });
    this.db = LibraryDb.open(this.path, this.version);
    const { damagedBackup, rebuildReason } = this.db.report;
    if (damagedBackup && rebuildReason) this.warnDamaged(rebuildReason, damagedBackup);
  }

  /** The articles recorded inside these folders, newest first (the warm start's headlines). */
  headlines(roots: readonly string[]): ArticleSummary[] {
    return this.guard(() => this.db.summaries(roots), []);
  }

  /** One recorded article by its file's path (a file the scan found unchanged but not listed). */
  summaryByPath(path: string): ArticleSummary | undefined {
    return this.guard(() => this.db.summaryByPath(path), undefined);
  }

  /** The problems recorded for files inside `folder` (degraded articles, unreadable files). */
  storedProblems(folder: string): Map<string, Problem[]> {
    return this.guard(() => this.db.problemsWithin(folder), new Map());
  }

  /** The scan's test: a file recorded with this mtime and size is not parsed again. */
  readonly isUnchanged = (path: string, mtimeMs: number, size: number): boolean =>
    this.guard(() => {
      const known = this.db.fileState(path);
      return known !== undefined && known.mtimeMs === mtimeMs && known.size === size;
    }, false);

  /**
   * Writes a batch in transactions of ~100 ms, the event loop running between them; `committed`
   * hears each one after it is on disk. False: stopped, or the database was replaced meanwhile.
   */
  async write(batch: WriteBatch, options: WriteOptions = {}): Promise<boolean> {
    const db = this.db;
    try {
      return await writeInSlices(db, batch, {
        ...options,
        pause,
        stopped: () => db !== this.db || (options.stopped?.() ?? false),
      });
    } catch (error) {
      if (!(error instanceof DamagedDatabaseError)) throw error;
      if (db === this.db) this.replaceDamaged(error);
      return false;
    }
  }

  /** Every recorded path (articles and unreadable files) inside `folder`. */
  pathsWithin(folder: string): string[] {
    return this.guard(() => [...this.db.pathsWithin(folder)], []);
  }

  search(query: SearchQuery, isStarred: (id: string) => boolean, roots: readonly string[]): SearchResult {
    return this.guard(
      () => this.db.search(query, { isStarred, within: [...roots] }),
      () => ({ query: query.text, total: 0, matches: [], elapsedMs: 0 }),
    );
  }

  /**
   * The parse settings changed: when they need another version, the database starts over empty
   * (true), and every file is parsed again by the scan that follows.
   */
  settingsChanged(): boolean {
    const version = this.options.version();
    if (version === this.version) return false;
    this.version = version;
    this.guard(() => this.db.startOver(version), undefined);
    return true;
  }

  stats(): { articles: number } {
    return { articles: this.guard(() => this.db.articleCount, 0) };
  }

  close(): void {
    this.db?.close();
  }

  /** Runs `fn`; a damaged database is replaced, and `fallback` answers instead. */
  private guard<T>(fn: () => T, fallback: T | (() => T)): T {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof DamagedDatabaseError)) throw error;
      this.replaceDamaged(error);
      return typeof fallback === 'function' ? (fallback as () => T)() : fallback;
    }
  }

  private replaceDamaged(error: DamagedDatabaseError): void {
    this.db.close();
    const backup = this.options.persistent ? LibraryDb.setAside(this.path) : '';
    this.db = LibraryDb.open(this.path, this.version);
    const where = backup ? `; it was moved to ${backup} and` : ';';
    this.warnDamaged(
      `The library database was damaged (${error.message})${where} is rebuilt from the files.`,
      backup,
    );
    this.options.rebuilt();
  }

  private warnDamaged(message: string, backup: string): void {
    this.options.warn({
      path: backup || this.path,
      message,
      severity: 'warning',
      code: 'library',
      params: { detail: message },
    });
  }
}
