// The pure part of the image cache: keys, the in-memory index and the eviction rule. No I/O, so
// the rules are tested directly (cacheIndex.test.ts); ImageCache does the disk work around it.

import { createHash } from 'node:crypto';
import type { ImageType } from './sniffImage';

/** Most articles remembered per cached image (enough to pin it while any of them is starred). */
export const MAX_ARTICLES_PER_IMAGE = 16;

export interface CacheEntry {
  /** sha256 (hex) of the image bytes: the blob's file name. Never derived from the URL. */
  blob: string;
  type: ImageType;
  bytes: number;
  /** ms since epoch of the last time the image was shown or fetched. */
  lastUsed: number;
  /** Articles that showed it (ids); an image is pinned while one of them is starred. */
  articles: string[];
}

/** Key of a remote image in the index: a hash of its normalized absolute URL (fragment dropped). */
export function remoteImageKey(url: string): string {
  let normal = url;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    normal = parsed.href;
  } catch {
    // Not a URL: hashed as written (such a URL is never fetched anyway).
  }
  return createHash('sha256').update(`remote\n${normal}`).digest('hex');
}

/** Name of the file holding these bytes: the hash of the content itself. */
export function blobName(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class CacheIndex {
  private readonly entries = new Map<string, CacheEntry>();
  /** How many entries point at each blob, and its size. */
  private readonly blobs = new Map<string, { refs: number; bytes: number }>();
  private total = 0;
  /** Keys removed since the last takeRemoved() (a merge with the file must not bring them back). */
  private readonly removed = new Set<string>();

  get totalBytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get blobCount(): number {
    return this.blobs.size;
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  entriesList(): [string, CacheEntry][] {
    return [...this.entries];
  }

  /** Adds or replaces. Returns the blob no longer referenced by anything, if the old one was freed. */
  set(key: string, entry: CacheEntry): string | null {
    const freed = this.delete(key);
    this.removed.delete(key);
    this.entries.set(key, entry);
    const blob = this.blobs.get(entry.blob);
    if (blob) blob.refs++;
    else {
      this.blobs.set(entry.blob, { refs: 1, bytes: entry.bytes });
      this.total += entry.bytes;
    }
    return freed === entry.blob ? null : freed;
  }

  /** Removes an entry; returns its blob when nothing else refers to it (the caller deletes the file). */
  delete(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    this.removed.add(key);
    const blob = this.blobs.get(entry.blob);
    if (!blob) return null;
    blob.refs--;
    if (blob.refs > 0) return null;
    this.blobs.delete(entry.blob);
    this.total -= blob.bytes;
    return entry.blob;
  }

  touch(key: string, now: number, articleId?: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.lastUsed = now;
    if (articleId && !entry.articles.includes(articleId)) {
      entry.articles.push(articleId);
      if (entry.articles.length > MAX_ARTICLES_PER_IMAGE) entry.articles.shift();
    }
  }

  /** Distinct pictures kept for a starred article. */
  pinnedBlobCount(isPinned: (articleId: string) => boolean): number {
    const pinned = new Set<string>();
    for (const entry of this.entries.values()) {
      if (entry.articles.some(isPinned)) pinned.add(entry.blob);
    }
    return pinned.size;
  }

  hasBlob(blob: string): boolean {
    return this.blobs.has(blob);
  }

  wasRemoved(key: string): boolean {
    return this.removed.has(key);
  }

  /** The keys removed since the last call, and forgets them. */
  takeRemoved(): Set<string> {
    const taken = new Set(this.removed);
    this.removed.clear();
    return taken;
  }

  clear(): void {
    for (const key of this.entries.keys()) this.removed.add(key);
    this.entries.clear();
    this.blobs.clear();
    this.total = 0;
  }

  /**
   * Least recently used first, until the cache fits `capBytes`; an image of a starred article is
   * never evicted (so the cache may stay over the cap when starred images alone exceed it).
   * Returns the freed blobs.
   */
  evict(capBytes: number, isPinned: (articleId: string) => boolean): string[] {
    if (this.total <= capBytes) return [];
    const candidates = [...this.entries]
      .filter(([, entry]) => !entry.articles.some(isPinned))
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    const freed: string[] = [];
    for (const [key] of candidates) {
      if (this.total <= capBytes) break;
      const blob = this.delete(key);
      if (blob) freed.push(blob);
    }
    return freed;
  }
}
