// The library on disk: one SQLite database (better-sqlite3, WAL) per data folder, `library.db`.
// Writes come in batches, each one transaction, so a process killed at any instant leaves the last
// committed batch; a damaged file is kept aside (renamed) and a fresh one is rebuilt from the files.
// Searches are answered newest first straight from FTS5 (dateKey.ts), page by page, with exact totals
// (librarySearch.ts). Over 400 lines because it is the one owner of the connection and its prepared
// statements: opening and damage, the write transaction, and the readers the engine and CLI use.

import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import type {
  ArticleImages,
  ArticleSummary,
  BodyFormat,
  DateSource,
  Problem,
  SearchQuery,
  SearchResult,
} from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';
import { backupStamp } from '../store/userDataFile';
import { type ArticleRow, pathRange } from './articleRow';
import { baseKey } from './dateKey';
import { type DbSearchContext, type SearchSource, searchLibraryDb } from './librarySearch';
import { bodyBlob, type PreparedText, prepareText } from './preparedText';
import { refreshReadMirror, setReadMirror } from './readMirror';
import { FILL_LIST_ENTRIES, FILL_LIST_TALLIES, LIST_SCHEMA, SCHEMA, SCHEMA_VERSION } from './schema';
import { type SqlListDeps, SqlListSource } from './sqlListSource';
import { unpackFields } from './storedText';

export const LIBRARY_DB_FILE = 'library.db';

/** An article as written to the database: the scan's summary with its plain text and warnings. */
export interface StoredArticleInput extends ArticleSummary {
  text: string;
  problems: Problem[];
  /** The stored text made already (by a parse worker); `text` is then not used. */
  prepared?: PreparedText;
}

/** A file that could not be read as an article. */
export interface FailedFile {
  path: string;
  root: string;
  mtimeMs: number;
  size: number;
  problems: Problem[];
}

export interface WriteBatch {
  articles: StoredArticleInput[];
  failed: FailedFile[];
  /** Paths whose files are gone. */
  removed: string[];
}

export interface StoredArticle extends ArticleSummary {
  text: string;
  problems: Problem[];
}

/**
 * Keys in the sample that measures how much of the library a walk covered: the first articles by
 * content hash (SHA-1, so independent of date, path and text).
 */
const SAMPLE_SIZE = 2_000;

/** What happened when the file was opened, for the user to be told. */
export interface DbOpenReport {
  /** The file could not be used and was moved here; the database starts empty. */
  damagedBackup?: string;
  /** Why the database started empty although a file was there (damaged, other version). */
  rebuildReason?: string;
}

export class DamagedDatabaseError extends Error {
  override name = 'DamagedDatabaseError';
}

const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_CORRUPT_INDEX',
]);

export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

const SUMMARY_COLUMNS =
  'id, path, root, content_hash, title, date, date_source, author, categories, images, chars, ' +
  'excerpt, body_format, mtime_ms, size, degraded, problems';

function rowToSummary(row: ArticleRow): ArticleSummary {
  const summary: ArticleSummary = {
    id: row.id,
    contentHash: row.content_hash,
    path: row.path,
    root: row.root,
    title: row.title,
    date: row.date,
    dateSource: row.date_source as DateSource,
    categories: JSON.parse(row.categories) as string[],
    images: JSON.parse(row.images) as ArticleImages,
    chars: row.chars,
    excerpt: row.excerpt,
    bodyFormat: row.body_format as BodyFormat,
    mtimeMs: row.mtime_ms,
    size: row.size,
    degraded: row.degraded !== 0,
  };
  if (row.author !== null) summary.author = row.author;
  return summary;
}

export class LibraryDb {
  private readonly db: Database.Database;
  readonly report: DbOpenReport;
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(db: Database.Database, report: DbOpenReport) {
    this.db = db;
    this.report = report;
    this.statements = prepare(db);
  }

  /**
   * Opens (or creates) the database at `path`. A file that is not a usable database is renamed to
   * `<path>.damaged-<time>` and a new one is created; one from another schema or engine version is
   * replaced (it holds nothing that cannot be rebuilt).
   */
  static open(path: string, engineVersion: string, now: () => Date = () => new Date()): LibraryDb {
    const report: DbOpenReport = {};
    try {
      return new LibraryDb(openChecked(path, engineVersion, report), report);
    } catch (error) {
      if (!isDamage(error)) throw error;
      report.damagedBackup = setAside(path, now());
      report.rebuildReason = `The library database was damaged (${(error as Error).message}); it was moved to ${report.damagedBackup} and is rebuilt from the files.`;
      return new LibraryDb(openChecked(path, engineVersion, report), report);
    }
  }

  /** Moves a database found damaged while in use aside; open() then starts a new one. */
  static setAside(path: string, now: Date = new Date()): string {
    return setAside(path, now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn`, turning SQLite's damage errors into DamagedDatabaseError. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (isDamage(error)) throw new DamagedDatabaseError((error as Error).message);
      throw error;
    }
  }

  /** SQLite's and FTS5's own consistency checks: an empty list when the database is sound. */
  integrityProblems(): string[] {
    return this.guard(() => {
      const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
      const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      for (const table of ['text_index', 'char_index']) {
        try {
          this.db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
        } catch (error) {
          problems.push(`${table}: ${(error as Error).message}`);
        }
      }
      return problems;
    });
  }

  get articleCount(): number {
    return this.guard(() => (this.statements.count.get() as { n: number }).n);
  }

  /** mtime and size recorded for a file (read or failed), for change detection. */
  fileState(path: string): { mtimeMs: number; size: number } | undefined {
    return this.guard(() => {
      const row = (this.statements.fileState.get(path) ?? this.statements.failedState.get(path)) as
        | { mtime_ms: number; size: number }
        | undefined;
      return row ? { mtimeMs: row.mtime_ms, size: row.size } : undefined;
    });
  }

  /** Every recorded path (articles and failed files) inside `folder`. */
  *pathsWithin(folder: string): Generator<string> {
    const [lo, hi] = pathRange(folder);
    for (const row of this.guard(() => this.statements.pathsWithin.iterate(lo, hi, lo, hi)))
      yield (row as { path: string }).path;
  }

  /** Whether any recorded article lies outside all of these folders. */
  hasArticlesOutside(folders: string[]): boolean {
    return this.guard(() => {
      const ranges = folders.map(pathRange).sort((a, b) => (a[0] < b[0] ? -1 : 1));
      let from = '';
      for (const [lo, hi] of ranges) {
        if (lo > from && this.statements.anyPathBetween.get(from, lo)) return true;
        if (hi > from) from = hi;
      }
      return this.statements.anyPathFrom.get(from) !== undefined;
    });
  }

  /** Writes one batch in one transaction: it is on disk completely or not at all. */
  write(batch: WriteBatch): void {
    this.writes++;
    this.guard(() => this.writeTx(batch));
  }

  /** Writes through this connection (PRAGMA data_version counts only the other connections'). */
  private writes = 0;
  private sample: { version: string; count: number; keys: bigint[] } | null = null;

  /** The library's size and a uniform sample of its keys, kept until the database changes. */
  private librarySample(): { count: number; keys: bigint[] } {
    const version = `${this.writes}:${this.db.pragma('data_version', { simple: true })}`;
    if (this.sample?.version !== version) {
      const count = (this.statements.count.get() as { n: number }).n;
      const keys = (this.statements.sampleKeys.all(SAMPLE_SIZE) as { key: bigint }[]).map((r) => r.key);
      this.sample = { version, count, keys };
    }
    return this.sample;
  }

  private readonly writeTx = (batch: WriteBatch) => {
    this.db.transaction(() => {
      const s = this.statements;
      for (const path of batch.removed) {
        this.removeArticle(path);
        s.deleteFailed.run(path);
      }
      for (const f of batch.failed) {
        this.removeArticle(f.path);
        s.upsertFailed.run(f.path, f.root, f.mtimeMs, f.size, JSON.stringify(f.problems));
      }
      const indexed: { key: bigint; prepared: PreparedText }[] = [];
      for (const a of batch.articles) {
        this.removeArticle(a.path);
        s.deleteFailed.run(a.path);
        const key = this.freeKey(Date.parse(a.date));
        const prepared = a.prepared ?? prepareText(a);
        s.insertArticle.run({
          key,
          id: a.id,
          path: a.path,
          root: a.root,
          content_hash: a.contentHash,
          title: a.title,
          date: a.date,
          date_source: a.dateSource,
          author: a.author ?? null,
          categories: JSON.stringify(a.categories),
          images: JSON.stringify(a.images),
          chars: a.chars,
          excerpt: a.excerpt,
          body_format: a.bodyFormat,
          mtime_ms: a.mtimeMs,
          size: a.size,
          degraded: a.degraded ? 1 : 0,
          problems: JSON.stringify(a.problems),
          body: bodyBlob(prepared.body),
        });
        for (const c of new Set(a.categories)) s.insertCategory.run(c, key);
        indexed.push({ key, prepared });
      }
      // FTS5 keeps new rows in memory only while their rowids ascend; one lower than the last
      // flushes a segment. In key order a batch is one segment instead of one per article (7x faster).
      indexed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      for (const { key, prepared } of indexed) {
        s.insertText.run({ key, ...prepared.tokens });
        if (prepared.unigrams) s.insertChars.run(key, prepared.unigrams);
      }
    })();
  };

  private removeArticle(path: string): void {
    const s = this.statements;
    const row = s.keyOfPath.get(path) as { key: bigint; categories: string } | undefined;
    if (!row) return;
    s.deleteArticle.run(row.key);
    for (const c of new Set(JSON.parse(row.categories) as string[])) s.deleteCategory.run(c, row.key);
    s.deleteText.run(row.key);
    s.deleteChars.run(row.key);
  }

  /** Where the search for a free key of a date last ended, so a run of equal dates costs no rescan. */
  private readonly nextFree = new Map<bigint, bigint>();

  /** The date's own key, or the next free one after it (see dateKey.ts). */
  private freeKey(dateMs: number): bigint {
    const base = baseKey(dateMs);
    let key = this.nextFree.get(base) ?? base;
    while (this.statements.keyTaken.get(key)) key++;
    if (this.nextFree.size > 100_000) this.nextFree.clear();
    this.nextFree.set(base, key + 1n);
    return key;
  }

  byId(id: string): StoredArticle | undefined {
    return this.guard(() => this.full(this.statements.byId.get(id) as ArticleRow | undefined));
  }

  byPath(path: string): StoredArticle | undefined {
    return this.guard(() => this.full(this.statements.byPath.get(path) as ArticleRow | undefined));
  }

  private full(row: ArticleRow | undefined): StoredArticle | undefined {
    if (!row) return undefined;
    return {
      ...rowToSummary(row),
      text: unpackFields(row.body!).text,
      problems: JSON.parse(row.problems) as Problem[],
    };
  }

  /** One article's summary (without its text) by the path of its file. */
  summaryByPath(path: string): ArticleSummary | undefined {
    return this.guard(() => {
      const row = this.statements.summaryByPath.get(path) as ArticleRow | undefined;
      return row ? rowToSummary(row) : undefined;
    });
  }

  /**
   * Every article inside these folders (every article when none are given), newest first: what a
   * warm start lists. Read in one go: the connection writes nothing until the list is complete.
   */
  summaries(folders?: readonly string[]): ArticleSummary[] {
    return this.guard(() => {
      const out: ArticleSummary[] = [];
      for (const row of this.statements.all.iterate()) {
        const r = row as ArticleRow;
        if (folders && !folders.some((f) => isInsideFolder(r.path, f))) continue;
        out.push(rowToSummary(r));
      }
      return out;
    });
  }

  /**
   * The problems recorded for files inside `folder`: the warnings of degraded articles and why
   * unreadable files could not be read, by path (what the Library panel lists without a new parse).
   */
  problemsWithin(folder: string): Map<string, Problem[]> {
    const [lo, hi] = pathRange(folder);
    return this.guard(() => {
      const out = new Map<string, Problem[]>();
      for (const row of this.statements.problemsWithin.all(lo, hi, lo, hi) as {
        path: string;
        problems: string;
      }[]) {
        const problems = JSON.parse(row.problems) as Problem[];
        if (problems.length) out.set(row.path, problems);
      }
      return out;
    });
  }

  /**
   * Empties the database for another engine version (the parse settings changed: every file is
   * read again). Everything in it can be rebuilt from the files.
   */
  startOver(engineVersion: string): void {
    this.writes++;
    this.guard(() => recreate(this.db, engineVersion));
    this.nextFree.clear();
  }

  /** Headlines newest first, `limit` from `offset`. */
  list(offset: number, limit: number): ArticleSummary[] {
    return this.guard(() => (this.statements.page.all(limit, offset) as ArticleRow[]).map(rowToSummary));
  }

  /** Summaries (no text) of the articles inside `folder`, in path order. */
  *summariesWithin(folder: string): Generator<ArticleSummary> {
    const [lo, hi] = pathRange(folder);
    for (const row of this.guard(() => this.statements.summariesWithin.iterate(lo, hi)))
      yield rowToSummary(row as ArticleRow);
  }

  /** The summary (no text) of the article with this id. */
  summaryById(id: string): ArticleSummary | undefined {
    const row = this.guard(() => this.statements.summaryById.get(id)) as ArticleRow | undefined;
    return row && rowToSummary(row);
  }

  /** Every article with this content (copies of one article in several files). */
  summariesByContentHash(hash: string): ArticleSummary[] {
    return this.guard(() => this.statements.byContentHash.all(hash) as ArticleRow[]).map(rowToSummary);
  }

  /** Failed files inside `folder` with their problems. */
  failures(folder: string): FailedFile[] {
    const [lo, hi] = pathRange(folder);
    return this.guard(() =>
      (
        this.statements.failuresWithin.all(lo, hi) as {
          path: string;
          root: string;
          mtime_ms: number;
          size: number;
          problems: string;
        }[]
      ).map((r) => ({
        path: r.path,
        root: r.root,
        mtimeMs: r.mtime_ms,
        size: r.size,
        problems: JSON.parse(r.problems) as Problem[],
      })),
    );
  }

  /** The headline list over this database (sqlListSource.ts). */
  listSource(deps: SqlListDeps): SqlListSource {
    return new SqlListSource(this.db, deps);
  }

  /** Makes the read-marks mirror say exactly these read ids (the store opened, or its marks moved). */
  mirrorReadMarks(readIds: Iterable<string>): void {
    this.guard(() => refreshReadMirror(this.db, readIds));
  }

  /** Sets marks in the mirror (what the read-marks store just did). */
  mirrorRead(ids: readonly string[], read: boolean): void {
    this.guard(() => setReadMirror(this.db, ids, read));
  }

  search(query: SearchQuery, ctx: DbSearchContext = {}): SearchResult {
    const source: SearchSource = {
      db: this.db,
      idOfKey: this.statements.idOfKey,
      textOfKey: this.statements.textOfKey,
      librarySample: () => this.librarySample(),
      hasArticlesOutside: (folders) => this.hasArticlesOutside(folders),
    };
    return this.guard(() => searchLibraryDb(source, query, ctx));
  }
}

function openChecked(path: string, engineVersion: string, report: DbOpenReport): Database.Database {
  const existed = existsSync(path);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = OFF');
    const version = db.pragma('user_version', { simple: true }) as number;
    const engine =
      version === 0
        ? undefined
        : (db.prepare("SELECT value FROM meta WHERE name = 'engine'").get() as { value: string } | undefined)
            ?.value;
    if (version !== SCHEMA_VERSION || engine !== engineVersion) {
      if (existed && version !== 0 && !report.rebuildReason) {
        report.rebuildReason = `The library database was made by another version (schema ${version}, ${engine ?? 'unknown engine'}); it is rebuilt from the files.`;
      }
      recreate(db, engineVersion);
    }
    addListTables(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function recreate(db: Database.Database, engineVersion: string): void {
  db.transaction(() => {
    const objects = db
      .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%'")
      .all() as { type: string; name: string }[];
    // Virtual tables first: dropping one drops its shadow tables.
    for (const o of objects.filter((x) => x.name.endsWith('_index')))
      db.exec(`DROP TABLE IF EXISTS "${o.name.replaceAll('"', '""')}"`);
    const left = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    for (const o of left) db.exec(`DROP TABLE IF EXISTS "${o.name.replaceAll('"', '""')}"`);
    db.exec(SCHEMA);
    db.exec(LIST_SCHEMA);
    db.prepare("INSERT INTO meta (name, value) VALUES ('engine', ?)").run(engineVersion);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** The headline list's tables (schema.ts LIST_SCHEMA), filled in once for a file from before them. */
function addListTables(db: Database.Database): void {
  db.transaction(() => {
    db.exec(LIST_SCHEMA);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
    const articles = count('SELECT count(*) AS n FROM articles');
    const filled = count('SELECT count(*) AS n FROM list_entries') !== articles;
    if (filled) db.exec(FILL_LIST_ENTRIES);
    // Entries filled in are tallied by their trigger, but not their categories: count everything again.
    if (filled || count("SELECT sum(count) AS n FROM list_tallies WHERE kind = 'all'") !== articles)
      db.exec(FILL_LIST_TALLIES);
  })();
}

function setAside(path: string, now: Date): string {
  let backup = `${path}.damaged-${backupStamp(now)}`;
  for (let n = 1; existsSync(backup); n++) backup = `${path}.damaged-${backupStamp(now)}-${n}`;
  renameSync(path, backup);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, backup + suffix);
  }
  return backup;
}

function prepare(db: Database.Database) {
  return {
    count: db.prepare('SELECT count(*) AS n FROM articles'),
    sampleKeys: db.prepare('SELECT key FROM articles ORDER BY content_hash LIMIT ?').safeIntegers(true),
    fileState: db.prepare('SELECT mtime_ms, size FROM articles WHERE path = ?'),
    failedState: db.prepare('SELECT mtime_ms, size FROM failed_files WHERE path = ?'),
    pathsWithin: db.prepare(
      'SELECT path FROM articles WHERE path >= ? AND path < ? UNION ALL SELECT path FROM failed_files WHERE path >= ? AND path < ?',
    ),
    failuresWithin: db.prepare('SELECT * FROM failed_files WHERE path >= ? AND path < ? ORDER BY path'),
    anyPathBetween: db.prepare('SELECT 1 FROM articles WHERE path >= ? AND path < ? LIMIT 1'),
    anyPathFrom: db.prepare('SELECT 1 FROM articles WHERE path >= ? LIMIT 1'),
    keyOfPath: db.prepare('SELECT key, categories FROM articles WHERE path = ?').safeIntegers(true),
    deleteArticle: db.prepare('DELETE FROM articles WHERE key = ?'),
    deleteCategory: db.prepare('DELETE FROM categories WHERE category = ? AND key = ?'),
    deleteText: db.prepare('DELETE FROM text_index WHERE rowid = ?'),
    deleteChars: db.prepare('DELETE FROM char_index WHERE rowid = ?'),
    deleteFailed: db.prepare('DELETE FROM failed_files WHERE path = ?'),
    upsertFailed: db.prepare(
      'INSERT OR REPLACE INTO failed_files (path, root, mtime_ms, size, problems) VALUES (?, ?, ?, ?, ?)',
    ),
    insertArticle: db.prepare(
      `INSERT INTO articles (key, ${SUMMARY_COLUMNS}, body) VALUES (@key, @id, @path, @root, @content_hash, @title, @date, @date_source, @author, @categories, @images, @chars, @excerpt, @body_format, @mtime_ms, @size, @degraded, @problems, @body)`,
    ),
    insertCategory: db.prepare('INSERT OR IGNORE INTO categories (category, key) VALUES (?, ?)'),
    insertText: db.prepare(
      'INSERT INTO text_index (rowid, title, author, categories, text) VALUES (@key, @title, @author, @categories, @text)',
    ),
    insertChars: db.prepare('INSERT INTO char_index (rowid, units) VALUES (?, ?)'),
    keyTaken: db.prepare('SELECT 1 FROM articles WHERE key = ?'),
    byId: db.prepare(`SELECT ${SUMMARY_COLUMNS}, body FROM articles WHERE id = ?`),
    byPath: db.prepare(`SELECT ${SUMMARY_COLUMNS}, body FROM articles WHERE path = ?`),
    page: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY key DESC LIMIT ? OFFSET ?`),
    all: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY key DESC`),
    summaryByPath: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE path = ?`),
    problemsWithin: db.prepare(
      "SELECT path, problems FROM articles WHERE path >= ? AND path < ? AND problems != '[]' UNION ALL SELECT path, problems FROM failed_files WHERE path >= ? AND path < ?",
    ),
    idOfKey: db.prepare('SELECT id FROM articles WHERE key = ?'),
    summariesWithin: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE path >= ? AND path < ?`),
    summaryById: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`),
    byContentHash: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE content_hash = ?`),
    textOfKey: db.prepare(
      'SELECT id, path, title, date, author, categories, body FROM articles WHERE key = ?',
    ),
  };
}
