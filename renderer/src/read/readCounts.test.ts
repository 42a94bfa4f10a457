import { describe, expect, it } from 'vitest';
import { allUnread, nextUnread, olderUnread, unreadByFacet, unreadCount, unreadInRange } from './readCounts';
import { ReadIndex } from './readIndex';

const item = (id: string, time: number, missing = false) => ({ id, time, missing });
// Newest first, as the list shows them.
const items = [item('a', 50), item('b', 40), item('c', 30), item('gone', 20, true), item('d', 10)];
const reads = () => ReadIndex.from({ read: ['b', 'd'], progress: [] });

describe('read counts', () => {
  it('counts the unread, never a star whose file is gone', () => {
    expect(unreadCount(items, reads())).toBe(2);
    expect(unreadInRange(items, 1, 3, reads())).toBe(1);
    expect(unreadInRange(items, 3, 10, reads())).toBe(0);
  });

  it('finds the next unread below the cursor, then from the top, and -1 when all are read', () => {
    expect(nextUnread(items, 0, reads())).toBe(2);
    expect(nextUnread(items, 2, reads())).toBe(0);
    expect(nextUnread(items, -1, reads())).toBe(0);
    expect(nextUnread(items, 0, ReadIndex.from({ read: ['a', 'b', 'c', 'd'], progress: [] }))).toBe(-1);
    // The only unread is the current one: there is no "next".
    expect(nextUnread(items, 0, ReadIndex.from({ read: ['b', 'c', 'd'], progress: [] }))).toBe(-1);
  });

  it('marks all or only what is older than the current article', () => {
    expect(allUnread(items, reads())).toEqual(['a', 'c']);
    expect(olderUnread(items, 1, reads())).toEqual(['c']);
    expect(olderUnread(items, 0, ReadIndex.empty())).toEqual(['b', 'c', 'd']);
    expect(olderUnread(items, 9, reads())).toEqual([]);
  });

  it('a change makes a new index only when something changed', () => {
    const index = reads();
    expect(index.with(['b'], ['a'])).toBe(index);
    const next = index.with(['a'], [], [['c', 0.5]]);
    expect(next).not.toBe(index);
    expect(next.version).toBe(index.version + 1);
    expect(next.isRead('a')).toBe(true);
    expect(next.progressOf('c')).toBe(0.5);
    expect(next.with([], [], [['c', 0]]).progressOf('c')).toBe(0);
  });
});

describe('unread per category and source', () => {
  it('counts each unread article under its categories and its author', () => {
    const articles = [
      { id: 'a', categories: ['World', 'Asia'], author: ' Ann ' },
      { id: 'b', categories: ['World'], author: 'Ann' },
      { id: 'c', categories: [], author: 'Bo' },
    ];
    const counts = unreadByFacet(articles, ReadIndex.from({ read: ['b'], progress: [] }));
    expect(counts.total).toBe(2);
    expect([...counts.categories]).toEqual([
      ['World', 1],
      ['Asia', 1],
    ]);
    expect([...counts.authors]).toEqual([
      ['Ann', 1],
      ['Bo', 1],
    ]);
  });
});
