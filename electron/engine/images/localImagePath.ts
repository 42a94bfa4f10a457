// Where an article's local image (`images/a.png`, `../assets/b.jpg`, `/images/c.jpg`) may be on
// disk. Pure: it lists candidate paths; the caller resolves real paths and checks each is inside a
// library root (symlinks followed) before reading anything.

import { dirname, join, resolve } from 'node:path';
import { isInsideFolder, isStrictlyInsideFolder } from '../common/pathContainment';

/** Folders that static-site generators serve from the site root: Hugo/Jekyll `static/`, Hexo `source/`. */
const SITE_ROOT_FOLDERS = ['static', 'source'] as const;

/** Deepest folder nesting walked up from an article to its library root. */
const MAX_DEPTH = 32;

/**
 * The `src` as a relative file path (decoded, query and fragment dropped), or null when it is not
 * a local path at all: a scheme, a host, a NUL, a backslash, an empty path.
 */
function localImageRef(src: string): { path: string; siteRoot: boolean } | null {
  const trimmed = src.trim();
  if (trimmed === '' || trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null;
  const withoutQuery = trimmed.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutQuery);
  } catch {
    return null;
  }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\') || decoded.endsWith('/'))
    return null;
  const siteRoot = decoded.startsWith('/');
  const path = decoded.replace(/^\/+/, '');
  if (path === '') return null;
  return { path, siteRoot };
}

/**
 * Candidate files for an image of the article at `articlePath` in library root `root`, in the order
 * they are tried. A relative src resolves against the article's folder; a site-root src against
 * each folder from the article's up to the root, and their `static/` and `source/` folders (a Hugo
 * or Jekyll site keeps `/images/c.jpg` in `static/images/`, Hexo in `source/images/`). Candidates
 * outside the root (by path; real paths are checked by the caller) are left out.
 */
export function localImageCandidates(articlePath: string, root: string, src: string): string[] {
  const ref = localImageRef(src);
  if (!ref) return [];
  const rootDir = resolve(root);
  if (!ref.siteRoot) {
    const target = resolve(dirname(articlePath), ref.path);
    return isStrictlyInsideFolder(target, rootDir) ? [target] : [];
  }
  const out: string[] = [];
  let folder = resolve(dirname(articlePath));
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!isInsideFolder(folder, rootDir)) break;
    for (const base of [folder, ...SITE_ROOT_FOLDERS.map((name) => join(folder, name))]) {
      const target = resolve(base, ref.path);
      if (isStrictlyInsideFolder(target, rootDir) && !out.includes(target)) out.push(target);
    }
    if (folder === rootDir) break;
    folder = dirname(folder);
  }
  return out;
}
