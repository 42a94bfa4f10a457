// Which paths under a root the watcher cares about: article files, never inside hidden folders
// (`.git`, `.Trash`, a sync client's `.sync` state) and never hidden themselves (editor swap files).

import { basename, relative, sep } from 'node:path';
import { isStrictlyInsideFolder } from '../common/pathContainment';
import { isArticleFileName } from '../parse/articleFiles';

/** The path relative to the root, or null when it is the root itself or outside it. */
function relativeInside(root: string, path: string): string | null {
  return isStrictlyInsideFolder(path, root) ? relative(root, path) : null;
}

/** True for a folder (or file) strictly inside the root with no hidden part on the way. */
export function isVisibleInside(root: string, path: string): boolean {
  const rel = relativeInside(root, path);
  return rel !== null && !rel.split(sep).some((part) => part.startsWith('.'));
}

/** True for an article file strictly inside the root with no hidden part on the way. */
export function isWatchedFile(root: string, path: string): boolean {
  return isVisibleInside(root, path) && isArticleFileName(basename(path));
}
