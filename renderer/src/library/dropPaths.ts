// Turning a drop on the window into library actions. Pure so every host's quirks can be tested.

import { isArticleFileName } from '../../../shared/articleFiles';

/** Same rule as the engine (one list in shared/): an article extension, any case, not a hidden file. */
export { isArticleFileName };

function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * A file:// URI as a local path: `file:///home/a%20b` → `/home/a b`, `file:///C:/x` → `C:\x`,
 * `file://server/share/x` → `\\server\share\x`. Other schemes (or malformed ones) give null.
 */
export function fileUriToPath(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const host = url.hostname && url.hostname !== 'localhost' ? url.hostname : '';
  if (host) return `\\\\${host}${pathname.replace(/\//g, '\\')}`;
  if (/^\/[A-Za-z]:(\/|$)/.test(pathname)) return pathname.slice(1).replace(/\//g, '\\');
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

/** text/uri-list (RFC 2483): one URI per line, `#` lines are comments. Non-file URIs are skipped. */
export function parseUriList(text: string): string[] {
  const paths: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const path = fileUriToPath(trimmed);
    if (path) paths.push(path);
  }
  return paths;
}

export interface DroppedFile {
  name: string;
  /** From the host (Electron's getPathForFile); '' when it cannot tell. */
  path: string;
  /** From webkitGetAsEntry(); null when the browser did not say. */
  isDirectory: boolean | null;
}

export interface DropPlan {
  folders: string[];
  articles: string[];
  /** Names that are neither a folder nor an article file. */
  unsupported: string[];
  /** Names whose location on disk is unknown (plain browser without a uri-list). */
  unresolved: string[];
}

/**
 * Decides what a drop means. Paths come from the host first, then from the uri-list (matched by
 * file name, else by position). Something without an article extension and not known to be a
 * file is offered as a folder: the library checks it and says if it is not one.
 */
export function planDrop(files: readonly DroppedFile[], uriList: string): DropPlan {
  const uriPaths = parseUriList(uriList);
  const unused = [...uriPaths];
  const plan: DropPlan = { folders: [], articles: [], unsupported: [], unresolved: [] };
  const take = (name: string, index: number): string => {
    const byName = unused.findIndex((p) => baseName(p) === name);
    if (byName >= 0) return unused.splice(byName, 1)[0]!;
    const byPosition = uriPaths[index];
    if (byPosition !== undefined && unused.includes(byPosition)) {
      unused.splice(unused.indexOf(byPosition), 1);
      return byPosition;
    }
    return '';
  };
  const entries =
    files.length > 0 ? files : uriPaths.map((p) => ({ name: baseName(p), path: p, isDirectory: null }));
  entries.forEach((file, index) => {
    const path = file.path || take(file.name, index);
    const article = isArticleFileName(file.name);
    // "report.pdf": a folder could be named like that, but a file is far likelier.
    const looksLikeOtherFile =
      file.isDirectory === false || (file.isDirectory === null && /\.[a-z0-9]{1,8}$/i.test(file.name));
    if (!article && file.isDirectory !== true && looksLikeOtherFile) plan.unsupported.push(file.name);
    else if (!path) plan.unresolved.push(file.name);
    else if (file.isDirectory === true || !article) plan.folders.push(path);
    else plan.articles.push(path);
  });
  return plan;
}
