// What the scan and the watcher hand the library database, and how it is written without stalling
// the thread that answers searches. Pure conversion plus one loop with the pause passed in.
//
// A batch becomes one WriteBatch: each parsed article with its own problems (a degraded article's
// warnings), each path with problems but no article as a failed file (with the mtime and size it
// had, so an unchanged broken file is not parsed again), and problems of paths that are not files
// (a folder that could not be read) kept apart: they belong to no file in the database.
//
// Writing costs ~2-5 ms an article on this 2-core machine (tokens, deflate, FTS5), so a scan batch
// of 8,000 would hold the thread for tens of seconds. writeInSlices commits it in transactions of
// about SLICE_TARGET_MS each and lets the event loop run between them: every transaction is whole
// or absent after a kill -9, and a search waits at most one slice.

import type { Problem } from '../../../shared/types';
import { isStrictlyInsideFolder } from '../common/pathContainment';
import type { ScannedArticle } from '../scan/scanLibrary';
import type { FailedFile, LibraryDb, StoredArticleInput, WriteBatch } from './LibraryDb';

export interface FileState {
  mtimeMs: number;
  size: number;
}

export interface BatchWrite {
  write: WriteBatch;
  /** Problems of paths that are not files (unreadable folders, files gone since): not stored. */
  elsewhere: Problem[];
}

/**
 * The database's view of parsed articles and the problems met beside them. `statFile` tells the
 * mtime and size of a file that has problems but no article (null: not a file).
 */
export function batchWrite(
  articles: readonly ScannedArticle[],
  problems: readonly Problem[],
  roots: readonly string[],
  statFile: (path: string) => FileState | null,
  removed: string[] = [],
): BatchWrite {
  const problemsOf = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = problemsOf.get(p.path);
    if (list) list.push(p);
    else problemsOf.set(p.path, [p]);
  }
  const stored: StoredArticleInput[] = [];
  for (const a of articles) {
    stored.push({ ...a, text: a.text ?? '', problems: problemsOf.get(a.path) ?? [] });
    problemsOf.delete(a.path);
  }
  const failed: FailedFile[] = [];
  const elsewhere: Problem[] = [];
  for (const [path, list] of problemsOf) {
    const file = statFile(path);
    if (file === null) elsewhere.push(...list);
    else
      failed.push({
        path,
        root: rootOf(path, roots),
        mtimeMs: file.mtimeMs,
        size: file.size,
        problems: list,
      });
  }
  return { write: { articles: stored, failed, removed }, elsewhere };
}

/** The deepest of `roots` holding `path` (the first root when none does). */
export function rootOf(path: string, roots: readonly string[]): string {
  let best: string | undefined;
  for (const r of roots) if (isStrictlyInsideFolder(path, r) && r.length > (best?.length ?? -1)) best = r;
  return best ?? roots[0] ?? '';
}

/** Each transaction aims at this long. */
export const SLICE_TARGET_MS = 100;
const MIN_SLICE = 8;
const MAX_SLICE = 2000;
/** Removals and failed files cost little: this many go in one transaction. */
const CHEAP_SLICE = 5000;

export interface SliceOptions {
  /** Lets other work run between two transactions (setImmediate in the engine). */
  pause: () => Promise<void>;
  /** Called after each committed transaction with what it held. */
  committed?: (slice: WriteBatch) => void | Promise<void>;
  /** Checked before each transaction: true stops (what is committed stays). */
  stopped?: () => boolean;
  /** Articles in the first transaction (then sized by the time the last one took). */
  firstSlice?: number;
  now?: () => number;
}

/**
 * Writes `batch` as a series of transactions of whole articles, sized so each takes about
 * SLICE_TARGET_MS; removals and failed files come first, in slices of their own. Returns false when
 * `stopped` ended it early.
 */
export async function writeInSlices(
  db: LibraryDb,
  batch: WriteBatch,
  options: SliceOptions,
): Promise<boolean> {
  const now = options.now ?? (() => performance.now());
  /** Milliseconds the transaction took, or null when stopped before it. */
  const commit = async (slice: WriteBatch): Promise<number | null> => {
    if (options.stopped?.()) return null;
    const started = now();
    db.write(slice);
    const took = now() - started;
    await options.committed?.(slice);
    return took;
  };
  let first = true;
  const between = async () => {
    if (!first) await options.pause();
    first = false;
  };
  for (let i = 0; i < batch.removed.length || i < batch.failed.length; i += CHEAP_SLICE) {
    await between();
    const slice = {
      articles: [],
      failed: batch.failed.slice(i, i + CHEAP_SLICE),
      removed: batch.removed.slice(i, i + CHEAP_SLICE),
    };
    if ((await commit(slice)) === null) return false;
  }
  let size = options.firstSlice ?? 32;
  for (let i = 0; i < batch.articles.length; ) {
    await between();
    const articles = batch.articles.slice(i, i + size);
    const took = await commit({ articles, failed: [], removed: [] });
    if (took === null) return false;
    size = Math.min(
      MAX_SLICE,
      Math.max(MIN_SLICE, Math.round((articles.length * SLICE_TARGET_MS) / Math.max(1, took))),
    );
    i += articles.length;
  }
  return true;
}
