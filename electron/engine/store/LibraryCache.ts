// The warm-start cache in `<dataDir>/cache/`: one file per set of library roots, so reopening a
// large library shows headlines without re-parsing unchanged files. It only provides data; the
// Library compares mtimeMs and size per file and re-parses what changed. See cacheFormat.ts.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { atomicWriteFile, removeStaleTemps } from './atomicWriteFile';
import {
  CACHE_PREAMBLE_BYTES,
  type CacheContents,
  type CacheDecode,
  type CachedArticle,
  type CacheLayout,
  checkSearchIndex,
  checkTrailer,
  type Decoded,
  decodeHeader,
  decodePreamble,
  decodeSummaries,
  encodeCache,
  normaliseRoots,
  trailerOffset,
} from './cacheFormat';
import { nodeStoreFs, type ReadableFile, type StoreFs } from './storeFs';

export type { CacheContents, CacheDecode } from './cacheFormat';

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

/**
 * An open cache file whose header has been checked, read a section at a time so headlines can be
 * shown before the search index is loaded. Each method rejects with the reason the section cannot
 * be used (damaged, truncated); then nothing of that section is used.
 */
export class OpenCache {
  constructor(
    private readonly file: ReadableFile,
    private readonly layout: CacheLayout,
  ) {}

  get articleCount(): number {
    return this.layout.articleCount;
  }

  get hasSearchIndex(): boolean {
    return this.layout.searchIndex !== null;
  }

  async summaries(): Promise<CachedArticle[]> {
    const { offset, length } = this.layout.summaries;
    return unwrap(decodeSummaries(await this.file.read(offset, length), this.layout));
  }

  /** The index blob (a buffer of its own), or null when the cache was saved without one. */
  async searchIndex(): Promise<Uint8Array | null> {
    if (!this.layout.searchIndex) return null;
    const { offset, length } = this.layout.searchIndex;
    return unwrap(checkSearchIndex(await this.file.read(offset, length), this.layout));
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

export class CacheUnusableError extends Error {}

function unwrap<T>(decoded: Decoded<T>): T {
  if (!decoded.ok) throw new CacheUnusableError(decoded.reason);
  return decoded.value;
}

/** Opens the cache and checks its header, or says why there is no usable cache. */
async function open(
  dataDir: string,
  roots: readonly string[],
  engineVersion: string,
  options: CacheOptions = {},
): Promise<{ cache: OpenCache; reason?: undefined } | { cache: null; reason: string }> {
  const fs = options.fs ?? nodeStoreFs;
  let file: ReadableFile;
  try {
    file = await fs.openForRead(fileFor(dataDir, roots));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { cache: null, reason: code === 'ENOENT' ? 'no cache yet' : `the cache cannot be read (${code})` };
  }
  try {
    if (file.size < CACHE_PREAMBLE_BYTES) throw new CacheUnusableError('the cache is truncated');
    const preamble = unwrap(decodePreamble(await file.read(0, CACHE_PREAMBLE_BYTES)));
    if (CACHE_PREAMBLE_BYTES + preamble.headerBytes > file.size)
      throw new CacheUnusableError('the cache is truncated');
    const headerBytes = await file.read(CACHE_PREAMBLE_BYTES, preamble.headerBytes);
    const layout = unwrap(decodeHeader(headerBytes, preamble.headerCrc, file.size, { roots, engineVersion }));
    const end = trailerOffset(file.size);
    unwrap(checkTrailer(await file.read(end, file.size - end)));
    return { cache: new OpenCache(file, layout) };
  } catch (error) {
    await file.close().catch(() => undefined);
    const reason =
      error instanceof CacheUnusableError
        ? error.message
        : `the cache cannot be read (${(error as Error).message})`;
    return { cache: null, reason };
  }
}

/** Every section at once, with the reason a cache was not used (missing, damaged, other engine…). */
async function read(
  dataDir: string,
  roots: readonly string[],
  engineVersion: string,
  options: CacheOptions = {},
): Promise<CacheDecode> {
  const opened = await open(dataDir, roots, engineVersion, options);
  if (!opened.cache) return { contents: null, reason: opened.reason };
  try {
    const articles = await opened.cache.summaries();
    const searchIndex = await opened.cache.searchIndex();
    return { contents: searchIndex ? { articles, searchIndex } : { articles } };
  } catch (error) {
    return { contents: null, reason: (error as Error).message };
  } finally {
    await opened.cache.close();
  }
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
export const LibraryCache = { folder: folderOf, fileFor, open, load, read, save };
