// Where a file that was opened really is. The walk checks links when it lists a folder, but the
// reader opens by path later: a link swapped in between (a shared or synced folder allows it) would
// be followed to a private file. So the reader checks the open descriptor itself: on Linux the
// kernel says what it opened (/proc/self/fd); elsewhere the path's real location now must be the
// same file (device and inode) as the one open. Either way it must be inside the library root.

import { readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { isInsideFolder } from '../common/pathContainment';

const realRoots = new Map<string, string | null>();

function realRootOf(root: string): string | null {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync(root);
    } catch {
      real = null;
    }
    if (realRoots.size > 1_000) realRoots.clear();
    realRoots.set(root, real);
  }
  return real;
}

function realPathOfOpened(fd: number, path: string, opened: Stats): string | null {
  try {
    const link = readlinkSync(`/proc/self/fd/${fd}`);
    if (link.startsWith('/')) return link.replace(/ \(deleted\)$/, '');
  } catch {
    // not Linux, or no /proc: ask the path, and check it is still the same file
  }
  try {
    const real = realpathSync(path);
    const now = statSync(real);
    return now.dev === opened.dev && now.ino === opened.ino ? real : null;
  } catch {
    return null;
  }
}

/**
 * Null when the file open as `fd` (reached as `path`, statted as `opened`) is inside `root`'s real
 * location; otherwise why it must not be read. A root that cannot be resolved confines nothing.
 */
export function openedOutsideRoot(fd: number, path: string, root: string, opened: Stats): string | null {
  const realRoot = realRootOf(root);
  if (realRoot === null) return null;
  const real = realPathOfOpened(fd, path, opened);
  if (real !== null && isInsideFolder(real, realRoot)) return null;
  return real === null
    ? 'This file changed while it was being opened (it is no longer the file that was listed), so Broadsheet did not read it. Scan again.'
    : `This file leads outside the library folder (to ${real}): a link was put in its place, so Broadsheet did not read it.`;
}
