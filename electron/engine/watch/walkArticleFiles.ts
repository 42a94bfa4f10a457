// Lists the article files under a folder with their stat, asynchronously and a bounded number of
// directory reads and stats at a time, so a walk of 100,000 files never blocks the host's event loop.

import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimit } from '../common/mapLimit';
import { isArticleFileName } from '../parse/articleFiles';
import type { FileStat } from './fileStat';
import { isVisibleInside } from './watchedPaths';

const DIR_READS_IN_FLIGHT = 8;
const STATS_IN_FLIGHT = 32;

export interface WalkResult {
  files: Map<string, FileStat>;
  /** Folders found below `dir` (not counting `dir`). */
  folders: number;
}

export interface WalkOptions {
  /** Stats to reuse instead of asking the disk (the caller's known set at startup). */
  reuse?: ReadonlyMap<string, FileStat>;
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
  if (dir !== root && !isVisibleInside(root, dir)) return { files: new Map(), folders: 0 };
  const files = new Map<string, FileStat>();
  const toStat: string[] = [];
  let folders = 0;
  let level = [dir];
  let first = true;
  while (level.length > 0) {
    const listings = await mapLimit(level, DIR_READS_IN_FLIGHT, async (folder) => {
      try {
        return { folder, entries: await readdir(folder, { withFileTypes: true }) };
      } catch (error) {
        if (first)
          throw new Error(`Cannot read the folder ${folder}: ${(error as Error).message}`, { cause: error });
        return { folder, entries: [] as Dirent[] };
      }
    });
    first = false;
    const nextLevel: string[] = [];
    for (const { folder, entries } of listings) {
      for (const entry of entries) {
        // Checking names, not whole paths: every folder on the way down was already checked.
        if (entry.name.startsWith('.')) continue;
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          nextLevel.push(path);
          folders++;
        } else if (entry.isFile() && isArticleFileName(entry.name)) {
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
      const s = await stat(path);
      return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : null;
    } catch {
      return null; // removed since the folder was read: the watcher's next event says so
    }
  });
  toStat.forEach((path, i) => {
    const s = stats[i];
    if (s) files.set(path, s);
  });
  return { files, folders };
}
