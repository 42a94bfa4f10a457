import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayRow } from '../headlines/groupByDay';
import { unreadByFacet, unreadInRange } from './readCounts';
import { ReadIndex } from './readIndex';
import { DayTally, FacetTally } from './unreadTally';

const ids = Array.from({ length: 30 }, (_, n) => `id${n}`);
const CATEGORIES = ['World', 'Asia', '财经', 'Sport'];
const AUTHORS = ['Ann', ' Ann ', 'Bo', '', '新浪财经'];

const articleArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    categories: fc.array(fc.constantFrom(...CATEGORIES), { maxLength: 3 }),
    author: fc.option(fc.constantFrom(...AUTHORS), { nil: undefined }),
    folder: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    day: fc.integer({ min: 0, max: 4 }),
    missing: fc.boolean().map((b) => b && id.endsWith('7')),
  });

const someIds = fc.array(fc.constantFrom(...ids, 'not-in-library'), { maxLength: 8 });
/** What the window does to the marks: single and bulk marks, progress only, a new snapshot. */
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), read: someIds, unread: someIds }),
  fc.record({
    kind: fc.constant('progress' as const),
    id: fc.constantFrom(...ids),
    p: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  // Several changes in a row before anyone looks (more than the journal keeps, sometimes).
  fc.record({ kind: fc.constant('burst' as const), n: fc.integer({ min: 1, max: 80 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('snapshot' as const), read: someIds }),
);
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function apply(reads: ReadIndex, step: Step): ReadIndex {
  switch (step.kind) {
    case 'mark':
      return reads.with(step.read, step.unread);
    case 'progress':
      return reads.with([], [], [[step.id, step.p]]);
    case 'burst': {
      let r = reads;
      for (let i = 0; i < step.n; i++) {
        const id = ids[(step.seed + i * 7) % ids.length]!;
        r = r.isRead(id) ? r.with([], [id]) : r.with([id], []);
      }
      return r;
    }
    case 'snapshot':
      return ReadIndex.from({ read: step.read, progress: [] });
  }
}

describe('FacetTally', () => {
  it('follows every change to the same counts as counting the whole library again', () => {
    fc.assert(
      fc.property(
        fc.tuple(...ids.map(articleArb)),
        someIds,
        fc.array(stepArb, { maxLength: 25 }),
        (library, initial, steps) => {
          const articles = library.filter((a) => !a.missing);
          const byId = new Map(articles.map((a) => [a.id, a]));
          let reads = ReadIndex.from({ read: initial, progress: [] });
          const tally = new FacetTally(articles, reads, (id) => byId.get(id));
          for (const step of steps) {
            reads = apply(reads, step);
            const counts = tally.follow(reads);
            const full = unreadByFacet(articles, reads);
            expect(counts.total).toBe(full.total);
            expect(new Map(counts.categories)).toEqual(full.categories);
            expect(new Map(counts.authors)).toEqual(full.authors);
            expect(new Map(counts.folders)).toEqual(full.folders);
          }
        },
      ),
    );
  });

  it('gives a new object only when the counts changed', () => {
    const articles = [
      { id: 'a', categories: ['World'] },
      { id: 'b', categories: [] },
    ];
    let reads = ReadIndex.empty();
    const tally = new FacetTally(articles, reads, (id) => articles.find((a) => a.id === id));
    const first = tally.follow(reads);
    expect(tally.follow(reads)).toBe(first);
    reads = reads.with(['a'], []);
    const second = tally.follow(reads);
    expect(second).not.toBe(first);
    expect(second.total).toBe(1);
    expect(second.categories.get('World')).toBeUndefined();
  });
});

describe('DayTally', () => {
  it('gives every day header the count of a fresh pass over its items, after any changes', () => {
    fc.assert(
      fc.property(
        fc.tuple(...ids.map(articleArb)),
        someIds,
        fc.array(fc.tuple(stepArb, fc.array(fc.nat({ max: 6 }), { maxLength: 3 })), { maxLength: 25 }),
        (library, initial, steps) => {
          // The list: the library by day (items of a day together), as groupByDay sees it.
          const items = [...library].sort((x, y) => x.day - y.day);
          const dayById = new Map(library.filter((a) => !a.missing).map((a) => [a.id, a.day]));
          const days: DayRow[] = [];
          items.forEach((item, i) => {
            const last = days.at(-1);
            if (last && last.key === item.day) last.count++;
            else days.push({ kind: 'day', key: item.day, label: '', count: 1, firstItem: i });
          });
          let reads = ReadIndex.from({ read: initial, progress: [] });
          const tally = new DayTally(items, reads, (id) => dayById.get(id));
          for (const [step, shown] of steps) {
            reads = apply(reads, step);
            tally.follow(reads);
            // Only some headers are on screen after each change; all of them are checked.
            for (const d of shown) if (days[d]) tally.unread(days[d], reads);
            for (const day of days)
              expect(tally.unread(day, reads)).toBe(unreadInRange(items, day.firstItem, day.count, reads));
          }
        },
      ),
    );
  });
});
