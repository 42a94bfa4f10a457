// The user's stars, in `<dataDir>/stars.json`. Every change is on disk (atomically) before its
// promise resolves, so a star the user saw succeed survives a crash. A damaged file is kept aside
// and reported, a file from a newer Broadsheet is never overwritten.

import { join } from 'node:path';
import type { ArticleSummary, StarredEntry } from '../../../shared/types';
import { atomicWriteFile, removeStaleTemps, StoreWriteError } from './atomicWriteFile';
import { resolveStars, type StarLookup } from './resolveStars';
import { parseStarsFile, type StoredStar, serializeStars } from './starFile';
import { type FileStat, nodeStoreFs, type StoreFs } from './storeFs';
import { withFileLock } from './storeLock';
import {
  copyAsideDamaged,
  readUserDataFile,
  type StoreWarning,
  setAsideDamaged,
  unchangedSince,
} from './userDataFile';

const STARS_FILE = 'stars.json';
const KEPT = 'your previous stars are kept';

export interface StoreOptions {
  fs?: StoreFs;
  now?: () => Date;
}

interface Loaded {
  stars: StoredStar[];
  warnings: StoreWarning[];
  readOnlyReason: string | null;
}

export class StarStore {
  /** Problems found when the file was opened, and later save failures of `resolve`. */
  readonly warnings: StoreWarning[];
  private stars: StoredStar[];
  private readOnlyReason: string | null;
  /** What the file looked like after our last read or write, to notice another writer (the CLI). */
  private lastSeen: FileStat | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    loaded: Loaded,
    private readonly fs: StoreFs,
    private readonly now: () => Date,
  ) {
    this.stars = loaded.stars;
    this.warnings = loaded.warnings;
    this.readOnlyReason = loaded.readOnlyReason;
  }

  static async open(dataDir: string, options: StoreOptions = {}): Promise<StarStore> {
    const fs = options.fs ?? nodeStoreFs;
    const now = options.now ?? (() => new Date());
    const path = join(dataDir, STARS_FILE);
    await fs.mkdir(dataDir);
    await removeStaleTemps(path, fs);
    const store = new StarStore(path, { stars: [], warnings: [], readOnlyReason: null }, fs, now);
    const loaded = await store.load();
    if (loaded) {
      store.stars = loaded.stars;
      store.warnings.push(...loaded.warnings);
      store.readOnlyReason = loaded.readOnlyReason;
    }
    return store;
  }

  /** Why changes are refused (a newer or unreadable file), or null when the store is writable. */
  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  /** The damage report of opening, if the file was damaged: for "your stars file was damaged…". */
  get damage(): StoreWarning | undefined {
    return this.warnings.find((w) => w.code === 'damaged' || w.code === 'entries-dropped');
  }

  entries(): StoredStar[] {
    return this.stars.map((s) => ({ ...s }));
  }

  isStarred(id: string): boolean {
    return this.stars.some((s) => s.id === id);
  }

  /** Stars an article; starring a starred article refreshes what is remembered about it. */
  star(article: ArticleSummary): Promise<StoredStar[]> {
    return this.change((stars) => {
      const entry: StoredStar = {
        id: article.id,
        contentHash: article.contentHash,
        path: article.path,
        title: article.title,
        date: article.date,
        starredAt: this.now().toISOString(),
      };
      const at = stars.findIndex((s) => s.id === article.id);
      if (at < 0) return [...stars, entry];
      const next = [...stars];
      next[at] = { ...entry, starredAt: stars[at]!.starredAt };
      return next;
    });
  }

  /** Removes the star with this id; failing that, the stars with this content hash. */
  unstar(idOrContentHash: string): Promise<StoredStar[]> {
    return this.change((stars) => {
      const byId = stars.filter((s) => s.id !== idOrContentHash);
      if (byId.length !== stars.length) return byId;
      return stars.filter((s) => s.contentHash !== idOrContentHash);
    });
  }

  /**
   * Matches the stars to the live library, follows moved, renamed and edited articles, and saves
   * what changed. A save failure here is reported in `warnings`, not thrown: the list is still right.
   */
  resolve(lookup: StarLookup): Promise<StarredEntry[]> {
    return this.enqueue(async () => {
      const follow = async (save: boolean) => {
        if (save) await this.adoptOtherWriters();
        const { entries, updated } = resolveStars(this.stars, lookup);
        if (updated && save) {
          try {
            await this.write(updated);
            this.stars = updated;
          } catch (error) {
            this.warnings.push({ path: this.path, code: 'save-failed', message: (error as Error).message });
          }
        }
        return entries;
      };
      if (this.readOnlyReason) return follow(false);
      try {
        return await this.locked(() => follow(true));
      } catch (error) {
        // The lock could not be taken (a read-only or full disk), or the file turned unreadable:
        // the list is still right.
        this.warnings.push({ path: this.path, code: 'save-failed', message: (error as Error).message });
        return follow(false);
      }
    });
  }

  private change(apply: (stars: StoredStar[]) => StoredStar[]): Promise<StoredStar[]> {
    return this.enqueue(async () => {
      if (this.readOnlyReason) throw new StoreWriteError(this.readOnlyReason, this.path, 'EREADONLY');
      return this.locked(async () => {
        await this.adoptOtherWriters();
        const next = apply(this.stars);
        // Memory changes only once the disk has: a failed save leaves both on the old state.
        await this.write(next);
        this.stars = next;
        return this.entries();
      });
    });
  }

  /** The CLI may change the file too: from reading its state to writing, one writer at a time. */
  private locked<T>(task: () => Promise<T>): Promise<T> {
    return withFileLock(this.path, task, { fs: this.fs, kept: KEPT });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(stars: StoredStar[]): Promise<void> {
    await atomicWriteFile(this.path, serializeStars(stars), { fs: this.fs, kept: KEPT });
    this.lastSeen = await this.fs.stat(this.path).catch(() => null);
  }

  /** Another process (the CLI beside the app) may have changed the file: start from its state. */
  private async adoptOtherWriters(): Promise<void> {
    if (await unchangedSince(this.fs, this.path, this.lastSeen)) return;
    const loaded = await this.load();
    if (!loaded) return;
    this.warnings.push(...loaded.warnings);
    if (loaded.readOnlyReason) {
      this.readOnlyReason = loaded.readOnlyReason;
      throw new StoreWriteError(loaded.readOnlyReason, this.path, 'EREADONLY');
    }
    // A damaged file written by someone else was set aside; keep what this process knows.
    if (!loaded.warnings.some((w) => w.code === 'damaged')) this.stars = loaded.stars;
  }

  /** Reads the file; null when it does not exist. */
  private async load(): Promise<Loaded | null> {
    const read = await readUserDataFile(this.fs, this.path);
    if (read.kind === 'missing') {
      this.lastSeen = null;
      return null;
    }
    if (read.kind === 'unreadable') {
      const message = `Broadsheet cannot read your stars file ${this.path} (${read.code ?? 'unknown error'}). Check its permissions; stars cannot be changed until it can be read, so nothing in it is overwritten.`;
      return {
        stars: [],
        warnings: [{ path: this.path, code: 'unreadable', message }],
        readOnlyReason: message,
      };
    }
    this.lastSeen = read.stat;
    const parsed = parseStarsFile(read.text);
    if (parsed.kind === 'newer') {
      const message = `Your stars file ${this.path} was written by a newer version of Broadsheet (format ${String(parsed.version)}). Stars are shown read-only so it is not overwritten; update Broadsheet to change them.`;
      // Read what we can of it (entries keep their shape in this design) so stars still show.
      const salvage = parseStarsFile(JSON.stringify({ ...JSON.parse(read.text), version: 1 }));
      const stars = salvage.kind === 'ok' ? salvage.stars : [];
      return {
        stars,
        warnings: [{ path: this.path, code: 'newer-version', message }],
        readOnlyReason: message,
      };
    }
    if (parsed.kind === 'damaged') {
      const backupPath = await setAsideDamaged(this.fs, this.path, this.now());
      this.lastSeen = null;
      return {
        stars: [],
        warnings: [
          {
            path: this.path,
            code: 'damaged',
            backupPath,
            message: `Your stars file was damaged (${parsed.reason}); it was kept as ${backupPath} and a new one started.`,
          },
        ],
        readOnlyReason: null,
      };
    }
    if (parsed.dropped.length > 0) {
      const backupPath = await copyAsideDamaged(this.fs, this.path, this.now());
      const details = parsed.dropped.map((d) => `entry ${d.index + 1}: ${d.reason}`).join('; ');
      return {
        stars: parsed.stars,
        warnings: [
          {
            path: this.path,
            code: 'entries-dropped',
            backupPath,
            message: `${parsed.dropped.length} damaged entr${parsed.dropped.length === 1 ? 'y was' : 'ies were'} left out of your stars file (${details}); the original was kept as ${backupPath}.`,
          },
        ],
        readOnlyReason: null,
      };
    }
    return { stars: parsed.stars, warnings: [], readOnlyReason: null };
  }
}
