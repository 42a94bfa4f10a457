// The library's folders (its roots): their status as the window sees it, and adding or removing
// one. Which paths may become a folder is decided by rootFolders.checkNewFolder; what adding or
// removing sets going (a scan, the watcher, the stars) reaches the Library through FoldersDeps.

import { resolve } from 'node:path';
import type { AddFoldersResult, LibraryEvent } from '../../../shared/contract';
import type { RootInfo } from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';
import type { LibraryArticles } from './LibraryArticles';
import type { LibraryOptions } from './LibraryService';
import { checkNewFolder } from './rootFolders';

/**
 * The folders to open: those given (the CLI's `--library`; saved too with `persistRoots`), else the
 * saved ones, else on a first run the default ones (the bundled sample archive), which are saved.
 */
export async function rootsToOpen(
  options: Pick<LibraryOptions, 'roots' | 'persistRoots' | 'defaultRoots'>,
  settings: { get(): { roots: string[] }; addRoots(roots: readonly string[]): Promise<unknown> },
): Promise<string[]> {
  const given = options.roots?.map((r) => resolve(r));
  if (given) {
    if (options.persistRoots) await settings.addRoots(given);
    return given;
  }
  const saved = settings.get().roots;
  if (saved.length > 0 || !options.defaultRoots?.length) return saved;
  const defaults = options.defaultRoots.map((r) => resolve(r));
  await settings.addRoots(defaults);
  return defaults;
}

export interface FoldersDeps {
  articles: LibraryArticles;
  /** Keep the list of folders in the settings (false: the CLI's `--library` folders). */
  persist: boolean;
  saveAdded(paths: string[]): Promise<void>;
  saveRemoved(path: string): Promise<void>;
  emit(event: LibraryEvent): void;
  /** New folders: watched, then scanned. */
  added(paths: string[]): Promise<void>;
  /** A folder is going: its scan stops, the watcher lets go of it. */
  removing(path: string): Promise<void>;
  /** A folder is gone, its articles unlisted and forgotten by the database (stars, problems, the prefetch follow). */
  removed(): Promise<void>;
}

export class LibraryFolders {
  private roots: RootInfo[] = [];

  constructor(private readonly deps: FoldersDeps) {}

  /** The folders to open with, each scanning until its scan says otherwise. */
  reset(paths: readonly string[]): void {
    this.roots = paths.map((path) => ({ path, status: 'scanning', articleCount: 0 }));
  }

  paths(): string[] {
    return this.roots.map((r) => r.path);
  }

  status(root: string): RootInfo['status'] | undefined {
    return this.roots.find((r) => r.path === root)?.status;
  }

  /** The folders as the window sees them, with their article counts. */
  infos(): RootInfo[] {
    const { state } = this.deps.articles;
    return this.roots.map((r) => ({ ...r, articleCount: state.countUnder(r.path) }));
  }

  /** Tells the window the folders (their status or counts changed). */
  changed(): void {
    this.deps.emit({ type: 'roots', roots: this.infos() });
  }

  mark(root: string, status: RootInfo['status'], message?: string): void {
    const info = this.roots.find((r) => r.path === root);
    if (!info) return;
    info.status = status;
    if (message) info.message = message;
    else delete info.message;
    this.changed();
  }

  async add(paths: string[]): Promise<AddFoldersResult> {
    const result: AddFoldersResult = { added: [], rejected: [] };
    for (const raw of paths) {
      const check = await checkNewFolder(raw, this.paths());
      if (!check.ok) {
        result.rejected.push({ path: check.path, reason: check.reason });
        continue;
      }
      const { path } = check;
      // A new folder that contains existing roots replaces them, so no article is listed twice.
      for (const inner of this.roots.filter((r) => isInsideFolder(r.path, path))) {
        await this.remove(inner.path);
      }
      this.roots.push({ path, status: 'scanning', articleCount: 0 });
      result.added.push(path);
    }
    if (result.added.length > 0) {
      if (this.deps.persist) await this.deps.saveAdded(result.added);
      this.changed();
      await this.deps.added(result.added);
    }
    return result;
  }

  async remove(path: string): Promise<void> {
    const { deps } = this;
    const root = this.roots.find((r) => r.path === path);
    if (!root) throw new Error(`${path} is not one of the library's folders.`);
    this.roots = this.roots.filter((r) => r.path !== path);
    await deps.removing(path);
    await deps.articles.forgetFolder(path, this.paths());
    deps.articles.state.clearProblemsUnder(path);
    if (deps.persist) await deps.saveRemoved(path);
    this.changed();
    await deps.removed();
  }
}
