import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/types';
import { CACHE_FORMAT_VERSION, decodeCache } from './cacheFormat';
import { type CacheContents, LibraryCache } from './LibraryCache';
import { faultyFs } from './testFs';

let dir: string;
const roots = ['/archive/b', '/archive/a'];
const ENGINE = 'engine-3';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function summary(n: number, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: n.toString(16).padStart(16, '0'),
    contentHash: `h${n}`,
    path: `/archive/a/${n}.md`,
    root: '/archive/a',
    title: `拉夫罗夫 ${n} "quoted"`,
    date: '2022-08-06T04:07:06.000Z',
    dateSource: 'front-matter',
    author: n % 2 ? 'Someone' : undefined,
    categories: ['國際', 'news'],
    images: n % 3 ? {} : { head: 'https://example.com/a.jpg' },
    chars: 40,
    excerpt: '俄罗斯外交部长…',
    bodyFormat: 'markdown',
    mtimeMs: 1_650_000_000_000 + n,
    size: 1000 + n,
    degraded: n === 2,
    ...over,
  };
}

function sample(): CacheContents {
  const articles = [summary(1), summary(2), summary(3), summary(4, { title: 'broken \ud800 half' })];
  return { articles, searchIndex: new Uint8Array([0, 1, 2, 250, 255]) };
}

const cacheFile = () => LibraryCache.fileFor(dir, roots);

describe('LibraryCache', () => {
  it('round-trips summaries and the search index blob', async () => {
    const contents = sample();
    await LibraryCache.save(dir, roots, ENGINE, contents);
    const loaded = await LibraryCache.load(dir, [...roots].reverse(), ENGINE);
    expect(loaded?.articles).toEqual(JSON.parse(JSON.stringify(contents.articles)));
    // Lone surrogates survive (UTF-16 storage), which JSON in UTF-8 would not promise.
    expect(loaded?.articles[3]?.title).toBe('broken \ud800 half');
    expect(loaded?.searchIndex).toEqual(contents.searchIndex);
    // What load returned can be saved again as is.
    await LibraryCache.save(dir, roots, ENGINE, loaded!);
    expect(await LibraryCache.load(dir, roots, ENGINE)).toEqual(loaded);
    expect(readdirSync(join(dir, 'cache'))).toEqual([cacheFile().split('/').at(-1)]);
  });

  it('round-trips without an index, and an empty library', async () => {
    await LibraryCache.save(dir, roots, ENGINE, { articles: [summary(1)] });
    expect(await LibraryCache.load(dir, roots, ENGINE)).toEqual({
      articles: [JSON.parse(JSON.stringify(summary(1)))],
    });
    await LibraryCache.save(dir, roots, ENGINE, { articles: [] });
    expect(await LibraryCache.load(dir, roots, ENGINE)).toEqual({ articles: [] });
  });

  it('reads a section at a time: the summaries before the index, each checked on its own', async () => {
    await LibraryCache.save(dir, roots, ENGINE, sample());
    const good = readFileSync(cacheFile());
    // Damage the index's last byte: the summaries are still good, the index is refused.
    const bad = Buffer.from(good);
    bad[good.byteLength - 5] = bad[good.byteLength - 5]! ^ 1;
    writeFileSync(cacheFile(), bad);
    const opened = await LibraryCache.open(dir, roots, ENGINE);
    expect(opened.cache?.articleCount).toBe(4);
    expect(await opened.cache!.summaries()).toHaveLength(4);
    await expect(opened.cache!.searchIndex()).rejects.toThrow(/checksum does not match/);
    await opened.cache!.close();
    expect(await LibraryCache.load(dir, roots, ENGINE)).toBeNull();
  });

  it('detects every flipped byte and every truncation', async () => {
    await LibraryCache.save(dir, roots, ENGINE, sample());
    const good = readFileSync(cacheFile());
    expect(decodeCache(good, { roots, engineVersion: ENGINE }).contents).not.toBeNull();
    // Every position: the preamble, the header, the summaries, the index, the trailer.
    for (let i = 0; i < good.byteLength; i++) {
      const bad = Buffer.from(good);
      bad[i] = bad[i]! ^ 0x10;
      expect(decodeCache(bad, { roots, engineVersion: ENGINE }).contents, `byte ${i} flipped`).toBeNull();
    }
    for (const cut of [1, 8, 100, good.byteLength - 9, good.byteLength - 1]) {
      writeFileSync(cacheFile(), good.subarray(0, good.byteLength - cut));
      expect((await LibraryCache.read(dir, roots, ENGINE)).contents, `${cut} bytes cut`).toBeNull();
    }
    writeFileSync(cacheFile(), Buffer.concat([good, Buffer.from([0])]));
    expect((await LibraryCache.read(dir, roots, ENGINE)).reason).toMatch(/truncated or damaged/);
  });

  it('says why a cache is not used', async () => {
    expect(await LibraryCache.read(dir, roots, ENGINE)).toEqual({ contents: null, reason: 'no cache yet' });
    await LibraryCache.save(dir, roots, ENGINE, sample());
    expect((await LibraryCache.read(dir, roots, 'engine-4')).reason).toBe(
      'the cache was made by engine engine-3, this is engine-4',
    );
    const good = readFileSync(cacheFile());
    const flipped = Buffer.from(good);
    flipped[good.byteLength - 20] = flipped[good.byteLength - 20]! ^ 1;
    writeFileSync(cacheFile(), flipped);
    expect((await LibraryCache.read(dir, roots, ENGINE)).reason).toMatch(/checksum does not match/);
    const otherFormat = Buffer.from(good);
    otherFormat.writeUInt32LE(99, 8);
    writeFileSync(cacheFile(), otherFormat);
    expect((await LibraryCache.read(dir, roots, ENGINE)).reason).toBe(
      `the cache format 99 is not ${CACHE_FORMAT_VERSION}`,
    );
  });

  it('keeps one cache per set of roots, and only the newest few', async () => {
    await LibraryCache.save(dir, ['/x'], ENGINE, { articles: [summary(1)] });
    await LibraryCache.save(dir, ['/y'], ENGINE, { articles: [summary(2)] });
    expect((await LibraryCache.load(dir, ['/x'], ENGINE))?.articles[0]?.contentHash).toBe('h1');
    expect((await LibraryCache.load(dir, ['/y'], ENGINE))?.articles[0]?.contentHash).toBe('h2');
    expect(await LibraryCache.load(dir, ['/x', '/y'], ENGINE)).toBeNull();
    const old = new Date('2020-01-01');
    utimesSync(LibraryCache.fileFor(dir, ['/x']), old, old);
    await LibraryCache.save(dir, ['/z'], ENGINE, { articles: [] });
    await LibraryCache.save(dir, ['/w'], ENGINE, { articles: [] });
    const left = readdirSync(join(dir, 'cache')).sort();
    expect(left).toHaveLength(3);
    expect(left).not.toContain(LibraryCache.fileFor(dir, ['/x']).split('/').at(-1));
  });

  it('on a full disk rejects and keeps the previous cache intact', async () => {
    await LibraryCache.save(dir, roots, ENGINE, sample());
    const fs = faultyFs();
    fs.fail('write', 'ENOSPC');
    await expect(LibraryCache.save(dir, roots, ENGINE, { articles: [] }, { fs })).rejects.toThrow(
      /disk is full/,
    );
    expect((await LibraryCache.load(dir, roots, ENGINE))?.articles).toHaveLength(4);
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(1);
  });
});
