// The library as the user-data commands (star, unstar, starred, read, unread) open it: one folder,
// not watched, on the same data folder as the app (--data-dir or BROADSHEET_DATA_DIR chooses it).

import { isAbsolute, resolve } from 'node:path';
import { isInsideFolder } from '../engine/common/pathContainment';
import { defaultDataDir } from '../engine/dataDir';
import type { Library } from '../engine/library/Library';
import { openLibrary } from '../engine/library/openLibrary';
import { field } from './cleanOutput';
import { type CliIO, folderNotFound } from './io';

export const STORE_OPTIONS = { json: { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

export async function withLibrary<T>(
  io: CliIO,
  dir: string,
  dataDir: string | undefined,
  fn: (l: Library) => Promise<T>,
): Promise<T | 1> {
  const missing = await folderNotFound(resolve(io.cwd, dir));
  if (missing) {
    io.err(`${field(missing)}\n`);
    return 1;
  }
  const library = await openLibrary({
    dataDir: dataDir ? resolve(io.cwd, dataDir) : defaultDataDir(io.env),
    roots: [resolve(io.cwd, dir)],
    persistRoots: false,
    watch: false,
  });
  try {
    await library.whenIdle();
    return await fn(library);
  } finally {
    await library.close();
  }
}

/** An article of the library by id, or by path (absolute, or relative to DIR or to the cwd). */
export function findRef(library: Library, io: CliIO, dir: string, ref: string): string | null {
  if (library.findArticle(ref)) return ref;
  const root = resolve(io.cwd, dir);
  const candidates = isAbsolute(ref) ? [ref] : [resolve(root, ref), resolve(io.cwd, ref)];
  for (const path of candidates) {
    if (!isInsideFolder(path, root)) continue;
    const hit = library.articles().find((a) => a.path === path);
    if (hit) return hit.id;
  }
  return null;
}
