// The reference the index is tested against: no postings, no indexOf, no joined fields. Every field
// of every document is folded on its own and the query is tried at every position, character by
// character. Shares only the character tables and the query parser (the definitions of the language).

import { ClauseMatcher } from '../../../../shared/ClauseMatcher';
import { CLASS, FOLD, FOLD_EXACT, foldString, SEP, WORD } from '../../../../shared/charClass';
import { exactClause, parseQuery, type QueryClause } from '../../../../shared/parseQuery';
import type { SearchFilters, SearchOrder } from '../../../../shared/types';
import { byRelevance, relevanceScore } from '../relevance';
import type { IndexDoc } from './searchDoc';

function matchesAt(field: string, at: number, clause: QueryClause): boolean {
  let pos = at;
  for (let t = 0; t < clause.tokens.length; t++) {
    const token = clause.tokens[t]!;
    if (t > 0) while (pos < field.length && CLASS[field.charCodeAt(pos)] === SEP) pos++;
    for (let i = 0; i < token.text.length; i++) {
      if (field.charCodeAt(pos + i) !== token.text.charCodeAt(i)) return false;
    }
    if (token.kind === 'word') {
      const before = pos > 0 ? CLASS[field.charCodeAt(pos - 1)] : SEP;
      const after =
        pos + token.text.length < field.length ? CLASS[field.charCodeAt(pos + token.text.length)] : SEP;
      if (before === WORD) return false;
      if (!token.prefix && after === WORD) return false;
    }
    pos += token.text.length;
  }
  return true;
}

export function clauseInField(field: string, clause: QueryClause): boolean {
  const first = clause.tokens[0]!.text.charCodeAt(0);
  for (let i = 0; i < field.length; i++) {
    if (field.charCodeAt(i) === first && matchesAt(field, i, clause)) return true;
  }
  return false;
}

const foldedFields = new Map<Uint16Array, WeakMap<IndexDoc, string[]>>([
  [FOLD, new WeakMap()],
  [FOLD_EXACT, new WeakMap()],
]);

function fieldsOf(doc: IndexDoc, table: Uint16Array): string[] {
  const cache = foldedFields.get(table)!;
  let fields = cache.get(doc);
  if (!fields) {
    fields = [doc.title, doc.author ?? '', ...doc.categories, doc.text].map((f) => foldString(f, table));
    cache.set(doc, fields);
  }
  return fields;
}

export interface BruteOptions {
  /** The "exact characters" switch: query and fields folded without the Chinese variants. */
  exactCharacters?: boolean;
  /** Default relevance, as the engines. */
  order?: SearchOrder;
}

export interface BruteResult {
  total: number;
  /** Ids of all matches in rank order. */
  ids: string[];
}

export function bruteForceSearch(
  docs: IndexDoc[],
  text: string,
  filters: SearchFilters = {},
  isStarred: (id: string) => boolean = () => false,
  options: BruteOptions = {},
): BruteResult {
  const parsed = parseQuery(text);
  const clauses = options.exactCharacters ? parsed.clauses.map(exactClause) : parsed.clauses;
  const table = options.exactCharacters ? FOLD_EXACT : FOLD;
  if (!clauses.some((c) => !c.negated)) return { total: 0, ids: [] };
  const groups = new Map<number, QueryClause[]>();
  for (const c of clauses) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  let from = filters.from ? Date.parse(filters.from) : Number.NEGATIVE_INFINITY;
  const toBase = filters.to ? Date.parse(filters.to) : Number.POSITIVE_INFINITY;
  let to = filters.to && /^\d{4}-\d{2}-\d{2}$/.test(filters.to) ? toBase + 86_400_000 - 1 : toBase;
  if (parsed.fromMs !== undefined) from = Math.max(from, parsed.fromMs);
  if (parsed.toMs !== undefined) to = Math.min(to, parsed.toMs);
  const dated = from !== Number.NEGATIVE_INFINITY || to !== Number.POSITIVE_INFINITY;
  const hits: { doc: IndexDoc; score: number }[] = [];
  for (const doc of docs) {
    if (dated && !(doc.dateMs >= from && doc.dateMs <= to)) continue;
    if (filters.category !== undefined && !doc.categories.includes(filters.category)) continue;
    if (filters.starredOnly && !isStarred(doc.id)) continue;
    const fields = fieldsOf(doc, table);
    const author = fields[1]!;
    const categories = fields.slice(2, fields.length - 1);
    const where = (c: QueryClause): string[] =>
      c.field === 'author'
        ? [author]
        : c.field === 'category'
          ? categories
          : c.field === 'source'
            ? [author, ...categories]
            : fields;
    const found = (c: QueryClause) => where(c).some((f) => clauseInField(f, c));
    let ok = true;
    for (const members of groups.values()) {
      const any = members.some(found);
      if (members[0]!.negated ? any : !any) ok = false;
    }
    if (!ok) continue;
    hits.push({ doc, score: 0 });
  }
  const date = (d: IndexDoc) => (Number.isNaN(d.dateMs) ? Number.NEGATIVE_INFINITY : d.dateMs);
  hits.sort((a, b) => date(b.doc) - date(a.doc) || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  if ((options.order ?? 'relevance') === 'relevance') {
    // The relevance rule itself (relevance.ts) is the definition; the oracle applies it to every
    // match (its own folding of the fields, plain ClauseMatchers on the already exact-folded text).
    // The engine agrees with it whenever no more than RELEVANCE_WINDOW articles match: past the
    // window its order is FTS5's bm25(), which no oracle reproduces.
    const wanted = [...groups.values()]
      .filter((members) => !members[0]!.negated)
      .map((members) => ({ members: members.map((c) => clauses.indexOf(c)), negated: false }));
    const matchers = clauses.map((c) => new ClauseMatcher(c));
    const ranked = hits.map((h) => {
      const fields = fieldsOf(h.doc, table);
      const score = relevanceScore(fields.join('\u0000'), fields[0]!.length, wanted, clauses, matchers);
      return { ...h, score, dateMs: h.doc.dateMs, id: h.doc.id };
    });
    ranked.sort(byRelevance);
    hits.splice(0, ranked.length, ...ranked);
  }
  return { total: hits.length, ids: hits.map((h) => h.doc.id) };
}
