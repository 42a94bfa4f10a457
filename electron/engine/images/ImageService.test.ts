import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchImageResult } from './fetchImage';
import { type ArticleLocation, ImageService, type ImageServiceOptions } from './ImageService';

const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(32, 7)]);

let dir: string;
let library: string;
let outsideDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bs-image-service-'));
  library = join(dir, 'library');
  outsideDir = join(dir, 'outside');
  await mkdir(join(library, 'site', 'source', 'images'), { recursive: true });
  await mkdir(join(library, 'site', 'source', '_posts', 'images'), { recursive: true });
  await mkdir(join(library, 'hugo', 'static', 'img'), { recursive: true });
  await mkdir(join(library, 'hugo', 'content', 'posts'), { recursive: true });
  await mkdir(outsideDir, { recursive: true });
  await writeFile(join(library, 'site', 'source', '_posts', 'a.md'), '# a');
  await writeFile(join(library, 'site', 'source', '_posts', 'images', 'rel.png'), PNG);
  await writeFile(join(library, 'site', 'source', 'images', 'root.png'), PNG);
  await writeFile(join(library, 'hugo', 'static', 'img', 'c.png'), PNG);
  await writeFile(join(library, 'site', 'source', '_posts', 'notes.txt'), 'secret text, not a picture');
  await writeFile(join(outsideDir, 'secret.png'), PNG);
  await symlink(
    join(outsideDir, 'secret.png'),
    join(library, 'site', 'source', '_posts', 'images', 'link.png'),
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const articles: Record<string, ArticleLocation> = {
  hexo: { path: '', root: '' },
  hugo: { path: '', root: '' },
};

async function openService(overrides: Partial<ImageServiceOptions> = {}) {
  articles.hexo = { path: join(library, 'site', 'source', '_posts', 'a.md'), root: library };
  articles.hugo = { path: join(library, 'hugo', 'content', 'posts', 'b.md'), root: library };
  return ImageService.open({
    dataDir: join(dir, 'data'),
    isStarred: () => false,
    locate: (id) => articles[id],
    roots: () => [library],
    ...overrides,
  });
}

/** A fetcher that records calls and answers after `release()`. */
function stalledFetcher() {
  const calls: string[] = [];
  let active = 0;
  let maxActive = 0;
  const waiting: (() => void)[] = [];
  const fetch = async (url: string): Promise<FetchImageResult> => {
    calls.push(url);
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise<void>((resolve) => waiting.push(resolve));
    active--;
    return { ok: true, bytes: Buffer.concat([PNG, Buffer.from(url)]), type: 'image/png', finalUrl: url };
  };
  const releaseAll = async () => {
    while (waiting.length > 0) {
      waiting.shift()!();
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  return {
    fetch,
    calls,
    releaseAll,
    get maxActive() {
      return maxActive;
    },
  };
}

describe('ImageService remote pictures', () => {
  it('fetches once, then answers from the cache (also after a restart, offline)', async () => {
    let calls = 0;
    const fetch = async (url: string): Promise<FetchImageResult> => {
      calls++;
      return { ok: true, bytes: PNG, type: 'image/png', finalUrl: url };
    };
    const service = await openService({ fetch });
    const [a, b] = await Promise.all([
      service.remote('https://img.example/a.png', 'hexo'),
      service.remote('https://img.example/a.png', 'hexo'),
    ]);
    expect(a).toMatchObject({ ok: true, type: 'image/png' });
    expect(b).toMatchObject({ ok: true });
    expect(calls).toBe(1);
    await service.close();

    const offline = async (): Promise<FetchImageResult> => ({
      ok: false,
      reason: 'offline',
      detail: 'no network',
    });
    const again = await openService({ fetch: offline });
    expect(await again.remote('https://img.example/a.png', 'hexo')).toMatchObject({ ok: true, bytes: PNG });
    expect(await again.remote('https://img.example/b.png', 'hexo')).toMatchObject({
      ok: false,
      reason: 'offline',
    });
    expect(again.failureOf('https://img.example/b.png')).toMatchObject({ reason: 'offline' });
  });

  it('runs a bounded number of fetches at once and bounds one article’s addresses', async () => {
    const fetcher = stalledFetcher();
    const service = await openService({ fetch: fetcher.fetch, parallelism: 3, maxImagesPerArticle: 50 });
    const urls = Array.from({ length: 10_000 }, (_, i) => `https://img.example/${i}.png`);
    const answers = Promise.all(urls.map((url) => service.remote(url, 'hexo')));
    await new Promise((r) => setTimeout(r, 20));
    expect(fetcher.calls.length).toBe(3);
    await fetcher.releaseAll();
    const results = await answers;
    expect(fetcher.calls.length).toBe(50);
    expect(fetcher.maxActive).toBe(3);
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(results[9_999]).toMatchObject({ ok: false, reason: 'blocked' });
    // The page asks why a picture past the cap is missing: blocked by the cap, not "offline".
    const why = await service.explain({ kind: 'remote', articleId: 'hexo', url: urls[9_999]! });
    expect(why).toMatchObject({ reason: 'blocked', detail: expect.stringMatching(/more than 50 pictures/) });
    // One of the 50 it did fetch is no failure; another article's picture is not capped by this one.
    expect(await service.explain({ kind: 'remote', articleId: 'other', url: urls[9_999]! })).toMatchObject({
      reason: 'offline',
    });
  });

  it('refuses new work when the queue is full instead of piling up', async () => {
    const fetcher = stalledFetcher();
    const service = await openService({ fetch: fetcher.fetch, parallelism: 1, maxQueued: 2 });
    const first = [0, 1, 2].map((i) => service.remote(`https://img.example/${i}.png`, `art-${i}`));
    await new Promise((r) => setTimeout(r, 5));
    expect(await service.remote('https://img.example/9.png', 'art-9')).toMatchObject({
      ok: false,
      reason: 'blocked',
    });
    expect(
      await service.explain({ kind: 'remote', articleId: 'art-9', url: 'https://img.example/9.png' }),
    ).toMatchObject({
      reason: 'blocked',
      detail: expect.stringMatching(/Too many pictures are waiting/),
    });
    await fetcher.releaseAll();
    expect((await Promise.all(first)).every((r) => r.ok)).toBe(true);
  });

  it('does not retry a failed address at once', async () => {
    let calls = 0;
    let now = 0;
    const fetch = async (): Promise<FetchImageResult> => {
      calls++;
      return { ok: false, reason: 'not-found', detail: 'HTTP 404' };
    };
    const service = await openService({ fetch, now: () => now });
    await service.remote('https://img.example/gone.png', 'hexo');
    await service.remote('https://img.example/gone.png', 'hexo');
    expect(calls).toBe(1);
    now += 60_000;
    await service.remote('https://img.example/gone.png', 'hexo');
    expect(calls).toBe(2);
  });

  it('prefetches an article’s pictures and counts what was already cached', async () => {
    const fetch = async (url: string): Promise<FetchImageResult> =>
      url.includes('bad')
        ? { ok: false, reason: 'refused', detail: '403' }
        : { ok: true, bytes: Buffer.concat([PNG, Buffer.from(url)]), type: 'image/png', finalUrl: url };
    const service = await openService({ fetch });
    await service.remote('https://img.example/1.png', 'hexo');
    const outcome = await service.prefetch('hexo', [
      'https://img.example/1.png',
      'https://img.example/2.png',
      'https://img.example/2.png',
      'https://img.example/bad.png',
    ]);
    expect(outcome).toMatchObject({ cached: 1, fetched: 1, failed: 1, retryable: 0 });
    expect(outcome.bytes).toBeGreaterThan(0);
    expect(service.stats().images).toBe(2);
  });
});

describe('ImageService local pictures', () => {
  it('shows a picture relative to the article and a site-root path from source/ or static/', async () => {
    const service = await openService();
    expect(await service.local('hexo', 'images/rel.png')).toMatchObject({ ok: true, type: 'image/png' });
    expect(await service.local('hexo', './images/rel.png?v=2#x')).toMatchObject({ ok: true });
    expect(await service.local('hexo', '/images/root.png')).toMatchObject({ ok: true });
    expect(await service.local('hugo', '/img/c.png')).toMatchObject({ ok: true });
    expect(await service.local('hugo', '../../static/img/c.png')).toMatchObject({ ok: true });
  });

  it('never reads outside the library, through .. or a symlink, nor a file that is not a picture', async () => {
    const service = await openService();
    expect(await service.local('hexo', '../../../../outside/secret.png')).toMatchObject({
      ok: false,
      reason: 'blocked',
    });
    expect(await service.local('hexo', '/../../../../outside/secret.png')).toMatchObject({ ok: false });
    expect(await service.local('hexo', 'images/link.png')).toMatchObject({ ok: false, reason: 'blocked' });
    expect(await service.local('hexo', 'notes.txt')).toMatchObject({ ok: false, reason: 'not-image' });
    expect(await service.local('hexo', 'images/none.png')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await service.local('hexo', 'file:///etc/passwd')).toMatchObject({ ok: false, reason: 'blocked' });
    expect(
      await service.local('hexo', 'images%2f..%2f..%2f..%2f..%2f..%2foutside%2fsecret.png'),
    ).toMatchObject({
      ok: false,
      reason: 'blocked',
    });
    expect(await service.local('nowhere', 'images/rel.png')).toMatchObject({ ok: false, reason: 'blocked' });
  });
});
