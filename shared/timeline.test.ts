import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst, compareOldestFirst, type Ordered } from './articleOrder';
import { makeDayKey } from './listSelection';
import { bucketAt, monthCounts, monthKeyToIso, yearCounts } from './timeline';

const utc = makeDayKey('UTC');
const at = (id: string, date: string, undated?: true): Ordered => ({
  id,
  date,
  ...(undated ? { undated } : {}),
});

/** The plain way: one look at every dated entry. */
function oracle(list: readonly Ordered[], dayKey: (ms: number) => number) {
  const out: { key: number; start: number; count: number }[] = [];
  list.forEach((e, i) => {
    if (e.undated) return;
    const key = Math.floor(dayKey(Date.parse(e.date)) / 100);
    const last = out[out.length - 1];
    if (last && last.key === key) last.count++;
    else out.push({ key, start: i, count: 1 });
  });
  return out;
}

describe('monthCounts', () => {
  const list = [
    at('a', '2024-03-31T23:30:00.000Z'),
    at('b', '2024-03-01T00:00:00.000Z'),
    at('c', '2024-02-29T23:59:59.999Z'),
    at('d', '2023-12-31T10:00:00.000Z'),
    at('e', '2023-01-15T10:00:00.000Z'),
    at('u', '2024-06-01T00:00:00.000Z', true),
  ];

  it('counts the months of a newest-first list in list order, with where each starts, leaving undated entries out', () => {
    expect(monthCounts(list, 'newest', utc)).toEqual([
      { key: 202403, start: 0, count: 2 },
      { key: 202402, start: 2, count: 1 },
      { key: 202312, start: 3, count: 1 },
      { key: 202301, start: 4, count: 1 },
    ]);
  });

  it('counts an oldest-first list from its oldest month', () => {
    const oldest = [...list].sort(compareOldestFirst);
    expect(monthCounts(oldest, 'oldest', utc).map((m) => [m.key, m.start, m.count])).toEqual([
      [202301, 0, 1],
      [202312, 1, 1],
      [202402, 2, 1],
      [202403, 3, 2],
    ]);
  });

  it('puts an article in the month of its day in the chosen time zone', () => {
    // 23:30 UTC on March 31 is April 1 in Shanghai.
    expect(monthCounts(list.slice(0, 1), 'newest', makeDayKey('Asia/Shanghai'))[0]?.key).toBe(202404);
  });

  it('has no months for an empty or all-undated list', () => {
    expect(monthCounts([], 'newest', utc)).toEqual([]);
    expect(monthCounts([at('u', '2024-01-01T00:00:00.000Z', true)], 'oldest', utc)).toEqual([]);
  });

  it('agrees with a look at every entry on any sorted list, in either order', () => {
    const date = fc
      .integer({ min: Date.parse('1990-01-01'), max: Date.parse('2030-12-31') })
      .map((ms) => new Date(ms).toISOString());
    const entry = fc.record({ date, undated: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 300 }),
        fc.constantFrom('newest' as const, 'oldest' as const),
        fc.constantFrom('UTC', 'Asia/Shanghai', 'America/St_Johns'),
        (entries, order, zone) => {
          const dayKey = makeDayKey(zone);
          const sorted = entries
            .map((e, i) => at(`id${i}`, e.date, e.undated ? true : undefined))
            .sort(order === 'newest' ? compareNewestFirst : compareOldestFirst);
          const months = monthCounts(sorted, order, dayKey);
          expect(months).toEqual(oracle(sorted, dayKey));
          for (const [i, m] of months.entries()) {
            expect(bucketAt(months, m.start)).toBe(i);
            expect(bucketAt(months, m.start + m.count - 1)).toBe(i);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('looks at far fewer entries than the list holds when months are long', () => {
    let looks = 0;
    const counting = (ms: number) => {
      looks++;
      return utc(ms);
    };
    const big: Ordered[] = [];
    const start = Date.parse('2020-01-01T00:00:00Z');
    for (let i = 0; i < 100_000; i++) big.push(at(`x${i}`, new Date(start + i * 15 * 60_000).toISOString()));
    big.reverse();
    const months = monthCounts(big, 'newest', counting);
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(100_000);
    expect(months.length).toBe(35);
    expect(looks).toBeLessThan(2_000);
  });

  it('ends on a list that is not sorted, every entry counted once', () => {
    const unsorted = [
      at('a', '2024-01-05T00:00:00Z'),
      at('b', '2024-05-05T00:00:00Z'),
      at('c', '2024-01-06T00:00:00Z'),
    ];
    const months = monthCounts(unsorted, 'newest', utc);
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(3);
  });
});

describe('yearCounts, bucketAt and monthKeyToIso', () => {
  const months = [
    { key: 202403, start: 0, count: 2 },
    { key: 202402, start: 2, count: 1 },
    { key: 202312, start: 3, count: 4 },
    { key: 202301, start: 7, count: 1 },
  ];
  it('adds the months up by year, each year starting at its first month in the list', () => {
    expect(yearCounts(months)).toEqual([
      { key: 2024, start: 0, count: 3 },
      { key: 2023, start: 3, count: 5 },
    ]);
  });
  it('finds the bucket of an index, and none past the dated entries', () => {
    expect(bucketAt(months, 0)).toBe(0);
    expect(bucketAt(months, 2)).toBe(1);
    expect(bucketAt(months, 6)).toBe(2);
    expect(bucketAt(months, 7)).toBe(3);
    expect(bucketAt(months, 8)).toBe(-1);
    expect(bucketAt(months, -1)).toBe(-1);
    expect(bucketAt([], 0)).toBe(-1);
  });
  it('writes months as YYYY-MM', () => {
    expect(monthKeyToIso(202403)).toBe('2024-03');
    expect(monthKeyToIso(99912)).toBe('0999-12');
  });
});
