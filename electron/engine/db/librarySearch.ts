// Searching the library database: the query parsed and planned into FTS5 conditions, walked newest
// first (rowids follow the date, dateKey.ts) or by bm25() for relevance, checked against the stored
// text where FTS5 cannot decide alone, counted exactly (or estimated past ESTIMATE_ABOVE), the first
// page ranked by relevance.ts, and the page's snippets made.
// LibraryDb owns the connection and hands a search what it reads (SearchSource).

import type Database from 'better-sqlite3';
import { ClauseMatcher } from '../../../shared/ClauseMatcher';
import { ExactMatcher, exactMatchers, forDocument, type TextMatcher } from '../../../shared/ExactMatcher';
import { findRanges } from '../../../shared/foldedText';
import { parseQuery, type QueryClause } from '../../../shared/parseQuery';
import { type ClauseGroup, groupFound, groupsOf, highlighted, layoutOf } from '../../../shared/queryGroups';
import type {
  HighlightRange,
  SearchMatch,
  SearchNotice,
  SearchQuery,
  SearchResult,
} from '../../../shared/types';
import { boundMs, maxOf, minOf } from '../search/dateBounds';
import { byRelevance, COLUMN_WEIGHTS, RELEVANCE_WINDOW, relevanceScore } from '../search/relevance';
import { makeSnippet } from '../search/snippet';
import { type ArticleRow, pathRange } from './articleRow';
import { ALL_KEYS, keyRangeBetween } from './dateKey';
import { type ClausePlan, planClause, TEXT_COLUMNS } from './ftsTokens';
import { type FoldedArticle, foldArticle, unpackFields } from './storedText';

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

const DEFAULT_LIMIT = 200;

/** What a search reads from the library database (LibraryDb hands it over). */
export interface SearchSource {
  readonly db: Database.Database;
  readonly idOfKey: Database.Statement;
  readonly textOfKey: Database.Statement;
  /** The library's size and a uniform sample of its keys (for estimated totals). */
  librarySample(): { count: number; keys: bigint[] };
  hasArticlesOutside(folders: string[]): boolean;
}

export function searchLibraryDb(
  source: SearchSource,
  query: SearchQuery,
  ctx: DbSearchContext,
): SearchResult {
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
  // A group FTS5 answers exactly: every alternative's plan exact (field-bound ones are column
  // filters) and none checked for exact characters. The others are a superset from FTS5, decided
  // on the text.
  const groupExact = (g: ClauseGroup) =>
    g.members.every((i) => plans[i]!.exact && !(textMatchers[i] instanceof ExactMatcher));
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
  const groupSql = (g: ClauseGroup) => `(${g.members.map((i) => `(${clauseSql(plans[i]!)})`).join(' OR ')})`;
  // The table the query walks, with every wanted group that asks only that table in its MATCH (so
  // bm25() sees all of them): text_index when some group asks only it, else char_index.
  const single = (g: ClauseGroup, key: 'main' | 'unigram', other: 'main' | 'unigram') =>
    g.members.every((i) => plans[i]![key] !== null && plans[i]![other] === null);
  let table = 'text_index';
  let key: 'main' | 'unigram' = 'main';
  let driven = wanted.filter((g) => single(g, 'main', 'unigram'));
  if (driven.length === 0) {
    table = 'char_index';
    key = 'unigram';
    driven = wanted.filter((g) => single(g, 'unigram', 'main'));
  }
  const where: string[] = [];
  let from = 'articles';
  if (driven.length) {
    from = table;
    rid = `${table}.rowid`;
    const groupExpr = (g: ClauseGroup) => `(${g.members.map((i) => `(${plans[i]![key]})`).join(' OR ')})`;
    where.push(`${table} MATCH ${param(driven.map(groupExpr).join(' AND '))}`);
  }
  for (const g of wanted) if (!driven.includes(g)) where.push(groupSql(g));
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
  if (ctx.within && source.hasArticlesOutside(ctx.within)) {
    const inside = ctx.within.map((folder, i) => {
      const [lo, hi] = pathRange(folder);
      params[`plo${i}`] = lo;
      params[`phi${i}`] = hi;
      return `(a.path >= @plo${i} AND a.path < @phi${i})`;
    });
    where.push(`EXISTS (SELECT 1 FROM articles a WHERE a.key = ${rid} AND (${inside.join(' OR ')}))`);
  }
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const isStarred = filters.starredOnly ? (ctx.isStarred ?? (() => false)) : null;
  // Newest first is the key order. Relevance: every match by FTS5's bm25() over text_index with the
  // fields weighed (relevance.ts COLUMN_WEIGHTS), newer first among equals; without a text_index
  // term (1-character CJK queries, whose table keeps no positions) those with a character in the
  // title first. The first RELEVANCE_WINDOW of that order are then ordered by relevance.ts.
  const relevance = (query.order ?? 'relevance') === 'relevance';
  let order = `${rid} DESC`;
  if (relevance && from === 'text_index') {
    order = `bm25(text_index, ${TEXT_COLUMNS.map((c) => COLUMN_WEIGHTS[c]).join(', ')}), ${rid} DESC`;
  } else if (relevance && from === 'char_index') {
    // Single characters: those in the title first (ftsTokens.ts TITLE_UNIT), each tier newest first.
    const inTitle = driven.flatMap((g) => g.members.map((i) => plans[i]!.titleUnigram).filter(Boolean));
    if (inTitle.length) {
      order = `(${rid} IN (SELECT rowid FROM char_index WHERE char_index MATCH ${param(inTitle.join(' OR '))})) DESC, ${rid} DESC`;
    }
  }
  const sql = `SELECT ${rid} AS key FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order}`;
  const need = relevance ? Math.max(RELEVANCE_WINDOW, offset + limit) : offset + limit;
  let total: number;
  /** The first `need` matches in order (or the page only, for newest first). */
  let keys: bigint[];
  let keysFrom = 0;
  if (verify.length === 0 && verifyExcluded.length === 0 && !isStarred) {
    // Counted in FTS5's own (ascending) order: walking a long doclist backwards costs more.
    const countSql = `SELECT count(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`;
    const estimateAbove = ctx.estimateAbove ?? ESTIMATE_ABOVE;
    let estimate: number | null = null;
    const library = ctx.exactTotal ? null : source.librarySample();
    if (library && library.count > estimateAbove && library.keys.length > 0) {
      // Counted up to the line, oldest first. Past it, the matches counted so far are scaled by
      // how much of the searched key range they covered, measured with a uniform sample of the
      // library's keys (FTS5 is never asked to look rowids up one by one: that is far slower).
      const walked = source.db
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
    total = estimate ?? (source.db.prepare(countSql).get(params) as { n: number }).n;
    keys =
      limit === 0 || (!totalEstimated && offset >= total)
        ? []
        : (
            source.db
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
    const s = source;
    const fieldsOnly = [...verify, ...verifyExcluded].every((g) =>
      g.members.every((i) => clauses[i]!.field !== undefined),
    );
    for (const row of source.db.prepare(sql).safeIntegers(true).iterate(params)) {
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
  /** What was read of the window's articles, so the page's snippets do not read them again. */
  const read = new Map<bigint, Read>();
  if (relevance) {
    const head = ranked.slice(0, RELEVANCE_WINDOW).map(({ key }) => {
      const article = readArticle(source, key);
      read.set(key, article);
      forDocument(textMatchers, article.record.diffs);
      const { folded, titleLen } = article.record;
      const score = relevanceScore(folded, titleLen, wanted, clauses, textMatchers);
      return { key, score, dateMs: Date.parse(article.row.date), id: article.row.id };
    });
    head.sort(byRelevance);
    ranked = [...head, ...ranked.slice(RELEVANCE_WINDOW)];
  }
  const page = ranked.slice(offset - keysFrom, offset - keysFrom + limit);
  const matches = page.map(({ key, score }) =>
    toMatch(source, read.get(key) ?? key, clauses, textMatchers, ctx.snippets !== false, score),
  );
  return finish(total, matches);
}

/** A stored article read for ranking or a snippet: its row, exact fields and folded text. */
interface Read {
  row: ArticleRow;
  fields: ReturnType<typeof searchable>;
  record: FoldedArticle;
}

function readArticle(source: SearchSource, key: bigint): Read {
  const row = source.textOfKey.get(key) as ArticleRow;
  const fields = searchable(row);
  return { row, fields, record: foldArticle(fields) };
}

function toMatch(
  source: SearchSource,
  article: Read | bigint,
  clauses: QueryClause[],
  textMatchers: TextMatcher[],
  snippets: boolean,
  score: number,
): SearchMatch {
  if (!snippets) {
    const row = typeof article === 'bigint' ? (source.textOfKey.get(article) as ArticleRow) : article.row;
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
  const { row, fields, record } = typeof article === 'bigint' ? readArticle(source, article) : article;
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

/** The exact fields of a stored article (categories are JSON, which keeps lone surrogates). */
function searchable(row: ArticleRow) {
  return { ...unpackFields(row.body!), categories: JSON.parse(row.categories) as string[] };
}
