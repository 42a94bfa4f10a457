// The image cache on disk: `<dataDir>/image-cache/blobs/<ab>/<sha256 of the bytes>` plus an index
// (`index.json`: which URL maps to which blob, its type, size, last use and the articles that
// showed it). Content-addressed, so no file name ever comes from a URL and one picture used by
// many articles is stored once. The index is saved atomically, a few seconds after changes.
//
// More than one writer may share the folder (the app and a `broadsheet export` run at the same
// time). So a save is a merge under a lock file: read the index on disk, adopt the entries another
// writer added (when their blob is there and this writer did not remove them), then write. No
// writer's save can drop another's entries, and the file is always whole (atomic rename).

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from '../store/atomicWriteFile';
import { blobName, type CacheEntry, CacheIndex } from './cacheIndex';
import { DEFAULT_IMAGE_CACHE_BYTES } from './imageLimits';
import { IMAGE_EXTENSIONS, type ImageType } from './sniffImage';

export const IMAGE_CACHE_DIR = 'image-cache';
const INDEX_FILE = 'index.json';
const INDEX_VERSION = 1;
const SAVE_DELAY_MS = 3_000;
const LOCK_FILE = 'index.lock';
/** A lock older than this was left by a writer that died; it is taken over. */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 15_000;

interface ImageCacheOptions {
  capBytes?: number;
  /** Is this article starred? Images of starred articles are never evicted. */
  isPinned?: (articleId: string) => boolean;
  now?: () => number;
  /** Where a damaged index is reported (it is then started afresh). */
  warn?: (message: string) => void;
}

interface CachedImage {
  bytes: Buffer;
  type: ImageType;
}

export interface ImageCacheStats {
  /** Bytes of distinct pictures stored. */
  bytes: number;
  /** Distinct pictures stored. */
  images: number;
  /** Addresses that map to them. */
  addresses: number;
  /** Distinct pictures kept because a starred article shows them. */
  starredImages: number;
  capBytes: number;
}

function isEntry(v: unknown): v is CacheEntry {
  const e = v as CacheEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.blob === 'string' &&
    /^[0-9a-f]{64}$/.test(e.blob) &&
    typeof e.type === 'string' &&
    e.type in IMAGE_EXTENSIONS &&
    Number.isSafeInteger(e.bytes) &&
    e.bytes >= 0 &&
    typeof e.lastUsed === 'number' &&
    Array.isArray(e.articles) &&
    e.articles.every((a) => typeof a === 'string')
  );
}

/** The entries of an index file; throws when it is not one. Malformed entries are dropped. */
function parseIndex(text: string): [string, CacheEntry][] {
  const parsed = JSON.parse(text) as { version?: unknown; entries?: Record<string, unknown> };
  if (parsed.version !== INDEX_VERSION || typeof parsed.entries !== 'object' || !parsed.entries) {
    throw new Error('unknown format');
  }
  return Object.entries(parsed.entries).filter(
    (pair): pair is [string, CacheEntry] => /^[0-9a-f]{64}$/.test(pair[0]) && isEntry(pair[1]),
  );
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export class ImageCache {
  private readonly index = new CacheIndex();
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private capBytes: number;
  private readonly now: () => number;
  private readonly isPinned: (articleId: string) => boolean;
  /** The keys of the index file as this writer last read or wrote it. */
  private synced = new Set<string>();

  private constructor(
    readonly dir: string,
    options: ImageCacheOptions,
  ) {
    this.capBytes = options.capBytes ?? DEFAULT_IMAGE_CACHE_BYTES;
    this.now = options.now ?? Date.now;
    this.isPinned = options.isPinned ?? (() => false);
  }

  /** Opens (or creates) the cache under `dataDir`. A damaged index starts an empty cache. */
  static async open(dataDir: string, options: ImageCacheOptions = {}): Promise<ImageCache> {
    const cache = new ImageCache(join(dataDir, IMAGE_CACHE_DIR), options);
    await mkdir(join(cache.dir, 'blobs'), { recursive: true, mode: 0o700 });
    let text: string | null = null;
    try {
      text = await readFile(join(cache.dir, INDEX_FILE), 'utf8');
    } catch {
      // No index yet.
    }
    if (text !== null) {
      try {
        for (const [key, entry] of parseIndex(text)) cache.index.set(key, entry);
      } catch (error) {
        options.warn?.(
          `The image cache index ${join(cache.dir, INDEX_FILE)} could not be read (${(error as Error).message}); pictures will be fetched again.`,
        );
        cache.index.clear();
      }
    }
    cache.index.takeRemoved();
    cache.synced = new Set(cache.index.keys());
    return cache;
  }

  private blobPath(blob: string): string {
    return join(this.dir, 'blobs', blob.slice(0, 2), blob);
  }

  has(key: string): boolean {
    return this.index.get(key) !== undefined;
  }

  /** The cached picture, or null. Marks it used (and by which article). */
  async read(key: string, articleId?: string): Promise<CachedImage | null> {
    const entry = this.index.get(key);
    if (!entry) return null;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.blobPath(entry.blob));
    } catch {
      // The file went missing (cleared by hand): forget the entry, the picture is fetched again.
      this.index.delete(key);
      this.scheduleSave();
      return null;
    }
    this.index.touch(key, this.now(), articleId);
    this.scheduleSave();
    return { bytes, type: entry.type };
  }

  /** Records that an article uses an already cached picture (so starring it pins the picture). */
  noteArticle(key: string, articleId: string): void {
    if (!this.index.get(key)) return;
    this.index.touch(key, this.now(), articleId);
    this.scheduleSave();
  }

  async put(key: string, bytes: Buffer, type: ImageType, articleId?: string): Promise<void> {
    const blob = blobName(bytes);
    if (!this.index.hasBlob(blob)) {
      const path = this.blobPath(blob);
      await mkdir(join(this.dir, 'blobs', blob.slice(0, 2)), { recursive: true, mode: 0o700 });
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, path);
    }
    const freed = this.index.set(key, {
      blob,
      type,
      bytes: bytes.length,
      lastUsed: this.now(),
      articles: articleId ? [articleId] : [],
    });
    if (freed) await this.removeBlob(freed);
    await this.evict();
    this.scheduleSave();
  }

  setCap(capBytes: number): Promise<void> {
    this.capBytes = capBytes;
    return this.evict();
  }

  /** Evicts least-recently-used pictures until the cache fits its cap; starred ones stay. */
  async evict(): Promise<void> {
    const freed = this.index.evict(this.capBytes, this.isPinned);
    for (const blob of freed) await this.removeBlob(blob);
    if (freed.length > 0) this.scheduleSave();
  }

  stats(): ImageCacheStats {
    return {
      bytes: this.index.totalBytes,
      images: this.index.blobCount,
      addresses: this.index.size,
      starredImages: this.index.pinnedBlobCount(this.isPinned),
      capBytes: this.capBytes,
    };
  }

  /** Deletes every cached picture. */
  async clear(): Promise<void> {
    this.index.clear();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.saving;
    await rm(join(this.dir, 'blobs'), { recursive: true, force: true });
    await mkdir(join(this.dir, 'blobs'), { recursive: true, mode: 0o700 });
    await this.save();
  }

  private async removeBlob(blob: string): Promise<void> {
    await unlink(this.blobPath(blob)).catch(() => undefined);
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  private save(): Promise<void> {
    this.saving = this.saving.then(() => this.mergeAndWrite()).catch(() => undefined);
    return this.saving;
  }

  /** Under the lock: adopt what other writers saved, then write the whole index. */
  private async mergeAndWrite(): Promise<void> {
    const unlock = await this.lock();
    try {
      const removed = this.index.takeRemoved();
      let onDisk: [string, CacheEntry][] | null = null;
      try {
        onDisk = parseIndex(await readFile(join(this.dir, INDEX_FILE), 'utf8'));
      } catch {
        // No index yet, or a damaged one: ours replaces it.
      }
      if (onDisk) {
        // What another writer removed since our last save (it was there then, it is not now).
        const there = new Set(onDisk.map(([key]) => key));
        for (const key of this.synced) {
          if (there.has(key)) continue;
          const blob = this.index.delete(key);
          if (blob) await this.removeBlob(blob);
        }
      }
      let adopted = 0;
      for (const [key, entry] of onDisk ?? []) {
        const mine = this.index.get(key);
        if (mine) {
          mine.lastUsed = Math.max(mine.lastUsed, entry.lastUsed);
          continue;
        }
        if (removed.has(key) || this.index.wasRemoved(key)) continue;
        if (!this.index.hasBlob(entry.blob) && !(await exists(this.blobPath(entry.blob)))) continue;
        this.index.set(key, entry);
        adopted++;
      }
      if (adopted > 0) {
        const freed = this.index.evict(this.capBytes, this.isPinned);
        for (const blob of freed) await this.removeBlob(blob);
      }
      const list = this.index.entriesList();
      const text = JSON.stringify({ version: INDEX_VERSION, entries: Object.fromEntries(list) });
      await atomicWriteFile(join(this.dir, INDEX_FILE), text, { kept: 'pictures will be fetched again' });
      this.synced = new Set(list.map(([key]) => key));
    } finally {
      await unlock();
    }
  }

  /** Takes the folder's index lock (a file created exclusively); a dead writer's lock is taken over. */
  private async lock(): Promise<() => Promise<void>> {
    const path = join(this.dir, LOCK_FILE);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const handle = await open(path, 'wx', 0o600);
        await handle.close();
        return () => unlink(path).catch(() => undefined);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const age = await stat(path).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS || Date.now() > deadline) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  }

  /** Writes the index now (on close). */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    await this.save();
  }
}
