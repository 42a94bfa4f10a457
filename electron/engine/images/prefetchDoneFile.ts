// The library prefetch's memory across restarts: which articles (by id) have all their pictures
// saved, and at which version of the file (its time). Without it every start would read the whole
// scope again to find that the pictures are already there. `<dataDir>/image-cache/prefetched.json`,
// written atomically; a damaged or foreign file counts as empty (the pictures themselves are in the
// cache, so the worst case is reading the articles once more).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from '../store/atomicWriteFile';
import { IMAGE_CACHE_DIR } from './ImageCache';

const FILE = 'prefetched.json';
const VERSION = 1;
/** Far above any library; a file past it is not trusted. */
const MAX_ENTRIES = 5_000_000;
const MAX_ID_CHARS = 128;

export interface PrefetchDoneStore {
  load(): Promise<Map<string, number>>;
  save(done: ReadonlyMap<string, number>): Promise<void>;
}

export function prefetchDoneFile(dataDir: string): PrefetchDoneStore {
  const path = join(dataDir, IMAGE_CACHE_DIR, FILE);
  return {
    async load() {
      const done = new Map<string, number>();
      try {
        const parsed = JSON.parse(await readFile(path, 'utf8')) as { version?: unknown; done?: unknown };
        if (parsed.version !== VERSION || typeof parsed.done !== 'object' || parsed.done === null)
          return done;
        const entries = Object.entries(parsed.done as Record<string, unknown>);
        if (entries.length > MAX_ENTRIES) return done;
        for (const [id, version] of entries) {
          if (id.length <= MAX_ID_CHARS && typeof version === 'number' && Number.isFinite(version)) {
            done.set(id, version);
          }
        }
      } catch {
        // No file yet, or a damaged one: start empty.
      }
      return done;
    },
    async save(done) {
      const text = JSON.stringify({ version: VERSION, done: Object.fromEntries(done) });
      await atomicWriteFile(path, text, {
        kept: 'the pictures stay saved; their articles are checked again',
      });
    },
  };
}
