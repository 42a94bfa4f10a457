// Versions before the library database kept the library in `<data dir>/cache/library-<roots>.bin`
// (the warm-start cache: summaries and the in-memory search index, ~600 MB at 100,000 articles).
// The database replaces it; the first start that finds such files deletes them, and the folder
// once it is empty. Only files of that shape are touched (and their interrupted writes' temps).

import { readdir, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const OLD_CACHE_FOLDER = 'cache';
const OLD_CACHE_FILE = /^(library-[0-9a-f]{16}\.bin|\.library-[0-9a-f]{16}\.bin\.\d+\.[0-9a-f]{12}\.tmp)$/;

/** Deletes the old cache files; returns how many went. Never throws: they are only dead weight. */
export async function removeOldWarmStartCache(dataDir: string): Promise<number> {
  const folder = join(dataDir, OLD_CACHE_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!OLD_CACHE_FILE.test(name)) continue;
    await unlink(join(folder, name)).then(
      () => void removed++,
      () => undefined,
    );
  }
  if (names.length > 0 && removed === names.length) await rmdir(folder).catch(() => undefined);
  return removed;
}
