// Scans library roots: the async walker streams paths to the worker pool and parsed articles come
// back in batches, the first one quickly (a window shows headlines long before a big scan ends),
// later ones bigger. The hosting thread only walks folders and moves results; it never parses.

import { resolve } from 'node:path';
import { compareNewestFirst } from '../../../shared/articleOrder';
import type { Problem, ScanProgress } from '../../../shared/types';
import type { ParseOptions } from '../parse/parseArticle';
import type { WorkerScript } from '../workerScript';
import { ScanPool } from './scanPool';
import type { ScannedArticle } from './scanProtocol';
import { walkRoots } from './walkRoots';

export type { ScannedArticle } from './scanProtocol';

interface ScanOptions {
  parse?: ParseOptions;
  workers?: number;
  includeText?: boolean;
  /** Articles carry their text as the library database stores it, made in the workers. */
  forDatabase?: boolean;
  signal?: AbortSignal;
  /** Return true to skip parsing a file the caller already has (warm start); it goes to batch.unchanged. */
  isUnchanged?: (path: string, mtimeMs: number, size: number) => boolean;
  /** Worker script override (tests). */
  workerScript?: WorkerScript;
}

export interface ScanBatch {
  /** Newest first within the batch. */
  articles: ScannedArticle[];
  unchanged: string[];
  problems: Problem[];
  progress: ScanProgress;
}

/** The first batch goes out at this many items or after this long, whichever comes first. */
const FIRST_BATCH_ITEMS = 500;
const FIRST_BATCH_MS = 50;
/** Later batches grow up to this size; time-bounded so progress still moves on a slow disk. */
const MAX_BATCH_ITEMS = 8000;
const LATER_BATCH_MS = 250;
/** Results waiting for a slow consumer beyond this pause the workers (bounded memory). */
const MAX_PENDING_ITEMS = 50_000;

/**
 * Every article under the roots, in batches. The last batch has `progress.done`. Aborting the signal
 * stops the workers and ends the iteration quietly (no error); so does leaving the loop early.
 */
export async function* scanLibrary(roots: string[], options: ScanOptions = {}): AsyncGenerator<ScanBatch> {
  const { signal, isUnchanged } = options;
  if (signal?.aborted) return;

  let articles: ScannedArticle[] = [];
  let unchanged: string[] = [];
  let problems: Problem[] = [];
  let pendingSince = 0;
  let found = 0;
  let parsed = 0;
  let walked = false;
  let poolDone = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const pendingItems = () => articles.length + unchanged.length + problems.length;
  /** Starts the batch clock on the first waiting item (and wakes the loop to arm its timer). */
  const noteItems = () => {
    if (pendingSince !== 0) return;
    pendingSince = performance.now();
    notify();
  };

  const pool = new ScanPool(
    {
      size: options.workers,
      parse: options.parse,
      includeText: options.includeText,
      forDatabase: options.forDatabase,
      script: options.workerScript,
      saturated: () => pendingItems() > MAX_PENDING_ITEMS,
    },
    (result) => {
      parsed += result.files;
      for (const a of result.articles) articles.push(a);
      for (const p of result.problems) problems.push(p);
      noteItems();
      notify();
    },
  );
  // The walk stops when the caller aborts and when the consumer leaves the loop early (finally below):
  // a scan nobody reads any more must not go on walking a million files.
  const stopWalk = new AbortController();
  const onAbort = () => {
    stopWalk.abort();
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  const walk = walkRoots(
    roots.map((root) => resolve(root)),
    {
      onFile(file) {
        found++;
        if (isUnchanged && file.mtimeMs !== undefined && file.size !== undefined) {
          if (isUnchanged(file.path, file.mtimeMs, file.size)) {
            parsed++;
            unchanged.push(file.path);
            noteItems();
            if (unchanged.length % FIRST_BATCH_ITEMS === 0) notify();
            return;
          }
        }
        pool.push({ path: file.path, root: file.root });
      },
      onProblem(problem) {
        problems.push(problem);
        noteItems();
        notify();
      },
    },
    { signal: stopWalk.signal, stat: isUnchanged !== undefined },
  );
  walk
    .then(() => {
      walked = true;
      pool.end();
      return pool.whenDone();
    })
    .then(
      () => {
        poolDone = true;
        notify();
      },
      (error: Error) => {
        failure = error;
        notify();
      },
    );

  let batchesSent = 0;
  try {
    while (true) {
      if (signal?.aborted) return;
      if (failure) throw failure;
      const finished = walked && poolDone;
      const limit =
        batchesSent === 0 ? FIRST_BATCH_ITEMS : Math.min(MAX_BATCH_ITEMS, FIRST_BATCH_ITEMS << batchesSent);
      const waitMs = batchesSent === 0 ? FIRST_BATCH_MS : LATER_BATCH_MS;
      const items = pendingItems();
      const age = pendingSince === 0 ? 0 : performance.now() - pendingSince;
      if (finished || items >= limit || (items > 0 && age >= waitMs)) {
        const batch: ScanBatch = {
          articles: articles.sort(compareNewestFirst),
          unchanged,
          problems,
          progress: { found, parsed, done: finished },
        };
        articles = [];
        unchanged = [];
        problems = [];
        pendingSince = 0;
        batchesSent++;
        yield batch;
        if (finished) return;
        pool.pump();
        continue;
      }
      await new Promise<void>((resolveWait) => {
        // Items already waiting go out when their time is up; otherwise the next result wakes us.
        const timer = items > 0 ? setTimeout(notify, Math.max(1, waitMs - age)) : null;
        wake = () => {
          if (timer) clearTimeout(timer);
          resolveWait();
        };
      });
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stopWalk.abort();
    await pool.close();
    // Let an aborted walk wind down before returning so no callback runs after the scan ended.
    await walk.catch(() => undefined);
  }
}

interface ScanList {
  /** Newest first, ties by path. */
  articles: ScannedArticle[];
  /** Sorted by path. */
  problems: Problem[];
  unchanged: string[];
}

/** Runs a whole scan and returns everything sorted: the CLI's view of a library. */
export async function scanToList(roots: string[], options: ScanOptions = {}): Promise<ScanList> {
  const list: ScanList = { articles: [], problems: [], unchanged: [] };
  for await (const batch of scanLibrary(roots, options)) {
    for (const a of batch.articles) list.articles.push(a);
    for (const p of batch.problems) list.problems.push(p);
    for (const u of batch.unchanged) list.unchanged.push(u);
  }
  list.articles.sort(compareNewestFirst);
  list.problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return list;
}
