import { describe, expect, it } from 'vitest';
import { folderEntries } from './folderEntries';

const collator = new Intl.Collator('en');

describe('folderEntries', () => {
  const table = [
    { root: '/news', name: 'world' },
    { root: '/news' },
    { root: '/news', name: 'Asia' },
    { root: '/blogs', name: 'gone' },
    { root: '/old', name: 'x' },
  ];

  it('lists each root with all its articles, then its folders by name, leaving out folders with none', () => {
    const counts = new Map([
      [0, 5],
      [1, 2],
      [2, 3],
      [3, 0],
    ]);
    const unread = new Map([
      [0, 1],
      [1, 2],
    ]);
    expect(folderEntries(['/news', '/blogs'], table, counts, unread, collator)).toEqual([
      { path: '/news', name: 'news', depth: 0, count: 10, unread: 3 },
      { path: '/news/Asia', name: 'Asia', depth: 1, count: 3, unread: 0 },
      { path: '/news/world', name: 'world', depth: 1, count: 5, unread: 1 },
      { path: '/blogs', name: 'blogs', depth: 0, count: 0, unread: 0 },
    ]);
  });

  it('still lists articles of a root that is no longer open, and counts no unread before they are counted', () => {
    const entries = folderEntries(['/news'], table, new Map([[4, 1]]), undefined, collator);
    expect(entries.map((e) => [e.path, e.count, e.unread])).toEqual([
      ['/news', 0, 0],
      ['/old', 1, 0],
      ['/old/x', 1, 0],
    ]);
  });
});
