// The reference the index is tested against: no postings, no indexOf, no joined fields. Every field
// of every document is folded on its own and the query is tried at every position, character by
// character. Shares only the character tables and the query parser (the definitions of the language).

import type { SearchFilters } from '../../../../shared/types';
import { CLASS, FOLD, FOLD_EXACT, foldString, SEP, WORD } from '../charClass';
import type { IndexDoc } from '../IndexState';
import { exactClause, parseQuery, type QueryClause } from '../parseQuery';

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
  const parsed = parseQuery(text).clauses;
  const clauses = options.exactCharacters ? parsed.map(exactClause) : parsed;
  const table = options.exactCharacters ? FOLD_EXACT : FOLD;
  if (clauses.length === 0) return { total: 0, ids: [] };
  const from = filters.from ? Date.parse(filters.from) : Number.NEGATIVE_INFINITY;
  const toBase = filters.to ? Date.parse(filters.to) : Number.POSITIVE_INFINITY;
  const to = filters.to && /^\d{4}-\d{2}-\d{2}$/.test(filters.to) ? toBase + 86_400_000 - 1 : toBase;
  const hits: { doc: IndexDoc; score: number }[] = [];
  for (const doc of docs) {
    if (filters.from || filters.to) {
      if (!(doc.dateMs >= from && doc.dateMs <= to)) continue;
    }
    if (filters.category !== undefined && !doc.categories.includes(filters.category)) continue;
    if (filters.starredOnly && !isStarred(doc.id)) continue;
    const fields = fieldsOf(doc, table);
    if (!clauses.every((c) => fields.some((f) => clauseInField(f, c)))) continue;
    const title = fields[0]!;
    hits.push({ doc, score: clauses.filter((c) => clauseInField(title, c)).length });
  }
  const date = (d: IndexDoc) => (Number.isNaN(d.dateMs) ? Number.NEGATIVE_INFINITY : d.dateMs);
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      date(b.doc) - date(a.doc) ||
      (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0),
  );
  return { total: hits.length, ids: hits.map((h) => h.doc.id) };
}
