// What may be opened: a folder the user adds to the library, and a single article file opened for
// reading. The paths come from the window and are untrusted: each is checked on its own, and a
// refusal carries a reason a person can act on.

import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, normalize, resolve, sep } from 'node:path';
import { isInsideFolder } from '../common/pathContainment';
import { ARTICLE_EXTENSIONS, isArticleFileName } from '../parse/articleFiles';

export type PathCheck = { ok: true; path: string } | { ok: false; path: string; reason: string };

export type StatFn = (path: string) => Promise<Pick<Stats, 'isDirectory' | 'isFile'>>;

const statOrError = (statFn: StatFn, path: string) =>
  statFn(path).catch((error: NodeJS.ErrnoException) =>
    error instanceof Error ? error : new Error(String(error)),
  );

/**
 * Whether `raw` may become a library folder beside `roots`: an absolute, plain path (no "." or ".."
 * parts) to a readable folder that is neither a root nor inside one. A folder that contains roots
 * is accepted: it replaces them (the caller removes them).
 */
export async function checkNewFolder(
  raw: string,
  roots: readonly string[],
  statFn: StatFn = stat,
): Promise<PathCheck> {
  if (!isAbsolute(raw)) return { ok: false, path: raw, reason: 'Not an absolute path to a folder.' };
  const trimmed = raw.length > 1 && raw.endsWith(sep) ? raw.slice(0, -1) : raw;
  if (normalize(trimmed) !== trimmed) {
    return { ok: false, path: raw, reason: 'Not a plain path to a folder: it has "." or ".." parts.' };
  }
  const path = resolve(raw);
  const info = await statOrError(statFn, path);
  if (info instanceof Error) return { ok: false, path, reason: describeFsError(info, 'folder') };
  if (!info.isDirectory()) {
    return {
      ok: false,
      path,
      reason: `This is a file, not a folder. To add the folder that holds it, type ${dirname(path)}`,
    };
  }
  const container = roots.find((root) => isInsideFolder(path, root));
  if (container) {
    return {
      ok: false,
      path,
      reason:
        container === path
          ? 'This folder is already in the library.'
          : `This folder is already in the library as part of ${container}.`,
    };
  }
  return { ok: true, path };
}

/** Whether `path` may be opened for reading on its own: an absolute, plain path to an article file. */
export async function checkArticleFile(path: string, statFn: StatFn = stat): Promise<PathCheck> {
  if (!isAbsolute(path)) return { ok: false, path, reason: 'Not an absolute path to a file.' };
  // `/lib/../etc/passwd.md` is a trick, not a typo: refused rather than normalized.
  if (normalize(path) !== path) {
    return { ok: false, path, reason: 'Not a plain path to a file: it has "." or ".." parts.' };
  }
  if (!isArticleFileName(basename(path))) {
    return {
      ok: false,
      path,
      reason: `${basename(path)} is not an article file (${ARTICLE_EXTENSIONS.join(', ')}).`,
    };
  }
  const info = await statOrError(statFn, path);
  if (info instanceof Error) return { ok: false, path, reason: describeFsError(info, 'file') };
  if (!info.isFile()) return { ok: false, path, reason: 'This is not a regular file.' };
  return { ok: true, path };
}

export function describeFsError(error: NodeJS.ErrnoException, what: 'file' | 'folder'): string {
  switch (error.code) {
    case 'ENOENT':
      return `This ${what} does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `Permission denied: Broadsheet cannot read this ${what}. Check its permissions.`;
    case 'ENOTDIR':
      return 'A part of this path is not a folder.';
    default:
      return `This ${what} cannot be read (${error.code ?? error.message}).`;
  }
}
