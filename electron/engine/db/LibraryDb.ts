// The library on disk: one SQLite database (better-sqlite3, WAL) per data folder, `library.db`.
// Writes come in batches, each one transaction, so a process killed at any instant leaves the last
// committed batch; a damaged file is kept aside (renamed) and a fresh one is rebuilt from the files.
// Searches are answered newest first straight from FTS5 (dateKey.ts), page by page, with exact totals.

import { existsSync, renameSync } from 'node:fs';
import { sep } from 'node:path';
import Database from 'better-sqlite3';
import { ClauseMatcher } from '../../../shared/ClauseMatcher';
import { ExactMatcher, exactMatchers, forDocument, type TextMatcher } from '../../../shared/ExactMatcher';
import { findRanges } from '../../../shared/foldedText';
import { parseQuery, type QueryClause } from '../../../shared/parseQuery';
import { type ClauseGroup, groupFound, groupsOf, highlighted, layoutOf } from '../../../shared/queryGroups';
import type {
  ArticleImages,
  ArticleSummary,
  BodyFormat,
  DateSource,
  HighlightRange,
  Problem,
  SearchMatch,
  SearchNotice,
  SearchQuery,
  SearchResult,
} from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';
import { boundMs, maxOf, minOf } from '../search/dateBounds';
import { byRelevance, RELEVANCE_WINDOW, relevanceScore } from '../search/relevance';
import { makeSnippet } from '../search/snippet';
import { backupStamp } from '../store/userDataFile';
import { ALL_KEYS, baseKey, keyRangeBetween } from './dateKey';
import { type ClausePlan, planClause } from './ftsTokens';
import { bodyBlob, type PreparedText, prepareText } from './preparedText';
import { SCHEMA, SCHEMA_VERSION } from './schema';
import { foldArticle, unpackFields } from './storedText';

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

export interface DbSearchContext {
  isStarred?: (id: string) => boolean;
  /** Only articles under these folders (absolute paths). */
  within?: string[];
  /** False: matches without snippets (their text is not even read). */
  snippets?: boolean;
  /**
   * True: the total is counted exactly however many match. Otherwise a query matching more than
   * `estimateAbove` (ESTIMATE_ABOVE) articles may get an estimated total (`totalEstimated`).
   */
  exactTotal?: boolean;
  estimateAbove?: number;
}

/** Totals above this many matches may be estimated (and are marked so); below it they are exact. */
export const ESTIMATE_ABOVE = 100_000;
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

interface ArticleRow {
  id: string;
  path: string;
  root: string;
  content_hash: string;
  title: string;
  date: string;
  date_source: string;
  author: string | null;
  categories: string;
  images: string;
  chars: number;
  excerpt: string;
  body_format: string;
  mtime_ms: number;
  size: number;
  degraded: number;
  problems: string;
  body?: Buffer;
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

/** [lo, hi) of the paths inside a folder, as string bounds for an index range. */
function pathRange(folder: string): [string, string] {
  const base = folder.endsWith(sep) ? folder : folder + sep;
  const last = base.charCodeAt(base.length - 1);
  return [base, base.slice(0, -1) + String.fromCharCode(last + 1)];
}

const DEFAULT_LIMIT = 200;

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
        s.insertText.run(key, prepared.tokens);
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

  search(query: SearchQuery, ctx: DbSearchContext = {}): SearchResult {
    return this.guard(() => this.runSearch(query, ctx));
  }

  private runSearch(query: SearchQuery, ctx: DbSearchContext): SearchResult {
    const started = performance.now();
    const parsed = parseQuery(query.text);
    const notices: SearchNotice[] = [...parsed.notices];
    let totalEstimated = false;
    const finish = (total: number, matches: SearchMatch[]): SearchResult => {
      const result: SearchResult = {
        query: query.text,
        total,
        matches,
        elapsedMs: performance.now() - started,
      };
      if (totalEstimated) result.totalEstimated = true;
      if (notices.length) result.notices = notices;
      return result;
    };
    const clauses = parsed.clauses;
    const groups = groupsOf(clauses);
    const wanted = groups.filter((g) => !g.negated);
    if (wanted.length === 0) return finish(0, []);
    const plans = clauses.map(planClause);
    const matchers = clauses.map((c) => new ClauseMatcher(c));
    // Exact characters: FTS5 holds 國 folded to 国, so clauses that could differ in them are checked
    // where they occur against the characters as written (ExactMatcher.ts).
    const textMatchers: TextMatcher[] = query.exactCharacters ? exactMatchers(clauses, matchers) : matchers;
    // A group FTS5 answers exactly: every alternative's plan exact, none bound to a field or checked
    // for exact characters. The others are a superset from FTS5, decided on the text.
    const groupExact = (g: ClauseGroup) =>
      g.members.every(
        (i) =>
          plans[i]!.exact && clauses[i]!.field === undefined && !(textMatchers[i] instanceof ExactMatcher),
      );
    const verify = wanted.filter((g) => !groupExact(g));
    const excluded = groups.filter((g) => g.negated);
    const verifyExcluded = excluded.filter((g) => !groupExact(g));

    const params: Record<string, string | bigint> = {};
    let n = 0;
    const param = (value: string) => {
      const name = `p${n++}`;
      params[name] = value;
      return `@${name}`;
    };
    let rid = 'articles.key';
    const inTable = (table: string, expr: string) =>
      `+${rid} IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${param(expr)})`;
    /** An SQL condition on the walked rows for one clause's plan. */
    const clauseSql = (plan: ClausePlan) =>
      [plan.main && inTable('text_index', plan.main), plan.unigram && inTable('char_index', plan.unigram)]
        .filter(Boolean)
        .join(' AND ');
    const groupSql = (g: ClauseGroup) =>
      `(${g.members.map((i) => `(${clauseSql(plans[i]!)})`).join(' OR ')})`;
    // The table the query walks: the first wanted group whose alternatives all ask the same one table.
    const single = (g: ClauseGroup, key: 'main' | 'unigram', other: 'main' | 'unigram') =>
      g.members.every((i) => plans[i]![key] !== null && plans[i]![other] === null);
    let driver = wanted.find((g) => single(g, 'main', 'unigram'));
    let table = 'text_index';
    if (!driver) {
      driver = wanted.find((g) => single(g, 'unigram', 'main'));
      table = 'char_index';
    }
    const where: string[] = [];
    let from = 'articles';
    if (driver) {
      const key = table === 'text_index' ? 'main' : 'unigram';
      from = table;
      rid = `${table}.rowid`;
      where.push(`${table} MATCH ${param(driver.members.map((i) => `(${plans[i]![key]})`).join(' OR '))}`);
    }
    for (const g of wanted) if (g !== driver) where.push(groupSql(g));
    for (const g of excluded) if (groupExact(g)) where.push(`NOT ${groupSql(g)}`);

    const filters = query.filters ?? {};
    const fromMs = maxOf(boundMs(filters.from, false, 'from', notices), parsed.fromMs);
    const toMs = minOf(boundMs(filters.to, true, 'to', notices), parsed.toMs);
    const range = fromMs === undefined && toMs === undefined ? ALL_KEYS : keyRangeBetween(fromMs, toMs);
    params.lo = range.lo;
    params.hi = range.hi;
    where.push(`${rid} BETWEEN @lo AND @hi`);
    if (filters.category !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM categories c WHERE c.category = @category AND c.key = ${rid})`);
      params.category = filters.category;
    }
    if (ctx.within && this.hasArticlesOutside(ctx.within)) {
      const inside = ctx.within.map((folder, i) => {
        const [lo, hi] = pathRange(folder);
        params[`plo${i}`] = lo;
        params[`phi${i}`] = hi;
        return `(a.path >= @plo${i} AND a.path < @phi${i})`;
      });
      where.push(`EXISTS (SELECT 1 FROM articles a WHERE a.key = ${rid} AND (${inside.join(' OR ')}))`);
    }
    const sql = `SELECT ${rid} AS key FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${rid} DESC`;

    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const isStarred = filters.starredOnly ? (ctx.isStarred ?? (() => false)) : null;
    // Newest first (the key order); for relevance the newest RELEVANCE_WINDOW are then reordered.
    const relevance = (query.order ?? 'relevance') === 'relevance';
    const need = relevance ? Math.max(RELEVANCE_WINDOW, offset + limit) : offset + limit;
    let total: number;
    /** The first `need` matches, newest first (or the page only, for newest first). */
    let keys: bigint[];
    let keysFrom = 0;
    if (verify.length === 0 && verifyExcluded.length === 0 && !isStarred) {
      // Counted in FTS5's own (ascending) order: walking a long doclist backwards costs more.
      const countSql = `SELECT count(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`;
      const estimateAbove = ctx.estimateAbove ?? ESTIMATE_ABOVE;
      let estimate: number | null = null;
      const library = ctx.exactTotal ? null : this.librarySample();
      if (library && library.count > estimateAbove && library.keys.length > 0) {
        // Counted up to the line, oldest first. Past it, the matches counted so far are scaled by
        // how much of the searched key range they covered, measured with a uniform sample of the
        // library's keys (FTS5 is never asked to look rowids up one by one: that is far slower).
        const walked = this.db
          .prepare(
            `SELECT count(*) AS n, max(k) AS last FROM (SELECT ${rid} AS k FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${rid} LIMIT @cap)`,
          )
          .safeIntegers(true)
          .get({ ...params, cap: estimateAbove + 1 }) as { n: bigint; last: bigint | null };
        const n = Number(walked.n);
        if (n <= estimateAbove) {
          estimate = n;
        } else {
          const lo = range.lo;
          const hi = range.hi;
          const last = walked.last!;
          let inRange = 0;
          let covered = 0;
          for (const key of library.keys) {
            if (key < lo || key > hi) continue;
            inRange++;
            if (key <= last) covered++;
          }
          if (covered > 0) {
            estimate = Math.max(n, Math.round((n * inRange) / covered));
            totalEstimated = true;
          }
        }
      }
      keysFrom = relevance ? 0 : offset;
      const count = relevance ? need : limit;
      total = estimate ?? (this.db.prepare(countSql).get(params) as { n: number }).n;
      keys =
        limit === 0 || (!totalEstimated && offset >= total)
          ? []
          : (
              this.db
                .prepare(`${sql} LIMIT @limit OFFSET @offset`)
                .safeIntegers(true)
                .all({ ...params, limit: count, offset: keysFrom }) as { key: bigint }[]
            ).map((r) => r.key);
      if (totalEstimated && keys.length < count && (keys.length > 0 || keysFrom === 0)) {
        // The last match is on this page: the exact total is known after all.
        total = keysFrom + keys.length;
        totalEstimated = false;
      }
    } else {
      // Some groups need the text (or the stars) to decide: walk every candidate, newest first.
      total = 0;
      keys = [];
      const s = this.statements;
      const fieldsOnly = [...verify, ...verifyExcluded].every((g) =>
        g.members.every((i) => clauses[i]!.field !== undefined),
      );
      for (const row of this.db.prepare(sql).safeIntegers(true).iterate(params)) {
        const key = (row as { key: bigint }).key;
        if (isStarred && !isStarred((s.idOfKey.get(key) as { id: string }).id)) continue;
        if (verify.length || verifyExcluded.length) {
          const fields = searchable(s.textOfKey.get(key) as ArticleRow);
          // Clauses bound to the author or the categories never look at the text: it is not folded.
          if (fieldsOnly) fields.text = '';
          const { folded, diffs } = foldArticle(fields);
          forDocument(textMatchers, diffs);
          const layout = layoutOf(fields.title, fields.author, fields.categories);
          const found = (g: ClauseGroup) => groupFound(g, clauses, textMatchers, folded, layout);
          if (!verify.every(found)) continue;
          if (verifyExcluded.some(found)) continue;
        }
        if (total < need) keys.push(key);
        total++;
      }
    }
    if (limit === 0 || offset >= total) return finish(total, []);
    let ranked = keys.map((key) => ({ key, score: 0 }));
    if (relevance) {
      const head = ranked.slice(0, RELEVANCE_WINDOW).map(({ key }) => {
        const row = this.statements.textOfKey.get(key) as ArticleRow;
        const fields = searchable(row);
        const record = foldArticle(fields);
        forDocument(textMatchers, record.diffs);
        const score = relevanceScore(record.folded, record.titleLen, wanted, clauses, textMatchers);
        return { key, score, dateMs: Date.parse(row.date), id: row.id };
      });
      head.sort(byRelevance);
      ranked = [...head, ...ranked.slice(RELEVANCE_WINDOW)];
    }
    const page = ranked.slice(offset - keysFrom, offset - keysFrom + limit);
    const matches = page.map(({ key, score }) =>
      this.toMatch(key, clauses, textMatchers, ctx.snippets !== false, score),
    );
    return finish(total, matches);
  }

  private toMatch(
    key: bigint,
    clauses: QueryClause[],
    textMatchers: TextMatcher[],
    snippets: boolean,
    score: number,
  ): SearchMatch {
    const row = this.statements.textOfKey.get(key) as ArticleRow;
    if (!snippets) {
      return {
        id: row.id,
        path: row.path,
        title: row.title,
        date: row.date,
        titleHighlights: [],
        snippet: '',
        snippetHighlights: [],
        score,
      };
    }
    const fields = searchable(row);
    const record = foldArticle(fields);
    const matchers = forDocument(textMatchers, record.diffs);
    const shown = highlighted(clauses, matchers);
    const titleHighlights: HighlightRange[] = findRanges(record.folded, 0, record.titleLen, shown);
    const { snippet, highlights } = makeSnippet(record.folded, record.diffs, record.textStart, shown);
    return {
      id: row.id,
      path: row.path,
      title: fields.title,
      date: row.date,
      titleHighlights,
      snippet,
      snippetHighlights: highlights,
      score,
    };
  }
}

/** The exact fields of a stored article (categories are JSON, which keeps lone surrogates). */
function searchable(row: ArticleRow) {
  return { ...unpackFields(row.body!), categories: JSON.parse(row.categories) as string[] };
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
    db.prepare("INSERT INTO meta (name, value) VALUES ('engine', ?)").run(engineVersion);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
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
    insertText: db.prepare('INSERT INTO text_index (rowid, tokens) VALUES (?, ?)'),
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
