// Lists the article files under a folder with their stat, asynchronously and a bounded number of
// directory reads and stats at a time, so a walk of 100,000 files never blocks the host's event loop.
// It follows the scan's rules for names and folders (common/walkRules.ts): a name that is not UTF-8
// is reported and never listed, and a folder swapped for a link while it is walked is not read.

import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../../../shared/types';
import { mapLimit } from '../common/mapLimit';
import { isInsideFolder } from '../common/pathContainment';
import { entryName, NAMES_AS_BYTES, recheckFolder } from '../common/walkRules';
import { isArticleFileName } from '../parse/articleFiles';
import type { FileStat } from './fileStat';
import { isVisibleInside } from './watchedPaths';

const DIR_READS_IN_FLIGHT = 8;
const STATS_IN_FLIGHT = 32;

interface WalkResult {
  files: Map<string, FileStat>;
  /** Folders found below `dir` (not counting `dir`). */
  folders: number;
  /** Names that are not UTF-8, folders that changed into links leading outside (see walkRules.ts). */
  problems: Problem[];
}

/** Lists a folder's entries with their names as bytes. */
export type ListFolder = (path: string) => Promise<Dirent<Buffer>[]>;

const listFolder: ListFolder = (path) => readdir(path, { withFileTypes: true, ...NAMES_AS_BYTES });

interface WalkOptions {
  /** Stats to reuse instead of asking the disk (the caller's known set at startup). */
  reuse?: ReadonlyMap<string, FileStat>;
  /** Replaces the directory listing (tests change the folder while it is walked). */
  listFolder?: ListFolder;
}

interface Folder {
  path: string;
  /** Its real path when it was listed (a plain folder under a folder whose real path is known). */
  realPath: string;
}

/**
 * Article files under `dir` (itself under `root`). Hidden entries and symbolic links are skipped:
 * a link could lead out of the library. Throws when `dir` itself cannot be read; a subfolder that
 * vanishes or cannot be read during the walk is skipped.
 */
export async function walkArticleFiles(
  root: string,
  dir: string,
  options: WalkOptions = {},
): Promise<WalkResult> {
  const problems: Problem[] = [];
  const files = new Map<string, FileStat>();
  if (dir !== root && !isVisibleInside(root, dir)) return { files, folders: 0, problems };
  const list = options.listFolder ?? listFolder;
  let realRoot: string;
  let realDir: string;
  try {
    [realRoot, realDir] = await Promise.all([realpath(root), realpath(dir)]);
  } catch (error) {
    throw new Error(`Cannot read the folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  // `dir` was seen as a folder inside the root; a link swapped in for it (or a folder above it) since is not followed.
  if (!isInsideFolder(realDir, realRoot)) return { files, folders: 0, problems };
  const toStat: string[] = [];
  let folders = 0;
  let level: Folder[] = [{ path: dir, realPath: realDir }];
  let first = true;
  while (level.length > 0) {
    const listings = await mapLimit(level, DIR_READS_IN_FLIGHT, async (folder) => {
      const none = { folder, entries: [] as Dirent<Buffer>[] };
      if (!first && !(await stillWhereItWas(folder, realRoot, problems))) return none;
      let entries: Dirent<Buffer>[];
      try {
        entries = await list(folder.path);
      } catch (error) {
        if (first)
          throw new Error(`Cannot read the folder ${folder.path}: ${(error as Error).message}`, {
            cause: error,
          });
        return none;
      }
      // Swapped for a link while it was listed: nothing listed in it counts.
      return (await stillWhereItWas(folder, realRoot, problems)) ? { folder, entries } : none;
    });
    first = false;
    const nextLevel: Folder[] = [];
    for (const { folder, entries } of listings) {
      for (const entry of entries) {
        const name = entryName(entry.name, folder.path);
        if (!name.ok) {
          if (name.problem) problems.push(name.problem);
          continue;
        }
        // Checking names, not whole paths: every folder on the way down was already checked.
        if (name.name.startsWith('.')) continue;
        const path = join(folder.path, name.name);
        if (entry.isDirectory()) {
          nextLevel.push({ path, realPath: join(folder.realPath, name.name) });
          folders++;
        } else if (entry.isFile() && isArticleFileName(name.name)) {
          const reused = options.reuse?.get(path);
          if (reused) files.set(path, reused);
          else toStat.push(path);
        }
      }
    }
    level = nextLevel;
  }
  const stats = await mapLimit(toStat, STATS_IN_FLIGHT, async (path) => {
    try {
      // lstat: a file swapped for a link since the listing is not followed (the watcher skips links).
      const s = await lstat(path);
      return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : null;
    } catch {
      return null; // removed since the folder was read: the watcher's next event says so
    }
  });
  toStat.forEach((path, i) => {
    const s = stats[i];
    if (s) files.set(path, s);
  });
  return { files, folders, problems };
}

/** False (a problem added when it now leads outside) when `folder` no longer leads where it did. */
async function stillWhereItWas(folder: Folder, realRoot: string, problems: Problem[]): Promise<boolean> {
  const check = await recheckFolder(folder.path, folder.realPath, realRoot);
  if (check.kind === 'outside') problems.push(check.problem);
  // A folder moved to another place inside the library is the watcher's next event, not this walk's.
  return check.kind === 'same';
}

/**
 * The problems of the names in `folder` that are not UTF-8. The watcher's events carry names already
 * decoded (a bad byte is U+FFFD there), so an event with U+FFFD in its path asks the folder itself.
 */
export async function badNamesIn(folder: string, list: ListFolder = listFolder): Promise<Problem[]> {
  const entries = await list(folder).catch(() => [] as Dirent<Buffer>[]);
  const problems: Problem[] = [];
  for (const entry of entries) {
    const name = entryName(entry.name, folder);
    if (!name.ok && name.problem) problems.push(name.problem);
  }
  return problems;
}
