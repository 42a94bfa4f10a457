// What a dirty path is now, looked at on disk once per batch: a watched article file with its stat,
// a folder with the article files inside (and whether it has folders of its own, which parcel does
// not watch), gone, or something else. Names that are not UTF-8 are reported as problems.

import { lstat, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Problem } from '../../../shared/types';
import type { Observation } from './classifyBatch';
import { badNamesIn, walkArticleFiles } from './walkArticleFiles';
import { isWatchedFile } from './watchedPaths';

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export interface Look {
  observation: Observation;
  nested: boolean;
  /** Names that are not UTF-8 and folders swapped for links, found while looking (walkRules.ts). */
  problems?: Problem[];
}

/** What a dirty path is now. `nested`: a folder with folders inside (parcel will not watch those). */
export async function observe(root: string, path: string): Promise<Look> {
  const look = await observePath(root, path);
  // A name with a byte that is not UTF-8 arrives decoded, U+FFFD in its place: ask its folder.
  if (path.includes('\uFFFD'))
    look.problems = [...(look.problems ?? []), ...(await badNamesIn(dirname(path)))];
  return look;
}

async function observePath(root: string, path: string): Promise<Look> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      observation: { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'gone' : 'other' },
      nested: false,
    };
  }
  if (info.isFile()) {
    return {
      observation: isWatchedFile(root, path)
        ? { kind: 'file', stat: { mtimeMs: info.mtimeMs, size: info.size } }
        : { kind: 'other' },
      nested: false,
    };
  }
  if (info.isDirectory()) {
    try {
      const walk = await walkArticleFiles(root, path);
      return {
        observation: { kind: 'folder', files: walk.files },
        nested: walk.folders > 0,
        problems: walk.problems,
      };
    } catch {
      // Deleted between lstat and readdir: its delete event is in the next batch.
      return { observation: { kind: 'other' }, nested: false };
    }
  }
  return { observation: { kind: 'other' }, nested: false };
}
