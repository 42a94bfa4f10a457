// Full-text search over titles, bodies, authors and categories, for Chinese/Japanese/Korean and
// space-separated languages alike. Pure: no I/O; the library hands documents in and persists
// `serialize()` output.
//
// How a query runs (see parseQuery.ts for what the user can type):
//   1. Each clause gets candidate documents from posting lists. A 2-unit CJK run and a word
//      (prefix) have EXACT lists; longer CJK runs and phrases intersect their parts' lists and are
//      verified with indexOf on the stored folded text (anchored on the unit memchr finds fastest,
//      see byteFrequency.ts). A single CJK character has an exact list (CharPostings).
//   2. Clauses are intersected (smallest first), filtered (deleted, dates, category, starred) and
//      verified where needed: `total` is exact.
//   3. Order: newest first (date, then id, a bounded heap), and for relevance the newest
//      RELEVANCE_WINDOW reordered by relevance.ts. Only the requested page is given snippets.

import { sampleByteCounts } from '../../../shared/byteFrequency';
import { ClauseMatcher } from '../../../shared/ClauseMatcher';
import { ExactMatcher, exactMatchers, forDocument, type TextMatcher } from '../../../shared/ExactMatcher';
import { findRanges } from '../../../shared/foldedText';
import { parseQuery, type QueryClause, type QueryToken } from '../../../shared/parseQuery';
import {
  type ClauseGroup,
  type FieldLayout,
  groupFound,
  groupsOf,
  highlighted,
  layoutOf,
} from '../../../shared/queryGroups';
import type {
  HighlightRange,
  SearchMatch,
  SearchNotice,
  SearchQuery,
  SearchResult,
} from '../../../shared/types';
import { type DocRecord, type IndexDoc, IndexState, MAX_WORD, type PostingSide } from './IndexState';
import { decodeIndex, encodeIndex } from './indexCodec';
import { byRelevance, RELEVANCE_WINDOW, relevanceScore } from './relevance';
import { makeSnippet } from './snippet';
import { intersect, unionAll } from './sortedSets';

export type { ParsedQuery, QueryClause, QueryToken } from '../../../shared/parseQuery';
export { parseQuery } from '../../../shared/parseQuery';
export type { IndexDoc } from './IndexState';

export interface SearchContext {
  isStarred?: (id: string) => boolean;
}

export interface IndexStats {
  docs: number;
  terms: number;
  postingBytes: number;
  textBytes: number;
  approxBytes: number;
}

const DEFAULT_LIMIT = 200;
const EMPTY = new Int32Array(0);
const DAY_MS = 86_400_000;
/** Compact when this many numbers are dead and they outnumber the live documents. */
const COMPACT_MIN_DELETED = 10_000;

interface Candidates {
  docs: Int32Array;
  /** True when every listed document really matches (no verification needed). */
  exact: boolean;
}

export class SearchIndex {
  private state: IndexState;
  /** Byte frequencies of the stored text and the document count they were sampled at. */
  private byteCounts: Float64Array | undefined;
  private byteCountsDocs = 0;

  constructor(state?: IndexState) {
    this.state = state ?? new IndexState();
  }

  get size(): number {
    return this.state.size;
  }

  has(id: string): boolean {
    return this.state.byId.has(id);
  }

  /** Cheap: CJK postings are buffered and posted in sorted batches (at the latest by the next read). */
  add(doc: IndexDoc): void {
    this.upsert(doc);
    this.maintain();
  }

  addMany(docs: IndexDoc[]): void {
    for (const doc of docs) this.upsert(doc);
    this.state.flush();
    this.maintain();
    this.state.pool.freeze();
    this.state.chars.tidy();
  }

  remove(id: string): boolean {
    const removed = this.state.removeDoc(id);
    if (removed) this.maintain();
    return removed;
  }

  private upsert(doc: IndexDoc): void {
    const state = this.state;
    const old = state.byId.get(doc.id);
    if (old !== undefined) {
      if (sameDoc(state.docs[old]!, doc)) return;
      state.removeDoc(doc.id);
    }
    state.addDoc(doc);
  }

  /** Keeps dead numbers and unfrozen postings from growing without bound under live updates. */
  private maintain(): void {
    const state = this.state;
    if (state.deleted >= COMPACT_MIN_DELETED && state.deleted > state.size) {
      this.compact();
      return;
    }
    const pool = state.pool;
    if (pool.chainedBytes > 64 * 1024 * 1024 && pool.chainedBytes > pool.bytes / 4) pool.freeze();
  }

  /** Rebuilds from the live documents, renumbering them densely. */
  private compact(): void {
    const old = this.state;
    const fresh = new IndexState();
    for (const rec of old.docs) if (rec !== null) fresh.addDoc(recordToDoc(rec));
    fresh.flush();
    fresh.pool.freeze();
    fresh.chars.tidy();
    this.state = fresh;
  }

  stats(): IndexStats {
    const s = this.state;
    s.flush();
    let textBytes = 0;
    let metaBytes = 0;
    for (const rec of s.docs) {
      if (rec === null) continue;
      textBytes += rec.folded.length * (rec.wide ? 2 : 1);
      textBytes += rec.diffs ? rec.diffs.byteLength : 0;
      metaBytes += 200 + (rec.id.length + rec.path.length + rec.title.length) * 2;
    }
    const postingBytes = s.pool.bytes + s.chars.bytes;
    const dictBytes =
      s.body.pairs.bytes + s.title.pairs.bytes + s.body.words.bytes + s.title.words.bytes + 2 * 0x10000 * 4;
    return {
      docs: s.size,
      terms: s.pool.size,
      postingBytes,
      textBytes,
      approxBytes:
        postingBytes + s.pool.overheadBytes + dictBytes + textBytes + metaBytes + s.rankDate.byteLength,
    };
  }

  serialize(): Uint8Array {
    this.state.flush();
    return encodeIndex(this.state);
  }

  static deserialize(bytes: Uint8Array): SearchIndex {
    return new SearchIndex(decodeIndex(bytes));
  }

  search(query: SearchQuery, ctx: SearchContext = {}): SearchResult {
    const started = performance.now();
    const parsed = parseQuery(query.text);
    const notices: SearchNotice[] = [...parsed.notices];
    const finish = (total: number, matches: SearchMatch[]): SearchResult => {
      const result: SearchResult = {
        query: query.text,
        total,
        matches,
        elapsedMs: performance.now() - started,
      };
      if (notices.length) result.notices = notices;
      return result;
    };
    const clauses = parsed.clauses;
    const groups = groupsOf(clauses);
    const wanted = groups.filter((g) => !g.negated);
    if (wanted.length === 0) return finish(0, []);

    const state = this.state;
    state.flush();
    const byteCounts = this.sampledByteCounts();
    const matchers = clauses.map((c) => new ClauseMatcher(c, byteCounts));
    // Exact characters: the postings fold 國 to 国, so clauses that could differ in them are checked
    // where they occur against the characters as written (ExactMatcher.ts).
    const textMatchers: TextMatcher[] = query.exactCharacters ? exactMatchers(clauses, matchers) : matchers;
    const verifyExact = textMatchers.some((m) => m instanceof ExactMatcher);
    const candidates = clauses.map((c) => this.clauseCandidates(c, state.body));
    // A group needs no look at the text when every alternative's list is exact, none is bound to a
    // field and none must be checked for exact characters.
    const groupExact = (g: ClauseGroup) =>
      g.members.every(
        (i) =>
          candidates[i]!.exact &&
          clauses[i]!.field === undefined &&
          !(textMatchers[i] instanceof ExactMatcher),
      );
    const groupDocs = (g: ClauseGroup) =>
      g.members.length === 1
        ? candidates[g.members[0]!]!.docs
        : unionAll(
            g.members.map((i) => candidates[i]!.docs),
            state.docs.length,
          );
    const plans = wanted.map((g) => ({ group: g, docs: groupDocs(g), exact: groupExact(g) }));
    plans.sort((a, b) => a.docs.length - b.docs.length);
    let docs = plans[0]!.docs;
    for (let i = 1; i < plans.length && docs.length > 0; i++) docs = intersect(docs, plans[i]!.docs);
    const verify = plans.filter((p) => !p.exact).map((p) => p.group);
    const excluded = groups
      .filter((g) => g.negated)
      .map((g) => ({ group: g, exact: groupExact(g), marks: markOf(groupDocs(g), state.docs.length) }));

    // Filters and verification, cheapest checks first.
    const filters = query.filters ?? {};
    const fromMs = maxOf(boundMs(filters.from, false, 'from', notices), parsed.fromMs);
    const toMs = minOf(boundMs(filters.to, true, 'to', notices), parsed.toMs);
    const dated = fromMs !== undefined || toMs !== undefined;
    const lo = fromMs ?? Number.NEGATIVE_INFINITY;
    const hi = toMs ?? Number.POSITIVE_INFINITY;
    const category = filters.category;
    const isStarred = filters.starredOnly ? (ctx.isStarred ?? (() => false)) : null;
    const records = state.docs;
    const hits = new Int32Array(docs.length);
    let total = 0;
    if (!dated && category === undefined && !isStarred && verify.length === 0 && excluded.length === 0) {
      // Exact candidates, no filters: only removed documents drop out, and rankDate tells those
      // without reading each record (tens of thousands of scattered objects for a common term).
      const rankDate = state.rankDate;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (!Number.isNaN(rankDate[d]!)) hits[total++] = d;
      }
    } else {
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const rec = records[d];
        if (!rec) continue;
        if (dated && !(rec.dateMs >= lo && rec.dateMs <= hi)) continue;
        if (category !== undefined && !rec.categories.includes(category)) continue;
        if (isStarred && !isStarred(rec.id)) continue;
        let layout: FieldLayout | undefined;
        const found = (g: ClauseGroup) => {
          if (verifyExact) forDocument(textMatchers, rec.diffs);
          layout ??= layoutOf(rec.title, rec.author, rec.categories);
          return groupFound(g, clauses, textMatchers, rec.folded, layout);
        };
        if (!verify.every(found)) continue;
        if (excluded.some((x) => x.marks[d] === 1 && (x.exact || found(x.group)))) continue;
        hits[total++] = d;
      }
    }
    const found = hits.subarray(0, total);

    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    if (total === 0 || offset >= total || limit === 0) return finish(total, []);

    // Newest first (date, then id); for relevance the newest RELEVANCE_WINDOW are then reordered.
    const relevance = (query.order ?? 'relevance') === 'relevance';
    const need = Math.min(total, relevance ? Math.max(RELEVANCE_WINDOW, offset + limit) : offset + limit);
    const byDate = selectPage(found, new Uint8Array(total), state.rankDate, records as DocRecord[], 0, need);
    let ranked = byDate.map((i) => ({ doc: found[i]!, score: 0 }));
    if (relevance) {
      const head = ranked.slice(0, RELEVANCE_WINDOW).map(({ doc }) => {
        const rec = records[doc]!;
        forDocument(textMatchers, rec.diffs);
        const score = relevanceScore(rec.folded, rec.titleLen, wanted, clauses, textMatchers);
        return { doc, score, dateMs: rec.dateMs, id: rec.id };
      });
      head.sort(byRelevance);
      ranked = [...head, ...ranked.slice(RELEVANCE_WINDOW)];
    }
    const shown = highlighted(clauses, textMatchers);
    const matches = ranked
      .slice(offset, offset + limit)
      .map(({ doc, score }) => toMatch(records[doc]!, score, shown));
    return finish(total, matches);
  }

  /** Resampled whenever the archive has doubled (or halved) since the last sample. */
  private sampledByteCounts(): Float64Array {
    const n = this.state.docs.length;
    if (this.byteCounts === undefined || n > this.byteCountsDocs * 2 || n * 2 < this.byteCountsDocs) {
      this.byteCounts = sampleByteCounts(this.state.docs.map((rec) => rec?.folded));
      this.byteCountsDocs = n;
    }
    return this.byteCounts;
  }

  private clauseCandidates(clause: QueryClause, side: PostingSide): Candidates {
    if (clause.tokens.length === 1) return this.tokenCandidates(clause.tokens[0]!, side);
    const parts = clause.tokens.map((t) => this.tokenCandidates(t, side).docs);
    parts.sort((a, b) => a.length - b.length);
    let docs = parts[0]!;
    for (let i = 1; i < parts.length && docs.length > 0; i++) docs = intersect(docs, parts[i]!);
    return { docs, exact: false };
  }

  private tokenCandidates(token: QueryToken, side: PostingSide): Candidates {
    const pool = this.state.pool;
    const text = token.text;
    if (token.kind === 'cjk') {
      if (text.length === 1) {
        if (side === this.state.body) return { docs: this.state.chars.docs(text.charCodeAt(0)), exact: true };
        const l = side.uni[text.charCodeAt(0)]!;
        return { docs: l < 0 ? EMPTY : pool.decode(l), exact: true };
      }
      const lists: number[] = [];
      for (let i = 1; i < text.length; i++) {
        const l = side.pairs.get((text.charCodeAt(i - 1) << 16) | text.charCodeAt(i));
        if (l < 0) return { docs: EMPTY, exact: true };
        if (!lists.includes(l)) lists.push(l);
      }
      lists.sort((a, b) => pool.count(a) - pool.count(b));
      let docs = pool.decode(lists[0]!);
      for (let i = 1; i < lists.length && docs.length > 0; i++)
        docs = intersect(docs, pool.decode(lists[i]!));
      return { docs, exact: text.length === 2 };
    }
    const truncated = text.length > MAX_WORD;
    const key = truncated ? text.slice(0, MAX_WORD) : text;
    if (token.prefix || truncated) {
      const lists = side.words.withPrefix(key).map((l) => pool.decode(l));
      return { docs: unionAll(lists, this.state.docs.length), exact: !truncated };
    }
    const l = side.words.get(key);
    return { docs: l < 0 ? EMPTY : pool.decode(l), exact: true };
  }
}

function sameDoc(rec: DocRecord, doc: IndexDoc): boolean {
  if (rec.title !== doc.title || rec.path !== (doc.path ?? '') || rec.author !== doc.author) return false;
  if (!Object.is(rec.dateMs, doc.dateMs) || rec.categories.length !== doc.categories.length) return false;
  if (rec.categories.some((c, i) => c !== doc.categories[i])) return false;
  const text = doc.text;
  if (rec.folded.length - rec.textStart !== text.length) return false;
  const original = recordText(rec);
  return original === text;
}

function recordText(rec: DocRecord): string {
  const { folded, diffs, textStart } = rec;
  if (diffs === null) return folded.slice(textStart);
  let out = '';
  let last = textStart;
  for (let d = 0; d < diffs.length; d += 2) {
    const at = diffs[d]!;
    if (at < textStart) continue;
    out += folded.slice(last, at) + String.fromCharCode(diffs[d + 1]!);
    last = at + 1;
  }
  return out + folded.slice(last);
}

function recordToDoc(rec: DocRecord): IndexDoc {
  const doc: IndexDoc = {
    id: rec.id,
    path: rec.path,
    title: rec.title,
    text: recordText(rec),
    categories: rec.categories,
    dateMs: rec.dateMs,
  };
  if (rec.author !== undefined) doc.author = rec.author;
  return doc;
}

/** An inclusive bound in ms; a bare `to` date covers that whole UTC day. */
export function boundMs(
  value: string | undefined,
  isEnd: boolean,
  name: string,
  notices: SearchNotice[],
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    notices.push({ kind: 'badDate', operator: name, value });
    return undefined;
  }
  return isEnd && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? ms + DAY_MS - 1 : ms;
}

/** Indices into `found` of ranks [offset, offset+limit): title score, then date, then id. */
function selectPage(
  found: Int32Array,
  scores: Uint8Array,
  rankDate: Float64Array,
  records: DocRecord[],
  offset: number,
  limit: number,
): number[] {
  const k = Math.min(found.length, offset + limit);
  // better(a, b): a ranks before b.
  const better = (a: number, b: number): boolean => {
    const sa = scores[a]!;
    const sb = scores[b]!;
    if (sa !== sb) return sa > sb;
    const da = rankDate[found[a]!]!;
    const db = rankDate[found[b]!]!;
    if (da !== db) return da > db;
    return records[found[a]!]!.id < records[found[b]!]!.id;
  };
  // Min-heap of the k best so far, the worst at the root.
  const heap: number[] = [];
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && better(heap[w]!, heap[l]!)) w = l;
      if (r < heap.length && better(heap[w]!, heap[r]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (let i = 0; i < found.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      let j = heap.length - 1;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!better(heap[p]!, heap[j]!)) break;
        [heap[p], heap[j]] = [heap[j]!, heap[p]!];
        j = p;
      }
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return heap.slice(offset, offset + limit);
}

/** The later of two optional bounds. */
export function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** The earlier of two optional bounds. */
export function minOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** 1 at each listed document number. */
function markOf(docs: Int32Array, universe: number): Uint8Array {
  const marks = new Uint8Array(universe);
  for (let i = 0; i < docs.length; i++) marks[docs[i]!] = 1;
  return marks;
}

function toMatch(rec: DocRecord, score: number, textMatchers: TextMatcher[]): SearchMatch {
  const matchers = forDocument(textMatchers, rec.diffs);
  const titleHighlights: HighlightRange[] = findRanges(rec.folded, 0, rec.titleLen, matchers);
  const { snippet, highlights } = makeSnippet(rec.folded, rec.diffs, rec.textStart, matchers);
  return {
    id: rec.id,
    path: rec.path,
    title: rec.title,
    date: isoDate(rec.dateMs),
    titleHighlights,
    snippet,
    snippetHighlights: highlights,
    score,
  };
}

function isoDate(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
