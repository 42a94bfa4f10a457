// Property tests for search: any query text (quotes, surrogates, punctuation, CJK, control
// characters, 1000-character runs) parses without throwing, and the library database's search over
// documents made of the same stuff never throws, returns highlight ranges inside the strings they
// index, and finds exactly what the brute-force oracle finds (db/LibraryDb.search.fuzz.test.ts adds
// filters, paging and the traps of bigram tokens).

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CLAUSES, parseQuery } from '../../../shared/parseQuery';
import type { SearchMatch, SearchOrder } from '../../../shared/types';
import { LIMITS } from '../../../shared/validateRequest';
import { LibraryDb } from '../db/LibraryDb';
import { storedArticle } from '../db/testing/dbArticles';
import { bruteForceSearch } from '../search/testing/bruteForceSearch';
import type { IndexDoc } from '../search/testing/searchDoc';

const NUM_RUNS = process.env.BROADSHEET_STRESS ? 3_000 : 300;

const PIECES = [
  '"',
  '“',
  '”',
  '＂',
  ' ',
  '\u3000',
  '.',
  '-',
  '/',
  "'",
  '#',
  '·',
  '央行',
  '拉夫罗夫',
  '俄罗斯外',
  'covid-19',
  '97.0.2',
  'LPR',
  'İ',
  'ß',
  'ﬁ',
  'é',
  'e\u0301',
  '\uD800',
  '\uDC00',
  '😀',
  '\u0000',
  '\u001b[2J',
  '\u200b',
  '<img src=x onerror=1>',
  '&lt;',
];

const queryText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 })
  .map((parts) => parts.join('').slice(0, LIMITS.queryChars));

const docText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 16 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

const doc = fc.record({
  title: docText,
  text: docText,
  author: fc.option(docText, { nil: undefined }),
  categories: fc.array(docText, { maxLength: 3 }),
  dateMs: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constant(Number.NaN)),
});

function expectRangesInBounds(m: SearchMatch): void {
  for (const [ranges, text] of [
    [m.snippetHighlights, m.snippet],
    [m.titleHighlights, m.title],
  ] as const) {
    let last = 0;
    for (const [start, end] of ranges) {
      expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
      expect(start).toBeGreaterThanOrEqual(last);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(text.length);
      last = end;
    }
  }
}

let db: LibraryDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

/** A fresh in-memory library database holding `docs`. */
function dbOf(docs: IndexDoc[]): LibraryDb {
  db?.close();
  db = LibraryDb.open(':memory:', 'fuzz');
  db.write({ articles: docs.map((d) => storedArticle(d)), failed: [], removed: [] });
  return db;
}

const rank = (d: IndexDoc) => (Number.isNaN(d.dateMs) ? Number.NEGATIVE_INFINITY : d.dateMs);

describe('parseQuery under fuzzing', () => {
  it('never throws and keeps within the clause limit', () => {
    fc.assert(
      fc.property(queryText, (text) => {
        const parsed = parseQuery(text);
        expect(parsed.clauses.length).toBeLessThanOrEqual(MAX_CLAUSES);
        for (const clause of parsed.clauses) {
          expect(clause.tokens.length).toBeGreaterThan(0);
          for (const t of clause.tokens) expect(t.text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('survives the longest query the contract allows', () => {
    for (const unit of ['"', 'a ', '央', '\uD800', 'a-', '"a" ']) {
      expect(() => parseQuery(unit.repeat(LIMITS.queryChars).slice(0, LIMITS.queryChars))).not.toThrow();
    }
  });
});

describe('LibraryDb.search under fuzzing', () => {
  it('never throws and returns highlights inside the title and snippet', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 8 }),
        fc.array(queryText, { minLength: 1, maxLength: 4 }),
        fc.nat({ max: 300 }),
        (docs, queries, limit) => {
          const index = dbOf(docs.map((d, i) => ({ id: `doc${i}`, path: `/lib/${i}.md`, ...d })));
          for (const text of queries) {
            const result = index.search({ text, limit });
            expect(result.total).toBeGreaterThanOrEqual(result.matches.length);
            expect(result.matches.length).toBeLessThanOrEqual(limit);
            for (const m of result.matches) expectRangesInBounds(m);
          }
          // A query cut from a document's own text finds that document (when it makes any clause).
          const own = docs[0]!.text.slice(0, 12);
          const found = index.search({ text: own, limit: 1000 });
          // (Quotes make whole-word phrases, which a cut-off word rightly does not match.)
          // (Operators in the cut — `-x`, `author:x`, `before:…` — rightly may not match it either.)
          const ownQuery = parseQuery(own);
          const plain =
            ownQuery.clauses.every((c) => !c.negated && c.field === undefined) &&
            ownQuery.fromMs === undefined &&
            ownQuery.toMs === undefined;
          if (ownQuery.clauses.length > 0 && plain && !/["“”＂]/.test(own)) {
            expect(found.matches.map((m) => m.id)).toContain('doc0');
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);
});

// Simplified and Traditional spellings of the same words, regional variants, characters OpenCC folds
// many-to-one (乾/幹 -> 干), pairs it must not merge (著/着), a compatibility ideograph (U+F900 豈).
const HAN_PIECES = [
  '国家安全',
  '國家安全',
  '國家',
  '国',
  '國',
  '家',
  '安全',
  '裡',
  '裏',
  '里',
  '衞生',
  '卫生',
  '衛',
  '著名',
  '着',
  '乾',
  '干',
  '幹',
  '\uF900',
  '豈',
  '，',
  ' ',
  '"',
  'Aa',
  'aa',
];
const hanText = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...HAN_PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    ),
    {
      maxLength: 16,
    },
  )
  .map((parts) => parts.join(''));
// Operators between pieces: exclusion, OR, fields, dates (parseQuery.ts).
const OPERATORS = [
  ' -',
  ' NOT ',
  ' OR ',
  ' AND ',
  ' author:',
  ' category:',
  ' source:',
  ' -source:',
  ' before:2024-01-04 ',
  ' after:2024-01-02 ',
  ' before:2024-13 ',
  ' (',
  ' x:',
];
const operatorText = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...OPERATORS) },
      { weight: 3, arbitrary: fc.constantFrom(...HAN_PIECES) },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const hanDoc = fc.record({
  title: hanText,
  text: hanText,
  author: fc.option(hanText, { nil: undefined }),
  categories: fc.array(hanText, { maxLength: 2 }),
  dateMs: fc.integer({ min: 0, max: 5 }).map((d) => Date.UTC(2024, 0, 1) + d * 86_400_000),
});

describe('LibraryDb.search against the brute-force oracle, Simplified and Traditional', () => {
  it('finds what the oracle finds with the same folding, and with exact characters', () => {
    fc.assert(
      fc.property(
        fc.array(hanDoc, { minLength: 1, maxLength: 10 }),
        fc.array(fc.oneof(hanText, operatorText), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom<SearchOrder>('relevance', 'newest'),
        (fields, queries, exactCharacters, order) => {
          const docs: IndexDoc[] = fields.map((f, i) => ({ id: `doc${i}`, path: `/lib/${i}.md`, ...f }));
          const index = dbOf(docs);
          const byId = new Map(docs.map((d) => [d.id, d]));
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
            const expected = bruteForceSearch(docs, text, {}, undefined, { exactCharacters, order });
            const result = index.search({ text, limit: 1000, exactCharacters, order });
            const context = `query ${JSON.stringify(text)} exact ${exactCharacters} ${order}`;
            expect(result.total, context).toBe(expected.total);
            if (order === 'relevance') {
              // Fewer matches than the relevance window: the whole order is the oracle's.
              expect(
                result.matches.map((m) => m.id),
                context,
              ).toEqual(expected.ids);
            } else {
              // Newest first; articles of the same time keep the database's own order (dateKey.ts).
              expect(result.matches.map((m) => m.id).sort(), context).toEqual([...expected.ids].sort());
              for (let i = 1; i < result.matches.length; i++) {
                const newer = byId.get(result.matches[i - 1]!.id)!;
                const older = byId.get(result.matches[i]!.id)!;
                expect(rank(newer), context).toBeGreaterThanOrEqual(rank(older));
              }
            }
            for (const m of result.matches) expectRangesInBounds(m);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);
});
