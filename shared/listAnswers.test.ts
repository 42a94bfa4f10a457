import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst, compareOldestFirst } from './articleOrder';
import {
  countUnread,
  dayRuns,
  findUnreadIn,
  folderTallies,
  listDays,
  SidebarTally,
  type TallyMember,
} from './listAnswers';
import { groupDays, makeDayKey, UNDATED_DAY } from './listSelection';

const entry = (id: string, date: string, undated = false) => ({
  id,
  date,
  ...(undated ? { undated: true } : {}),
});

describe('listDays', () => {
  const list = [
    entry('a', '2024-03-10T08:00:00.000Z'),
    entry('b', '2024-03-10T01:00:00.000Z'),
    entry('c', '2024-03-09T23:00:00.000Z'),
    entry('u', '2024-03-10T11:00:00.000Z', true),
    entry('v', '2024-03-09T11:00:00.000Z', true),
  ];
  const unread = (e: { id: string }) => e.id !== 'b' && e.id !== 'v';

  it('groups consecutive rows by their day in the zone, undated last, with counts and unread counts', () => {
    expect(listDays(list, makeDayKey('UTC'), unread)).toEqual([
      { day: 20240310, count: 2, unread: 1 },
      { day: 20240309, count: 1, unread: 1 },
      { day: UNDATED_DAY, count: 2, unread: 1 },
    ]);
    // In Shanghai (UTC+8) 23:00 UTC on the 9th is the 10th, and 01:00 UTC is still the 10th.
    expect(listDays(list, makeDayKey('Asia/Shanghai'), unread)).toEqual([
      { day: 20240310, count: 3, unread: 2 },
      { day: UNDATED_DAY, count: 2, unread: 1 },
    ]);
    expect(countUnread(list, unread)).toBe(3);
    expect(listDays([], makeDayKey('UTC'), unread)).toEqual([]);
  });
});

describe('dayRuns', () => {
  it('finds the same day groups as grouping row by row, in any zone, either order, many rows a day or few', () => {
    const start = Date.parse('2021-03-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 40 * 86_400_000 }), undated: fc.boolean() }), {
          maxLength: 300,
        }),
        fc.constantFrom('', 'UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe'),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (raw, zone, oldest, spread) => {
          const list = raw
            .map((r, i) =>
              entry(`e${i}`, new Date(start + Math.floor(r.at / spread)).toISOString(), r.undated),
            )
            .sort(oldest ? compareOldestFirst : compareNewestFirst);
          const dayKey = makeDayKey(zone || undefined);
          expect(dayRuns(list, dayKey)).toEqual(
            groupDays(list, dayKey).map((g) => ({ day: g.day, count: g.entries.length })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('findUnreadIn', () => {
  const list = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  const unread = (e: { id: string }) => e.id === 'b' || e.id === 'd';

  it('finds the nearest unread row past `from` either way, from inside or outside the list', () => {
    expect(findUnreadIn(list, -1, 1, unread)).toEqual({ index: 1, id: 'b' });
    expect(findUnreadIn(list, 1, 1, unread)).toEqual({ index: 3, id: 'd' });
    expect(findUnreadIn(list, 3, 1, unread)).toBeNull();
    expect(findUnreadIn(list, 3, -1, unread)).toEqual({ index: 1, id: 'b' });
    expect(findUnreadIn(list, 1, -1, unread)).toBeNull();
    expect(findUnreadIn(list, 99, -1, unread)).toEqual({ index: 3, id: 'd' });
    expect(findUnreadIn(list, -50, 1, unread)).toEqual({ index: 1, id: 'b' });
    expect(findUnreadIn([], 0, 1, unread)).toBeNull();
  });
});

describe('SidebarTally', () => {
  it('counted one change at a time equals a count over the whole library', () => {
    const member = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      categories: fc.array(fc.constantFrom('World', 'Tech', '新闻'), { maxLength: 3 }),
      author: fc.option(fc.constantFrom('Ann', ' Ann', 'Bo', ' '), { nil: undefined }),
      folder: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), member, unread: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c', 'x') }),
      fc.record({
        kind: fc.constant('mark' as const),
        id: fc.constantFrom('a', 'b', 'c', 'x'),
        unread: fc.boolean(),
      }),
    );
    const table = [{ root: '/n', name: 'w' }, { root: '/n' }, { root: '/b', name: 'z' }];
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const tally = new SidebarTally();
        const model = new Map<string, { member: TallyMember; unread: boolean }>();
        for (const o of ops) {
          if (o.kind === 'set') {
            tally.set(o.member, o.unread);
            model.set(o.member.id, { member: o.member, unread: o.unread });
          } else if (o.kind === 'delete') {
            tally.delete(o.id);
            model.delete(o.id);
          } else {
            tally.setUnread(o.id, o.unread);
            const m = model.get(o.id);
            if (m) m.unread = o.unread;
          }
          // From scratch.
          const fresh = new SidebarTally();
          for (const { member: m, unread } of model.values()) fresh.set(m, unread);
          const expected = fresh.counts(table);
          expect(tally.counts(table)).toEqual(expected);
          expect(expected.total).toBe(model.size);
          expect(expected.unread).toBe([...model.values()].filter((m) => m.unread).length);
          const world = [...model.values()].filter((m) => m.member.categories.includes('World'));
          expect(expected.categories.find((c) => c.value === 'World')?.count ?? 0).toBe(world.length);
          const ann = [...model.values()].filter((m) => m.member.author?.trim() === 'Ann');
          expect(expected.authors.find((c) => c.value === 'Ann')?.unread ?? 0).toBe(
            ann.filter((m) => m.unread).length,
          );
          expect(expected.authors.some((c) => c.value.trim() !== c.value || c.value === '')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists categories most used first, then by name, and keeps the answer until a change', () => {
    const tally = new SidebarTally();
    const none: never[] = [];
    tally.set({ id: '1', categories: ['b', 'a'] }, true);
    tally.set({ id: '2', categories: ['b'] }, false);
    tally.set({ id: '3', categories: ['c', 'a', 'a'] }, true);
    const first = tally.counts(none);
    expect(first.categories).toEqual([
      { value: 'a', count: 2, unread: 2 },
      { value: 'b', count: 2, unread: 1 },
      { value: 'c', count: 1, unread: 1 },
    ]);
    expect(tally.counts(none)).toBe(first);
    tally.setUnread('2', true);
    expect(tally.counts(none)).not.toBe(first);
    expect(tally.counts(none).categories[1]).toEqual({ value: 'b', count: 2, unread: 2 });
  });
});

describe('folderTallies', () => {
  it('lists each root with all its articles, then its top-level folders by name; empty folders left out', () => {
    const table = [
      { root: '/news', name: 'world' },
      { root: '/b/blogs', name: 'x' },
      { root: '/news' },
      { root: '/news', name: 'arts' },
      { root: '/news', name: 'empty' },
    ];
    const counts = new Map([
      [0, { count: 3, unread: 1 }],
      [1, { count: 2, unread: 2 }],
      [2, { count: 1, unread: 0 }],
      [3, { count: 4, unread: 4 }],
    ]);
    expect(folderTallies(table, counts)).toEqual([
      { value: '/b/blogs', count: 2, unread: 2 },
      { value: '/b/blogs/x', count: 2, unread: 2 },
      { value: '/news', count: 8, unread: 5 },
      { value: '/news/arts', count: 4, unread: 4 },
      { value: '/news/world', count: 3, unread: 1 },
    ]);
  });
});
