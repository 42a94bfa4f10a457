// Where a starred article is when no open folder lists it. Stars are kept across libraries, so a
// star whose file sits in a folder that is not open is not "missing": it says which folder holds it
// (so the window can offer to open it). "Missing" is kept for files really gone.

import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StarredEntry } from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';

/** The folder to offer for a file outside every open folder: a folder it was opened from, else its own. */
export function folderToOffer(path: string, knownRoots: readonly string[]): string {
  let best: string | null = null;
  for (const root of knownRoots)
    if (isInsideFolder(path, root) && (best === null || root.length > best.length)) best = root;
  return best ?? dirname(path);
}

export async function placeMissingStars(
  entries: readonly StarredEntry[],
  openRoots: readonly string[],
  knownRoots: readonly string[],
  exists: (path: string) => Promise<boolean>,
): Promise<StarredEntry[]> {
  return Promise.all(
    entries.map(async (entry) => {
      if (!entry.missing) return entry;
      if (openRoots.some((root) => isInsideFolder(entry.path, root))) return entry;
      if (!(await exists(entry.path))) return entry;
      return { ...entry, closedFolder: folderToOffer(entry.path, knownRoots) };
    }),
  );
}

/** How long an answer about a file in a closed folder is trusted before it is asked again. */
const KNOWN_FOR_MS = 60_000;

/** `exists` with a short memory: stars are placed again after every scan batch. */
export function rememberingExists(now: () => number = Date.now): (path: string) => Promise<boolean> {
  const known = new Map<string, { exists: boolean; at: number }>();
  return async (path) => {
    const seen = known.get(path);
    if (seen && now() - seen.at < KNOWN_FOR_MS) return seen.exists;
    const exists = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    known.set(path, { exists, at: now() });
    return exists;
  };
}
