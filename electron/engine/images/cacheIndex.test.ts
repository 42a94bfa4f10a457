import { describe, expect, it } from 'vitest';
import { blobName, type CacheEntry, CacheIndex, MAX_ARTICLES_PER_IMAGE, remoteImageKey } from './cacheIndex';

const entry = (blob: string, bytes: number, lastUsed: number, articles: string[] = []): CacheEntry => ({
  blob: blob.padEnd(64, '0'),
  type: 'image/png',
  bytes,
  lastUsed,
  articles,
});

describe('cache keys', () => {
  it('are hashes: no part of the URL path appears in them', () => {
    const key = remoteImageKey('https://n.sinaimg.cn/../../etc/passwd/photo.jpg');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(blobName(Buffer.from('abc'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignore the fragment but not the query, host or scheme', () => {
    const base = 'https://img.example.com/a.jpg?w=640';
    expect(remoteImageKey(`${base}#top`)).toBe(remoteImageKey(base));
    expect(remoteImageKey('HTTPS://IMG.example.com/a.jpg?w=640')).toBe(remoteImageKey(base));
    expect(remoteImageKey('https://img.example.com/a.jpg?w=320')).not.toBe(remoteImageKey(base));
    expect(remoteImageKey('http://img.example.com/a.jpg?w=640')).not.toBe(remoteImageKey(base));
  });

  it('name blobs by content: the same bytes share one blob', () => {
    expect(blobName(Buffer.from('same'))).toBe(blobName(Buffer.from('same')));
    expect(blobName(Buffer.from('same'))).not.toBe(blobName(Buffer.from('other')));
  });
});

describe('CacheIndex', () => {
  it('counts a blob shared by two addresses once and frees it with the last one', () => {
    const index = new CacheIndex();
    index.set('k1', entry('a', 100, 1));
    index.set('k2', entry('a', 100, 2));
    expect(index.totalBytes).toBe(100);
    expect(index.delete('k1')).toBeNull();
    expect(index.delete('k2')).toBe('a'.padEnd(64, '0'));
    expect(index.totalBytes).toBe(0);
  });

  it('evicts least recently used first, down to the cap', () => {
    const index = new CacheIndex();
    index.set('old', entry('a', 100, 1));
    index.set('mid', entry('b', 100, 2));
    index.set('new', entry('c', 100, 3));
    index.touch('old', 10);
    const freed = index.evict(150, () => false);
    expect(freed).toEqual(['b'.padEnd(64, '0'), 'c'.padEnd(64, '0')]);
    expect([...index.keys()]).toEqual(['old']);
    expect(index.totalBytes).toBe(100);
  });

  it('never evicts the images of a starred article, even over the cap', () => {
    const index = new CacheIndex();
    index.set('starred', entry('a', 500, 1, ['art-1']));
    index.set('other', entry('b', 100, 2, ['art-2']));
    const freed = index.evict(100, (id) => id === 'art-1');
    expect(freed).toEqual(['b'.padEnd(64, '0')]);
    expect([...index.keys()]).toEqual(['starred']);
    expect(index.totalBytes).toBe(500);
  });

  it('does nothing under the cap', () => {
    const index = new CacheIndex();
    index.set('k', entry('a', 100, 1));
    expect(index.evict(100, () => false)).toEqual([]);
  });

  it('remembers a bounded number of articles per image', () => {
    const index = new CacheIndex();
    index.set('k', entry('a', 1, 1));
    for (let i = 0; i < MAX_ARTICLES_PER_IMAGE + 5; i++) index.touch('k', i, `art-${i}`);
    const articles = index.get('k')!.articles;
    expect(articles).toHaveLength(MAX_ARTICLES_PER_IMAGE);
    expect(articles.at(-1)).toBe(`art-${MAX_ARTICLES_PER_IMAGE + 4}`);
  });
});
