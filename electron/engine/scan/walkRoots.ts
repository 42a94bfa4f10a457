// Finds the article files under the library roots, streaming each one as soon as it is seen so
// parsing starts long before a big walk ends. Links are followed only while their real target stays
// inside the real root, and every real folder is entered once, so a link loop ends. A folder that
// changes during the walk (a link swapped in for it, in a shared or synced folder) is checked again
// right before and after it is read; the reader checks each file it opens the same way
// (openedInside.ts), so a link swapped in after the listing is not followed either. File names that
// are not valid UTF-8 are reported, never read. Those two rules live in common/walkRules.ts, shared
// with the watcher's walk.

import type { Dirent } from 'node:fs';
import { opendir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Problem } from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';
import { entryName, NAMES_AS_BYTES, recheckFolder } from '../common/walkRules';
import { isArticleFileName } from '../parse/articleFiles';

export interface FoundFile {
  /** Absolute path as reached from the root (a linked file keeps the link's path). */
  path: string;
  root: string;
  /** Only filled when the walk was asked to `stat` (warm starts compare them with a cache). */
  mtimeMs?: number;
  size?: number;
}

interface WalkCallbacks {
  onFile(file: FoundFile): void;
  onProblem(problem: Problem): void;
}

interface WalkOptions {
  signal?: AbortSignal;
  /** Stat every file found (costs one syscall a file; only warm starts need it). */
  stat?: boolean;
}

interface WalkSummary {
  /** Folders read, over all roots. */
  folders: number;
  files: number;
  /** Roots that could not be walked at all (missing, not a folder, unreadable). */
  failedRoots: string[];
}

interface Folder {
  path: string;
  realPath: string;
}

/** Walks each root in turn; a root that fails is reported and the others are still walked. */
export async function walkRoots(
  roots: string[],
  callbacks: WalkCallbacks,
  options: WalkOptions = {},
): Promise<WalkSummary> {
  const summary: WalkSummary = { folders: 0, files: 0, failedRoots: [] };
  for (const given of roots) {
    if (options.signal?.aborted) break;
    const root = resolve(given);
    const realRoot = await openRoot(root, callbacks);
    if (realRoot === null) {
      summary.failedRoots.push(root);
      continue;
    }
    const ok = await walkRoot(root, realRoot, callbacks, options, summary);
    if (!ok) summary.failedRoots.push(root);
  }
  return summary;
}

/** The real path of a usable root folder, or null after reporting why it cannot be walked. */
async function openRoot(root: string, callbacks: WalkCallbacks): Promise<string | null> {
  try {
    const realRoot = await realpath(root);
    const info = await stat(realRoot);
    if (info.isDirectory()) return realRoot;
    callbacks.onProblem({
      path: root,
      code: 'root-not-folder',
      severity: 'error',
      message:
        'Not a folder: a library is a folder of articles. Choose the folder that contains this file instead.',
    });
  } catch (error) {
    callbacks.onProblem(rootProblem(root, error as NodeJS.ErrnoException));
  }
  return null;
}

function rootProblem(root: string, error: NodeJS.ErrnoException): Problem {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
    return {
      path: root,
      code: 'root-missing',
      severity: 'error',
      message:
        'Folder not found: Broadsheet cannot find this folder. Check that it exists and that its disk is connected.',
    };
  }
  return folderProblem(root, error);
}

function folderProblem(path: string, error: NodeJS.ErrnoException): Problem {
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return {
      path,
      code: 'folder-unreadable',
      severity: 'error',
      message: 'Permission denied: Broadsheet cannot read this folder. Check its permissions.',
      params: { errno: error.code },
    };
  }
  return {
    path,
    code: 'folder-unreadable',
    severity: 'error',
    message: `Broadsheet cannot read this folder (${error.code ?? error.message}). Check that the disk is connected and readable.`,
    params: { errno: error.code ?? '', detail: error.code ? '' : error.message },
  };
}

interface Walk {
  root: string;
  realRoot: string;
  /** Real paths of the folders entered or queued: each is walked once, which also ends link loops. */
  visited: Set<string>;
  callbacks: WalkCallbacks;
  options: WalkOptions;
  summary: WalkSummary;
  /** Files listed but not yet handed on: with `stat`, they are statted together (see flushFound). */
  pending: { path: string; statPath: string }[];
}

/**
 * Stats in flight at once on a warm start. One `await stat()` after another took ~7 s for 100,000
 * files (each waits a full round trip through the thread pool); a few dozen at a time keep every
 * pool thread busy.
 */
const STATS_IN_FLIGHT = 64;

/** Depth-first with an explicit stack, so deep trees cannot overflow the call stack. */
async function walkRoot(
  root: string,
  realRoot: string,
  callbacks: WalkCallbacks,
  options: WalkOptions,
  summary: WalkSummary,
): Promise<boolean> {
  const walk: Walk = {
    root,
    realRoot,
    visited: new Set([realRoot]),
    callbacks,
    options,
    summary,
    pending: [],
  };
  const stack: Folder[] = [{ path: root, realPath: realRoot }];
  let rootRead = false;
  while (stack.length > 0) {
    if (options.signal?.aborted) return true;
    const folder = stack.pop()!;
    const subfolders: Folder[] = [];
    try {
      if (folder.path !== root && !(await stillWhereItWas(walk, folder))) continue;
      // Node's types do not know opendir lists names as bytes too.
      const byteNames = NAMES_AS_BYTES.encoding as BufferEncoding;
      const dir = await opendir(folder.path, { bufferSize: 256, encoding: byteNames });
      summary.folders++;
      for await (const entry of dir as unknown as AsyncIterable<Dirent<Buffer>>) {
        if (options.signal?.aborted) break;
        const name = entryName(entry.name, folder.path);
        if (name.ok) await visitEntry(walk, entry, name.name, folder, subfolders);
        else if (name.problem) callbacks.onProblem(name.problem);
        if (walk.pending.length >= STATS_IN_FLIGHT) {
          if (folder.path !== root && !(await stillWhereItWas(walk, folder))) break;
          await flushFound(walk);
        }
      }
      // Swapped for a link while it was listed: nothing listed in it is handed on.
      if (folder.path !== root && !(await stillWhereItWas(walk, folder))) {
        walk.pending = [];
        continue;
      }
      await flushFound(walk);
      if (folder.path === root) rootRead = true;
    } catch (error) {
      // What was listed before the folder failed is still handed on.
      await flushFound(walk);
      callbacks.onProblem(folderProblem(folder.path, error as NodeJS.ErrnoException));
      if (folder.path === root) return false;
    }
    // Reversed so sibling folders are walked in the order the directory listed them.
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i]!);
  }
  return rootRead;
}

/**
 * True when `folder` still leads where it did when it was queued. A folder replaced by a link to
 * somewhere outside the root is reported and skipped; moved inside the root, it is followed once.
 */
async function stillWhereItWas(walk: Walk, folder: Folder): Promise<boolean> {
  const check = await recheckFolder(folder.path, folder.realPath, walk.realRoot);
  if (check.kind === 'same') return true;
  if (check.kind === 'outside') walk.callbacks.onProblem(check.problem);
  if (check.kind !== 'moved' || walk.visited.has(check.realPath)) return false;
  walk.visited.add(check.realPath);
  folder.realPath = check.realPath;
  return true;
}

function enqueueFolder(walk: Walk, subfolders: Folder[], path: string, realPath: string): void {
  if (walk.visited.has(realPath)) return;
  walk.visited.add(realPath);
  subfolders.push({ path, realPath });
}

async function visitEntry(
  walk: Walk,
  entry: Dirent<Buffer>,
  name: string,
  folder: Folder,
  subfolders: Folder[],
): Promise<void> {
  if (name.startsWith('.')) return;
  const path = join(folder.path, name);
  if (entry.isDirectory()) {
    enqueueFolder(walk, subfolders, path, join(folder.realPath, name));
  } else if (entry.isFile()) {
    if (isArticleFileName(name)) walk.pending.push({ path, statPath: path });
  } else if (entry.isSymbolicLink()) {
    await visitLink(walk, path, name, subfolders);
  } else if (isArticleFileName(name)) {
    // Pipes, sockets and devices: reading one could block forever or never end.
    walk.callbacks.onProblem({
      path,
      code: 'not-regular-file',
      severity: 'error',
      message:
        'Not a regular file (a pipe, socket or device): Broadsheet does not read it. Replace it with a real file.',
    });
  }
}

async function visitLink(walk: Walk, path: string, name: string, subfolders: Folder[]): Promise<void> {
  let realPath: string;
  let isDirectory: boolean;
  let isFile: boolean;
  try {
    realPath = await realpath(path);
    const info = await stat(realPath);
    isDirectory = info.isDirectory();
    isFile = info.isFile();
  } catch (error) {
    // A dangling link with an unrelated name is no business of ours; one named like an article is.
    if (!isArticleFileName(name)) return;
    const code = (error as NodeJS.ErrnoException).code;
    walk.callbacks.onProblem({
      path,
      code: 'broken-link',
      severity: 'error',
      params: { errno: code ?? '', detail: code ? '' : (error as Error).message },
      message:
        code === 'ENOENT' || code === 'ELOOP'
          ? 'Broken link: the file it points to does not exist. Restore the file or remove the link.'
          : `Broadsheet cannot follow this link (${code ?? (error as Error).message}). Check its permissions.`,
    });
    return;
  }
  if (!isInsideFolder(realPath, walk.realRoot)) {
    if (!isDirectory && !isArticleFileName(name)) return;
    walk.callbacks.onProblem({
      path,
      code: 'outside-root',
      severity: 'warning',
      message: `This link points outside the library folder (to ${realPath}), so Broadsheet does not follow it. Add the target as a library folder to read it.`,
      params: { target: realPath },
    });
    return;
  }
  if (isDirectory) enqueueFolder(walk, subfolders, path, realPath);
  else if (isFile && isArticleFileName(name)) walk.pending.push({ path, statPath: realPath });
}

/** Hands on the pending files in listing order, statted concurrently when the walk stats. */
async function flushFound(walk: Walk): Promise<void> {
  const batch = walk.pending;
  if (batch.length === 0) return;
  walk.pending = [];
  const infos = walk.options.stat
    ? await Promise.all(
        // Gone or unreadable since the listing: no stat, and the parser reports exactly why.
        batch.map(({ statPath }) => stat(statPath).catch(() => null)),
      )
    : null;
  batch.forEach(({ path }, i) => {
    const file: FoundFile = { path, root: walk.root };
    const info = infos?.[i];
    if (info) {
      file.mtimeMs = info.mtimeMs;
      file.size = info.size;
    }
    walk.summary.files++;
    walk.callbacks.onFile(file);
  });
}
