// The warm-start cache in `<dataDir>/cache/`: one file per set of library roots, so reopening a
// large library shows headlines without re-parsing unchanged files. It only provides data; the
// Library compares mtimeMs and size per file and re-parses what changed.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { atomicWriteFile, removeStaleTemps } from './atomicWriteFile';
import {
  type CacheContents,
  type CacheDecode,
  decodeCache,
  encodeCache,
  normaliseRoots,
} from './cacheFormat';
import { nodeStoreFs, type StoreFs } from './storeFs';

export type { CacheContents, CacheDecode, TextLookup } from './cacheFormat';
export { CachedTexts } from './cacheFormat';

/** Cache files kept in all, the current one included (switching back to other roots stays fast). */
const KEEP_CACHES = 3;
const CACHE_NAME = /^library-[0-9a-f]{16}\.bin$/;

export interface CacheOptions {
  fs?: StoreFs;
  now?: () => Date;
}

function folderOf(dataDir: string): string {
  return join(dataDir, 'cache');
}

function fileFor(dataDir: string, roots: readonly string[]): string {
  const key = createHash('sha1')
    .update(JSON.stringify(normaliseRoots(roots)))
    .digest('hex')
    .slice(0, 16);
  return join(folderOf(dataDir), `library-${key}.bin`);
}

/** The cached contents, or null when there is no usable cache. */
async function load(
  dataDir: string,
  roots: readonly string[],
  engineVersion: string,
  options: CacheOptions = {},
): Promise<CacheContents | null> {
  return (await read(dataDir, roots, engineVersion, options)).contents;
}

/** Like `load`, with the reason a cache was not used (missing, damaged, other engine version…). */
async function read(
  dataDir: string,
  roots: readonly string[],
  engineVersion: string,
  options: CacheOptions = {},
): Promise<CacheDecode> {
  const fs = options.fs ?? nodeStoreFs;
  let file: Buffer;
  try {
    file = await fs.readFile(fileFor(dataDir, roots));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      contents: null,
      reason: code === 'ENOENT' ? 'no cache yet' : `the cache cannot be read (${code})`,
    };
  }
  return decodeCache(file, { roots, engineVersion });
}

async function save(
  dataDir: string,
  roots: readonly string[],
  engineVersion: string,
  contents: CacheContents,
  options: CacheOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeStoreFs;
  const folder = folderOf(dataDir);
  const path = fileFor(dataDir, roots);
  await fs.mkdir(folder);
  await removeStaleTemps(path, fs);
  const parts = encodeCache({ roots, engineVersion }, contents, (options.now ?? (() => new Date()))());
  await atomicWriteFile(path, parts, {
    fs,
    kept: 'the library will be rescanned at the next start instead',
  });
  await prune(folder, path, fs);
}

/** Deletes the oldest caches of other root sets beyond KEEP_CACHES. */
async function prune(folder: string, current: string, fs: StoreFs): Promise<void> {
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((n) => CACHE_NAME.test(n));
  const others: { path: string; mtimeMs: number }[] = [];
  for (const name of names) {
    const path = join(folder, name);
    if (path === current) continue;
    const stat = await fs.stat(path).catch(() => null);
    if (stat) others.push({ path, mtimeMs: stat.mtimeMs });
  }
  others.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of others.slice(KEEP_CACHES - 1)) await fs.unlink(old.path).catch(() => undefined);
}

/** Load and save the warm-start cache; see the file comment. */
export const LibraryCache = { folder: folderOf, fileFor, load, read, save };
