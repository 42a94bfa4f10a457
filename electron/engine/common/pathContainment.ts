// The one answer to "is this path inside that folder?", for every part of Broadsheet that confines
// a path: the library's roots, the watcher, the walk, local pictures, the image cache, main's path
// grants, the app:// protocol, dev-web's static files and the CLI.
//
// The comparison is lexical: it does not touch the disk. A caller that must not be fooled by a
// symbolic link compares real paths (isReallyInsideFolder, or realpath both sides itself). Paths
// are compared as given: callers pass absolute paths in normal form (no `.`/`..` segments).
//
// Flavours: POSIX paths (Linux, macOS) use `/` and compare case-sensitively. Windows paths accept
// `\` and `/` and compare case-insensitively (C:\Lib and c:/lib/ name the same folder). macOS's
// default volumes ignore case too, but comparing its paths case-sensitively can only refuse a path
// written in another case, never admit one from outside: callers there compare real paths, whose
// case is the disk's.

import { realpath as fsRealpath } from 'node:fs/promises';

interface PathFlavour {
  /** The separator characters; the first is canonical. */
  readonly separators: readonly string[];
  readonly caseInsensitive: boolean;
}

export const POSIX_PATHS: PathFlavour = { separators: ['/'], caseInsensitive: false };
export const WINDOWS_PATHS: PathFlavour = { separators: ['\\', '/'], caseInsensitive: true };
const NATIVE_PATHS: PathFlavour = process.platform === 'win32' ? WINDOWS_PATHS : POSIX_PATHS;

/**
 * True when `path` is `folder` itself or anything below it. `/a/bc` is not inside `/a/b`; a trailing
 * separator on either side does not matter.
 */
export function isInsideFolder(path: string, folder: string, flavour: PathFlavour = NATIVE_PATHS): boolean {
  const p = comparable(path, flavour);
  const f = comparable(folder, flavour);
  if (f === '' || p === '') return false;
  if (p === f) return true;
  return p.startsWith(f.endsWith('/') ? f : `${f}/`);
}

/** True when `path` is below `folder` and not the folder itself. */
export function isStrictlyInsideFolder(
  path: string,
  folder: string,
  flavour: PathFlavour = NATIVE_PATHS,
): boolean {
  return isInsideFolder(path, folder, flavour) && comparable(path, flavour) !== comparable(folder, flavour);
}

/**
 * isInsideFolder on real paths (symbolic links followed on both sides): false when either does
 * not resolve. `realpath` is passed in for tests; the default is the file system's.
 */
export async function isReallyInsideFolder(
  path: string,
  folder: string,
  realpath: (p: string) => Promise<string> = fsRealpath,
  flavour: PathFlavour = NATIVE_PATHS,
): Promise<boolean> {
  try {
    const [realPath, realFolder] = await Promise.all([realpath(path), realpath(folder)]);
    return isInsideFolder(realPath, realFolder, flavour);
  } catch {
    return false;
  }
}

/** One separator (`/`), no trailing separator except on a root, case folded where the flavour says. */
function comparable(path: string, flavour: PathFlavour): string {
  let out = path;
  for (const s of flavour.separators) if (s !== '/') out = out.split(s).join('/');
  if (flavour.caseInsensitive) out = out.toLowerCase();
  while (out.length > 1 && out.endsWith('/') && !/^[a-z]:\/$/i.test(out) && out !== '//')
    out = out.slice(0, -1);
  return out;
}
