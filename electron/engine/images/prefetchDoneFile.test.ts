import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IMAGE_CACHE_DIR } from './ImageCache';
import { prefetchDoneFile } from './prefetchDoneFile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bs-prefetch-done-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('keeps the saved-article marks, and reads a damaged or foreign file as none', async () => {
  const store = prefetchDoneFile(dir);
  expect((await store.load()).size).toBe(0);
  await mkdir(join(dir, IMAGE_CACHE_DIR), { recursive: true });
  await store.save(new Map([['a', 1700000000000.5]]));
  expect([...(await store.load())]).toEqual([['a', 1700000000000.5]]);
  const file = join(dir, IMAGE_CACHE_DIR, 'prefetched.json');
  await writeFile(file, '{"version":1,"done":{"a":');
  expect((await store.load()).size).toBe(0);
  await writeFile(file, JSON.stringify({ version: 1, done: { ok: 1, bad: 'x', [`${'x'.repeat(200)}`]: 2 } }));
  expect([...(await store.load())]).toEqual([['ok', 1]]);
  await writeFile(file, JSON.stringify({ version: 9, done: { ok: 1 } }));
  expect((await store.load()).size).toBe(0);
});
