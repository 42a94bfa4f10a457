// One folder of the library as `show`, `list` and `starred` see it: the library database brought up
// to date with the folder (only new and changed files are read, as for `search`), and answers from
// it; stars and read marks from their own stores (user data, never only in the database), matched to
// the folder's articles by the same identity rule as in the app.

import { isAbsolute, resolve } from 'node:path';
import { compareNewestFirst } from '../../shared/articleOrder';
import type { ArticleSummary, StarredEntry } from '../../shared/types';
import { isInsideFolder } from '../engine/common/pathContainment';
import { defaultDataDir } from '../engine/dataDir';
import type { LibraryDb } from '../engine/db/LibraryDb';
import { placeMissingStars, rememberingExists } from '../engine/library/starWhereabouts';
import type { ArticleLookup } from '../engine/store/articleIdentity';
import { ReadStore } from '../engine/store/ReadStore';
import { SettingsStore } from '../engine/store/SettingsStore';
import { StarStore } from '../engine/store/StarStore';
import { field } from './cleanOutput';
import { type CliIO, folderNotFound } from './io';
import { openUpdatedDb } from './libraryDatabase';

/** The options of the commands that only read the library and the user's stores. */
export const STORE_OPTIONS = { json: { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

export class FolderLibrary {
  constructor(
    readonly db: LibraryDb,
    readonly root: string,
    readonly dataDir: string,
    /** The update saw every file: a file not in the database is not in the folder. */
    readonly complete: boolean,
  ) {}

  /** The folder's articles in the library's order (newest first, undated last). */
  articles(): ArticleSummary[] {
    return [...this.db.summariesWithin(this.root)].sort(compareNewestFirst);
  }

  /** The article with this id, if its file is in the folder. */
  byId(id: string): ArticleSummary | undefined {
    const found = this.db.summaryById(id);
    return found && isInsideFolder(found.path, this.root) ? found : undefined;
  }

  byPath(path: string): ArticleSummary | undefined {
    return isInsideFolder(path, this.root) ? this.db.summaryByPath(path) : undefined;
  }

  /** How stars and read marks find their articles (articleIdentity.ts), inside this folder only. */
  lookup(): ArticleLookup {
    return {
      byId: (id) => this.byId(id),
      byContentHash: (hash) =>
        this.db.summariesByContentHash(hash).filter((a) => isInsideFolder(a.path, this.root)),
      byPath: (path) => this.byPath(path),
      complete: this.complete,
    };
  }

  private starStore: Promise<StarStore> | null = null;
  private readStore: Promise<ReadStore> | null = null;

  private stars(): Promise<StarStore> {
    this.starStore ??= StarStore.open(this.dataDir);
    return this.starStore;
  }

  private reads(): Promise<ReadStore> {
    this.readStore ??= ReadStore.open(this.dataDir);
    return this.readStore;
  }

  /**
   * The article `ref` names: an id, or a path (absolute, or relative to the folder or to `cwd`)
   * inside the folder.
   */
  findRef(ref: string, cwd: string): ArticleSummary | undefined {
    const byId = this.byId(ref);
    if (byId) return byId;
    const candidates = isAbsolute(ref) ? [ref] : [resolve(this.root, ref), resolve(cwd, ref)];
    for (const path of candidates) {
      const hit = this.byPath(path);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The stars, matched to this folder's articles (and saved when one followed a moved file). */
  async starred(): Promise<StarredEntry[]> {
    const stars = await this.stars();
    const settings = await SettingsStore.open(this.dataDir);
    const matched = await stars.resolve(this.lookup());
    return placeMissingStars(matched, [this.root], settings.get().recentRoots, rememberingExists());
  }

  /** Stars or unstars (by id; failing that, by content hash), then lists the stars. */
  async setStarred(article: ArticleSummary | string, starred: boolean): Promise<StarredEntry[]> {
    const stars = await this.stars();
    if (typeof article !== 'string') {
      if (starred) await stars.star(article);
      else await stars.unstar(article.id);
    } else if (!starred) {
      await stars.unstar(article);
    }
    return this.starred();
  }

  /** Ids of the read articles of this folder. */
  async readIds(): Promise<Set<string>> {
    const reads = await this.reads();
    await reads.resolve(this.lookup());
    const out = new Set<string>();
    for (const mark of reads.all()) if (mark.read) out.add(mark.id);
    return out;
  }

  /**
   * Marks articles read or unread; a mark whose article is gone can still be taken back by the id it
   * was last seen with. Resolves to the ids whose state changed.
   */
  async setRead(ids: string[], read: boolean): Promise<string[]> {
    const reads = await this.reads();
    await reads.resolve(this.lookup());
    const targets = [];
    for (const id of ids) {
      const mark = this.byId(id) ?? reads.get(id);
      if (mark) targets.push({ id, contentHash: mark.contentHash });
    }
    return reads.setRead(targets, read);
  }
}

/**
 * Opens DIR's library (the database up to date with it) for `fn`, and closes it after. Says so and
 * returns 1 when DIR is not a folder, 130 when the user interrupted the update.
 */
export async function withFolderLibrary(
  io: CliIO,
  dir: string,
  dataDirOption: string | undefined,
  fn: (library: FolderLibrary) => Promise<number>,
): Promise<number> {
  const root = resolve(io.cwd, dir);
  const missing = await folderNotFound(root);
  if (missing) {
    io.err(`${field(missing)}\n`);
    return 1;
  }
  const dataDir = dataDirOption ? resolve(io.cwd, dataDirOption) : defaultDataDir(io.env);
  const { db, summary } = await openUpdatedDb(io, dataDir, [root], { progress: false });
  try {
    for (const p of summary.folderProblems) io.err(`${field(p.path)}: ${field(p.message)}\n`);
    if (!summary.complete && io.signal.aborted) {
      io.err('Interrupted while bringing the library database up to date.\n');
      return 130;
    }
    return await fn(new FolderLibrary(db, root, dataDir, summary.complete));
  } finally {
    db.close();
  }
}
