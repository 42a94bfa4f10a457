// The sidebar's Folders list and `broadsheet list --folder`: an article's folder is its library
// root's top-level folder (or the root itself, for a file directly in it). One rule for the engine
// (which numbers the folders), the window (counts and the filter) and the CLI.

import type { FolderRef } from './types';

/** The separator a root's paths use: a Windows root (`C:\news`) has backslashes and no slash. */
function separatorOf(root: string): string {
  return root.includes('\\') && !root.includes('/') ? '\\' : '/';
}

/** The name of the top-level folder holding `path` inside `root`; undefined when it sits in the root itself (or outside it). */
export function topFolderName(root: string, path: string): string | undefined {
  const sep = separatorOf(root);
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  const cut = rest.indexOf(sep);
  return cut > 0 ? rest.slice(0, cut) : undefined;
}

/** The folder's absolute path: the value a folder choice holds (the filter, the session, `--folder`). */
export function folderPath(ref: FolderRef): string {
  if (ref.name === undefined) return ref.root;
  const sep = separatorOf(ref.root);
  return ref.root.endsWith(sep) ? ref.root + ref.name : ref.root + sep + ref.name;
}

/** Whether an article in `ref` is in the chosen folder: that top-level folder, or the whole root. */
export function inFolder(ref: FolderRef | undefined, chosen: string): boolean {
  if (!ref) return false;
  return ref.root === chosen || (ref.name !== undefined && folderPath(ref) === chosen);
}

/** The last part of a path, for a root's name in the list (`/home/me/news` → `news`). */
export function baseName(path: string): string {
  const parts = path.split(separatorOf(path)).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}
