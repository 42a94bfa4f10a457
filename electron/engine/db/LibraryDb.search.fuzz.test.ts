// The library database's search against the brute-force oracle (search/testing/bruteForceSearch.ts):
// random articles and queries made of the pieces that break tokenizers (CJK runs that share bigrams
// across punctuation, surrogates, folding, quotes, joiners, long words), with filters. Recall and
// precision must be 100%, totals exact, pages newest first, highlights inside their strings.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchFilters, SearchMatch, SearchOrder } from '../../../shared/types';
import { bruteForceSearch } from '../search/testing/bruteForceSearch';
import type { IndexDoc } from '../search/testing/searchDoc';
import { LibraryDb } from './LibraryDb';
import { storedArticle } from './testing/dbArticles';

const NUM_RUNS = process.env.BROADSHEET_STRESS ? 2_000 : 150;

const PIECES = [
  '中国',
  '国家',
  '中',
  '国',
  '家',
  '中国家',
  '國家',
  '國',
  '中國',
  '裡',
  '里',
  '著',
  '着',
  '\uF900',
  '中国，',
  '，国家',
  '，',
  '。',
  ' ',
  '\u3000',
  '"',
  '“',
  '”',
  '.',
  '-',
  '/',
  "'",
  'high',
  'level',
  'High-Level',
  'lev',
  'a',
  'ab',
  'b',
  'covid-19',
  '97.0.2',
  'É',
  'é',
  'e\u0301',
  'İ',
  'ß',
  'ａｂ',
  '😀',
  '\uD83D',
  '\uDE00',
  '\uD800',
  'カタカナ',
  'ー',
  '한국',
  '\u0000',
  'x'.repeat(70),
  'x'.repeat(64),
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const docText = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
const CATEGORIES = ['国际', 'World', '金融', 'world'];
// Operators between pieces: exclusion, OR, fields, dates (parseQuery.ts).
const OPERATORS = [
  ' -',
  ' NOT ',
  ' OR ',
  ' or ',
  ' AND ',
  ' author:',
  ' category:',
  ' source:',
  ' -author:',
  ' before:2024-01-04 ',
  ' after:2024-01-02 ',
  ' after:2024 ',
  ' before:nope ',
  ' (',
  ') ',
  ' title:',
  ' *',
];
const operatorQuery = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...OPERATORS) },
      { weight: 3, arbitrary: fc.constantFrom(...PIECES, ...CATEGORIES) },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);

const doc = fc.record({
  title: docText,
  text: docText,
  author: fc.option(docText, { nil: undefined }),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 2 }),
  // Few distinct days, so dates collide (slots) and date filters cut through ties.
  dateMs: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 5 }).map((d) => BASE + d * DAY) },
    { weight: 2, arbitrary: fc.integer({ min: -4_102_444_800_000, max: 4_102_444_800_000 }) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
  ),
});

const filters: fc.Arbitrary<SearchFilters> = fc.record(
  {
    category: fc.constantFrom(...CATEGORIES),
    from: fc.integer({ min: 0, max: 5 }).map((d) => new Date(BASE + d * DAY).toISOString().slice(0, 10)),
    to: fc.integer({ min: 0, max: 5 }).map((d) => new Date(BASE + d * DAY).toISOString().slice(0, 10)),
    starredOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);

function expectRangesInBounds(m: SearchMatch): void {
  for (const [ranges, text] of [
    [m.snippetHighlights, m.snippet],
    [m.titleHighlights, m.title],
  ] as const) {
    let last = 0;
    for (const [start, end] of ranges) {
      expect(start).toBeGreaterThanOrEqual(last);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(text.length);
      last = end;
    }
  }
}

const rank = (d: IndexDoc) => (Number.isNaN(d.dateMs) ? Number.NEGATIVE_INFINITY : d.dateMs);

let db: LibraryDb | null = null;
afterEach(() => db?.close());

describe('LibraryDb.search against the brute-force oracle', () => {
  it('finds exactly what the oracle finds, newest first, with exact totals', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.oneof(
            docText,
            fc.constantFrom('中国家', '"high level"', 'high-lev', '国', '家', '中國', '國家'),
            operatorQuery,
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.option(filters, { nil: undefined }),
        fc.nat({ max: 4 }),
        fc.boolean(),
        fc.constantFrom<SearchOrder>('relevance', 'newest'),
        (fields, queries, filter, pageSize, exactCharacters, order) => {
          const docs: IndexDoc[] = fields.map((f, i) => ({ id: `doc${i}`, path: `/lib/${i}.md`, ...f }));
          db?.close();
          db = LibraryDb.open(':memory:', 'test');
          // Two batches, the second rewriting some of the first: updates must leave no stale tokens.
          db.write({
            articles: docs.map((d) => storedArticle({ ...d, text: `${d.text}旧 old` })),
            failed: [],
            removed: [],
          });
          db.write({ articles: docs.map((d) => storedArticle(d)), failed: [], removed: [] });
          const starred = new Set(docs.filter((_, i) => i % 3 === 0).map((d) => d.id));
          const isStarred = (id: string) => starred.has(id);
          const byId = new Map(docs.map((d) => [d.id, d]));
          // Queries cut from the documents too, so most of them find something.
          // ...and combined with operators, so exclusions, ORs and fields meet real matches.
          const own = docs.flatMap((d, i) => {
            const other = docs[(i + 1) % docs.length]!;
            return [
              d.text.slice(1, 5),
              d.title.slice(0, 3),
              `${d.text.slice(0, 2)} -${other.text.slice(0, 2)}`,
              `${d.title.slice(0, 2)} OR ${other.title.slice(0, 2)}`,
              `source:${d.author?.slice(0, 2) ?? ''} -author:${other.author?.slice(1, 3) ?? ''}`,
              `${d.text.slice(0, 2)} NOT category:${d.categories[0]?.slice(0, 2) ?? ''}`,
            ];
          });
          for (const text of [...queries, ...own]) {
            const expected = bruteForceSearch(docs, text, filter ?? {}, isStarred, {
              exactCharacters,
              order,
            });
            const all = db.search(
              { text, filters: filter, limit: 1000, exactCharacters, order },
              { isStarred },
            );
            const context = `query ${JSON.stringify(text)} filters ${JSON.stringify(filter)} exact ${exactCharacters} ${order}`;
            expect(all.total, context).toBe(expected.total);
            expect(all.matches.map((m) => m.id).sort(), context).toEqual([...expected.ids].sort());
            if (order === 'relevance') {
              // Fewer matches than the relevance window: the whole order is the oracle's.
              expect(
                all.matches.map((m) => m.id),
                context,
              ).toEqual(expected.ids);
            } else {
              for (let i = 1; i < all.matches.length; i++) {
                const newer = byId.get(all.matches[i - 1]!.id)!;
                const older = byId.get(all.matches[i]!.id)!;
                expect(rank(newer), context).toBeGreaterThanOrEqual(rank(older));
              }
            }
            for (const m of all.matches) expectRangesInBounds(m);
            // Pages are slices of the whole list.
            const size = pageSize + 1;
            const page = db.search(
              { text, filters: filter, limit: size, offset: size, exactCharacters, order },
              { isStarred },
            );
            expect(page.total).toBe(expected.total);
            expect(page.matches.map((m) => m.id)).toEqual(all.matches.slice(size, 2 * size).map((m) => m.id));
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 240_000);
});
