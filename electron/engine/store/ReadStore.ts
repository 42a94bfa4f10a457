// The user's read marks and reading progress, in `<dataDir>/read-marks.jsonl` (format: readMarksFile).
// Kept like the stars: every change is on disk (appended and synced) before its promise resolves, a
// crash at any instant loses at most the change being written, a damaged file is kept aside, a file
// from a newer Broadsheet is never overwritten, and marks follow their articles through renames,
// moves and edits by the same identity rule as the stars (articleIdentity.ts).

import { join } from 'node:path';
import type { ArticleSummary } from '../../../shared/types';
import { type ArticleLookup, matchArticles } from './articleIdentity';
import { atomicWriteFile, removeStaleTemps, StoreWriteError } from './atomicWriteFile';
import {
  applyChange,
  changeLine,
  parseReadMarks,
  type ReadMark,
  type ReadMarksChange,
  serializeReadMarks,
} from './readMarksFile';
import { type FileStat, nodeStoreFs, type StoreFs } from './storeFs';
import { withFileLock } from './storeLock';
import {
  copyAsideDamaged,
  readUserDataFile,
  type StoreWarning,
  setAsideDamaged,
  unchangedSince,
} from './userDataFile';

export const READ_MARKS_FILE = 'read-marks.jsonl';
const KEPT = 'your previous read marks are kept';
/**
 * The log is rewritten compacted once it is this much bigger than the marks need (a compacted mark
 * takes ~70 bytes): 100,000 marks (7 MB) are rewritten after ~10 MB of appended changes, not per `j`.
 */
const COMPACT_BYTES_PER_MARK = 170;
const COMPACT_SLACK_BYTES = 1024 * 1024;

interface ReadStoreOptions {
  fs?: StoreFs;
  now?: () => Date;
  /** How much bigger than its marks the log may grow before it is compacted (tests compact often). */
  compactSlackBytes?: number;
}

/** An article as the store needs to know it. */
interface ReadTarget {
  id: string;
  contentHash: string;
}

function hasArticle(found: ArticleSummary | readonly ArticleSummary[] | undefined): boolean {
  return Array.isArray(found) ? found.length > 0 : found !== undefined;
}

export class ReadStore {
  readonly warnings: StoreWarning[] = [];
  private marks = new Map<string, ReadMark>();
  private readOnlyReason: string | null = null;
  private lastSeen: FileStat | null = null;
  /** The log needs rewriting before anything is appended (a torn or damaged line in it). */
  private needsCompaction = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly fs: StoreFs,
    private readonly now: () => Date,
    private readonly slackBytes: number,
  ) {}

  static async open(dataDir: string, options: ReadStoreOptions = {}): Promise<ReadStore> {
    const fs = options.fs ?? nodeStoreFs;
    const store = new ReadStore(
      join(dataDir, READ_MARKS_FILE),
      fs,
      options.now ?? (() => new Date()),
      options.compactSlackBytes ?? COMPACT_SLACK_BYTES,
    );
    await fs.mkdir(dataDir);
    await removeStaleTemps(store.path, fs);
    await store.load();
    return store;
  }

  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  get size(): number {
    return this.marks.size;
  }

  get(id: string): ReadMark | undefined {
    return this.marks.get(id);
  }

  isRead(id: string): boolean {
    return this.marks.get(id)?.read === true;
  }

  /** Every mark (read, or with progress), by the article id it was last matched to. */
  all(): IterableIterator<ReadMark> {
    return this.marks.values();
  }

  /**
   * Marks articles read or unread. Resolves, once on disk, to the ids whose state changed (an
   * article already in that state is not written again).
   */
  setRead(targets: readonly ReadTarget[], read: boolean): Promise<string[]> {
    return this.change(() => {
      const at = this.now().getTime();
      const set: ReadMark[] = [];
      const seen = new Set<string>();
      for (const t of targets) {
        if (seen.has(t.id)) continue;
        seen.add(t.id);
        const old = this.marks.get(t.id);
        if ((old?.read ?? false) === read && (old === undefined || old.contentHash === t.contentHash))
          continue;
        // Marking unread keeps the place reached; marking read keeps it too (a reopened article resumes).
        set.push({ id: t.id, contentHash: t.contentHash, read, progress: old?.progress ?? 0, at });
      }
      return set.length === 0 ? null : { set };
    }).then((change) => change?.set?.map((m) => m.id) ?? []);
  }

  /** Remembers how far into an article the reader is (0..1). */
  setProgress(target: ReadTarget, progress: number): Promise<void> {
    const p = Math.min(1, Math.max(0, Math.round(progress * 1000) / 1000));
    return this.change(() => {
      const old = this.marks.get(target.id);
      if (old && old.progress === p && old.contentHash === target.contentHash) return null;
      if (!old && p === 0) return null;
      const mark: ReadMark = {
        id: target.id,
        contentHash: target.contentHash,
        read: old?.read ?? false,
        progress: p,
        at: this.now().getTime(),
      };
      return { set: [mark] };
    }).then(() => undefined);
  }

  /**
   * Follows moved, renamed and edited articles (the stars' rule) and saves what changed. Resolves
   * to true when a mark now belongs to another id. A save failure is reported in `warnings`.
   */
  resolve(lookup: ArticleLookup): Promise<boolean> {
    return this.enqueue(async () => {
      if (this.readOnlyReason) return this.follow(lookup, false);
      try {
        return await this.locked(() => this.follow(lookup, true));
      } catch (error) {
        // The lock could not be taken (a read-only or full disk): the window still needs the marks
        // on the right articles.
        this.warnings.push({ path: this.path, code: 'save-failed', message: (error as Error).message });
        return this.follow(lookup, false);
      }
    });
  }

  private async follow(lookup: ArticleLookup, save: boolean): Promise<boolean> {
    if (save) await this.adoptOtherWriters().catch(() => undefined);
    // Almost always every mark still sits on its own article (or its article is gone and nothing
    // has its content): say so after a lookup or two per mark, without the full matching (which
    // allocates per mark) that a move or an edit needs.
    let settled = true;
    for (const mark of this.marks.values()) {
      const same = lookup.byId(mark.id);
      if (same ? same.contentHash === mark.contentHash : !hasArticle(lookup.byContentHash(mark.contentHash)))
        continue;
      settled = false;
      break;
    }
    if (settled) return false;
    const marks = [...this.marks.values()];
    const matched = matchArticles(marks, lookup);
    const del: string[] = [];
    const set: ReadMark[] = [];
    marks.forEach((mark, i) => {
      const article = matched[i];
      if (!article || (article.id === mark.id && article.contentHash === mark.contentHash)) return;
      if (article.id !== mark.id) del.push(mark.id);
      set.push({ ...mark, id: article.id, contentHash: article.contentHash });
    });
    if (set.length === 0) return false;
    const change = { del, set };
    if (save) {
      try {
        await this.persist(change);
      } catch (error) {
        this.warnings.push({ path: this.path, code: 'save-failed', message: (error as Error).message });
      }
    }
    // Memory follows even when the save failed: the window must show the right articles as read.
    applyChange(this.marks, change);
    return true;
  }

  private change(make: () => ReadMarksChange | null): Promise<ReadMarksChange | null> {
    return this.enqueue(async () => {
      if (this.readOnlyReason) throw new StoreWriteError(this.readOnlyReason, this.path, 'EREADONLY');
      return this.locked(() => this.changeLocked(make));
    });
  }

  private async changeLocked(make: () => ReadMarksChange | null): Promise<ReadMarksChange | null> {
    await this.adoptOtherWriters();
    const change = make();
    if (!change) return null;
    // Memory changes only once the disk has: a failed save leaves both on the old state.
    await this.persist(change);
    applyChange(this.marks, change);
    return change;
  }

  /** Another process (the CLI) may change the log too: from reading its state to writing, one at a time. */
  private locked<T>(task: () => Promise<T>): Promise<T> {
    return withFileLock(this.path, task, { fs: this.fs, kept: KEPT });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async persist(change: ReadMarksChange): Promise<void> {
    const exists = this.lastSeen !== null;
    const compact =
      !exists ||
      this.needsCompaction ||
      (this.lastSeen?.size ?? 0) > this.marks.size * COMPACT_BYTES_PER_MARK + this.slackBytes;
    if (compact) {
      const next = new Map(this.marks);
      applyChange(next, change);
      const text = serializeReadMarks(next.values());
      await atomicWriteFile(this.path, text, { fs: this.fs, kept: KEPT });
      this.needsCompaction = false;
    } else {
      try {
        await this.fs.appendDurably(this.path, Buffer.from(changeLine(change), 'utf8'));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new StoreWriteError(
          `Could not save ${this.path} (${code ?? 'unknown error'}); ${KEPT}.`,
          this.path,
          code,
          { cause: error },
        );
      }
    }
    this.lastSeen = await this.fs.stat(this.path).catch(() => null);
  }

  /** Another process (the CLI beside the app) may have changed the file: start from its state. */
  private async adoptOtherWriters(): Promise<void> {
    if (await unchangedSince(this.fs, this.path, this.lastSeen)) return;
    await this.load();
    if (this.readOnlyReason) throw new StoreWriteError(this.readOnlyReason, this.path, 'EREADONLY');
  }

  private async load(): Promise<void> {
    const read = await readUserDataFile(this.fs, this.path);
    if (read.kind === 'missing') {
      this.lastSeen = null;
      return;
    }
    if (read.kind === 'unreadable') {
      const message = `Broadsheet cannot read your read marks ${this.path} (${read.code ?? 'unknown error'}). Check its permissions; read marks cannot be changed until it can be read, so nothing in it is overwritten.`;
      this.warnings.push({ path: this.path, code: 'unreadable', message });
      this.readOnlyReason = message;
      return;
    }
    this.lastSeen = read.stat;
    const parsed = parseReadMarks(read.text);
    if (parsed.kind === 'newer') {
      const message = `Your read marks ${this.path} were written by a newer version of Broadsheet (format ${String(parsed.version)}). They are not changed, so nothing in them is lost; update Broadsheet to change them.`;
      this.warnings.push({ path: this.path, code: 'newer-version', message });
      this.readOnlyReason = message;
      return;
    }
    if (parsed.kind === 'damaged') {
      const backupPath = await setAsideDamaged(this.fs, this.path, this.now());
      this.lastSeen = null;
      this.warnings.push({
        path: this.path,
        code: 'damaged',
        backupPath,
        message: `Your read marks file was damaged (${parsed.reason}); it was kept as ${backupPath} and a new one started.`,
      });
      return;
    }
    if (parsed.dropped.length > 0) {
      const backupPath = await copyAsideDamaged(this.fs, this.path, this.now());
      const details = parsed.dropped.map((d) => `line ${d.line}: ${d.reason}`).join('; ');
      this.warnings.push({
        path: this.path,
        code: 'entries-dropped',
        backupPath,
        message: `${parsed.dropped.length} damaged line${parsed.dropped.length === 1 ? ' was' : 's were'} left out of your read marks (${details}); the original was kept as ${backupPath}.`,
      });
    }
    this.marks = parsed.marks;
    this.needsCompaction = parsed.torn || parsed.dropped.length > 0;
  }
}
