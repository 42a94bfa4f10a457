// Finding the file of the web build a URL asks for, and nothing outside it.

import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInsideFolder } from '../../electron/engine/common/pathContainment';
import { APP_ORIGIN } from '../../electron/host/appOrigin';
import { resolveAppPath } from '../../electron/host/appProtocolPaths';

// The same content types and the same confinement as the desktop app's app:// protocol.
export { contentTypeFor } from '../../electron/host/appProtocolPaths';

/**
 * The absolute path a URL pathname names under `root`, or null when it tries to leave it (encoded
 * separators, NUL) or cannot be decoded. `/` is index.html. The rules are the app:// protocol's
 * (resolveAppPath): dot segments are folded by the URL parser, so they can only lead to the root.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  const result = resolveAppPath(
    `${APP_ORIGIN}${pathname.startsWith('/') ? '' : '/'}${pathname}`,
    resolve(root),
  );
  return result.ok ? result.filePath : null;
}

/**
 * Like resolveStaticPath, and the file must exist, be a regular file, and still be inside the root
 * once symbolic links are followed. Null means "answer 404".
 */
export async function findStaticFile(root: string, pathname: string): Promise<string | null> {
  const candidate = resolveStaticPath(root, pathname);
  if (!candidate) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInsideFolder(realFile, realRoot)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}
