import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remoteImageKey } from './cacheIndex';
import { IMAGE_CACHE_DIR, ImageCache } from './ImageCache';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bs-image-cache-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const png = (n: number) =>
  Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(n, n % 251)]);

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

describe('ImageCache', () => {
  it('stores pictures under the hash of their bytes, never a name from the URL', async () => {
    const cache = await ImageCache.open(dataDir);
    const url = 'https://img.example.com/../../evil/..%2f/name-from-url.png';
    await cache.put(remoteImageKey(url), png(10), 'image/png', 'art-1');
    const files = await allFiles(join(dataDir, IMAGE_CACHE_DIR, 'blobs'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/blobs\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(files[0]).not.toMatch(/name-from-url|evil/);
    expect(await cache.read(remoteImageKey(url))).toEqual({ bytes: png(10), type: 'image/png' });
  });

  it('keeps one copy of a picture used under two addresses', async () => {
    const cache = await ImageCache.open(dataDir);
    await cache.put(remoteImageKey('https://a.example/1.png'), png(100), 'image/png');
    await cache.put(remoteImageKey('https://b.example/2.png?x'), png(100), 'image/png');
    expect(cache.stats()).toMatchObject({ images: 1, addresses: 2, bytes: png(100).length });
    expect(await allFiles(join(dataDir, IMAGE_CACHE_DIR, 'blobs'))).toHaveLength(1);
  });

  it('evicts the least recently used pictures past the cap, deleting their files, but never a starred article’s', async () => {
    let now = 1000;
    const starred = new Set(['starred-article']);
    const cache = await ImageCache.open(dataDir, {
      capBytes: 2500,
      now: () => now,
      isPinned: (id) => starred.has(id),
    });
    const key = (n: number) => remoteImageKey(`https://img.example/${n}.png`);
    await cache.put(key(1), png(1000), 'image/png', 'starred-article');
    now++;
    await cache.put(key(2), png(1001), 'image/png', 'plain');
    now++;
    await cache.read(key(2)); // used again: now newer than 3
    now++;
    await cache.put(key(3), png(1002), 'image/png', 'plain');
    now++;
    await cache.read(key(2));
    now++;
    await cache.put(key(4), png(1003), 'image/png', 'plain');
    // Starred 1 stays although it is the oldest; 3 is the least recently used unpinned one.
    expect(cache.has(key(1))).toBe(true);
    expect(cache.has(key(3))).toBe(false);
    expect(cache.stats().bytes).toBeLessThanOrEqual(2500 + 1024);
    expect(await allFiles(join(dataDir, IMAGE_CACHE_DIR, 'blobs'))).toHaveLength(cache.stats().images);
    // Lowering the cap evicts more, still never the starred one.
    await cache.setCap(0);
    expect(cache.has(key(1))).toBe(true);
    expect(cache.stats().images).toBe(1);
  });

  it('survives a restart, and a damaged index starts an empty cache with a warning', async () => {
    const cache = await ImageCache.open(dataDir);
    await cache.put(remoteImageKey('https://a.example/1.png'), png(5), 'image/png');
    await cache.flush();
    const again = await ImageCache.open(dataDir);
    expect(await again.read(remoteImageKey('https://a.example/1.png'))).not.toBeNull();

    await writeFile(join(dataDir, IMAGE_CACHE_DIR, 'index.json'), '{"version":1,"entries":');
    const warnings: string[] = [];
    const damaged = await ImageCache.open(dataDir, { warn: (m) => warnings.push(m) });
    expect(damaged.stats().images).toBe(0);
    expect(warnings[0]).toMatch(/could not be read/);
  });

  it('two writers on one folder never lose each other’s entries, and a removal stays removed', async () => {
    // The app's cache and an export's (or a second process's) share the folder. Each saves its
    // whole index: without a merge, the last save drops what the other added.
    const app = await ImageCache.open(dataDir);
    const other = await ImageCache.open(dataDir);
    const keys = Array.from({ length: 6 }, (_, i) => remoteImageKey(`https://a.example/${i}.png`));
    await app.put(keys[0]!, png(10), 'image/png');
    await other.put(keys[1]!, png(11), 'image/png');
    await Promise.all([app.flush(), other.flush()]);
    await app.put(keys[2]!, png(12), 'image/png');
    await other.put(keys[3]!, png(13), 'image/png');
    await Promise.all([other.flush(), app.flush()]);
    const reopened = await ImageCache.open(dataDir);
    for (const key of keys.slice(0, 4)) expect(reopened.has(key)).toBe(true);
    expect(await reopened.read(keys[1]!)).toMatchObject({ type: 'image/png' });
    // A picture one writer removes (its file deleted by hand here) is not brought back by a merge.
    await rm(join(dataDir, IMAGE_CACHE_DIR, 'blobs'), { recursive: true, force: true });
    expect(await app.read(keys[0]!)).toBeNull();
    await app.flush();
    await other.flush();
    const after = await ImageCache.open(dataDir);
    expect(after.has(keys[0]!)).toBe(false);
    expect(JSON.parse(await readFile(join(dataDir, IMAGE_CACHE_DIR, 'index.json'), 'utf8')).version).toBe(1);
  });

  it('takes over a lock left by a writer that died', async () => {
    const cache = await ImageCache.open(dataDir);
    const lock = join(dataDir, IMAGE_CACHE_DIR, 'index.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await cache.put(remoteImageKey('https://a.example/1.png'), png(5), 'image/png');
    await cache.flush();
    expect((await ImageCache.open(dataDir)).has(remoteImageKey('https://a.example/1.png'))).toBe(true);
  });

  it('drops index entries that are not well formed instead of trusting them', async () => {
    await ImageCache.open(dataDir);
    const good = { blob: 'a'.repeat(64), type: 'image/png', bytes: 3, lastUsed: 1, articles: [] };
    await writeFile(
      join(dataDir, IMAGE_CACHE_DIR, 'index.json'),
      JSON.stringify({
        version: 1,
        entries: {
          ['b'.repeat(64)]: good,
          ['c'.repeat(64)]: { ...good, blob: '../../../etc/passwd' },
          ['d'.repeat(64)]: { ...good, type: 'text/html' },
          '../x': good,
        },
      }),
    );
    const cache = await ImageCache.open(dataDir);
    expect(cache.stats().addresses).toBe(1);
  });

  it('clears every picture', async () => {
    const cache = await ImageCache.open(dataDir);
    await cache.put(remoteImageKey('https://a.example/1.png'), png(5), 'image/png');
    await cache.clear();
    expect(cache.stats()).toMatchObject({ images: 0, bytes: 0 });
    expect(await allFiles(join(dataDir, IMAGE_CACHE_DIR, 'blobs'))).toEqual([]);
    const index = JSON.parse(await readFile(join(dataDir, IMAGE_CACHE_DIR, 'index.json'), 'utf8'));
    expect(index.entries).toEqual({});
  });
});
