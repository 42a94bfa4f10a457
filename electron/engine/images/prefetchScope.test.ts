import { describe, expect, it } from 'vitest';
import { inPrefetchScope, prefetchCacheFull, prefetchCandidates, prefetchEnabled } from './prefetchScope';

const articles = [
  { id: 'n1', path: '/lib/news/2024/a.md' },
  { id: 'b1', path: '/lib/blog/b.md' },
  { id: 'x1', path: '/lib/newsletter/c.md' },
];

describe('prefetch scope', () => {
  it('covers the whole library, chosen folders (not their name-prefix siblings), or nothing', () => {
    expect(prefetchCandidates(articles, { prefetchScope: 'library', prefetchFolders: [] })).toEqual([
      'n1',
      'b1',
      'x1',
    ]);
    const folders = { prefetchScope: 'folders' as const, prefetchFolders: ['/lib/news'] };
    expect(prefetchCandidates(articles, folders)).toEqual(['n1']);
    expect(inPrefetchScope('/lib/newsletter/c.md', folders)).toBe(false);
    expect(prefetchCandidates(articles, { prefetchScope: 'off', prefetchFolders: ['/lib'] })).toEqual([]);
    expect(prefetchEnabled({ prefetchScope: 'folders', prefetchFolders: [] })).toBe(false);
  });

  it('counts the cache full a little under its cap, so it never evicts for itself', () => {
    expect(prefetchCacheFull({ bytes: 94, capBytes: 100 })).toBe(false);
    expect(prefetchCacheFull({ bytes: 95, capBytes: 100 })).toBe(true);
  });
});
