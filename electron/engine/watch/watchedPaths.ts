// Which paths under a root the watcher cares about: article files, never inside hidden folders
// (`.git`, `.Trash`, a sync client's `.sync` state) and never hidden themselves (editor swap files).

import { basename, isAbsolute, relative, sep } from 'node:path';
import { isArticleFileName } from '../parse/articleFiles';

/** The path relative to the root, or null when it is the root itself or outside it. */
function relativeInside(root: string, path: string): string | null {
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel;
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

/** True when `path` is `dir` or inside it. */
export function isSameOrInside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
