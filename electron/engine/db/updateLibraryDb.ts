// Brings the library database up to date with folders on disk: files whose mtime and size are
// recorded are skipped, new and changed ones go through the scan's parse workers and are written
// batch by batch (one transaction each), and once a walk has completed, recorded files it did not
// find are removed. An interrupted update keeps every batch it wrote: the next one carries on.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem, ScanProgress } from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';
import type { ParseOptions } from '../parse/parseArticle';
import { scanLibrary } from '../scan/scanLibrary';
import type { WorkerScript } from '../workerScript';
import type { LibraryDb } from './LibraryDb';
import { batchWrite, type FileState } from './writeBatches';

export interface UpdateOptions {
  signal?: AbortSignal;
  parse?: ParseOptions;
  workers?: number;
  workerScript?: WorkerScript;
  onProgress?: (progress: UpdateProgress) => void;
}

export interface UpdateProgress extends ScanProgress {
  added: number;
  changed: number;
  unchanged: number;
  failed: number;
}

export interface UpdateSummary extends UpdateProgress {
  removed: number;
  /** False when the update was interrupted: nothing was removed, the next update carries on. */
  complete: boolean;
  /** Problems of folders (missing, unreadable) met by the walk. File problems stay in the database. */
  folderProblems: Problem[];
}

/** Removals are written in transactions of this many. */
const REMOVE_BATCH = 5000;

export async function updateLibraryDb(
  db: LibraryDb,
  rootsIn: string[],
  options: UpdateOptions = {},
): Promise<UpdateSummary> {
  const roots = rootsIn.map((r) => resolve(r));
  const seen = new Set<string>();
  const summary: UpdateSummary = {
    found: 0,
    parsed: 0,
    done: false,
    added: 0,
    changed: 0,
    unchanged: 0,
    failed: 0,
    removed: 0,
    complete: false,
    folderProblems: [],
  };
  const scan = scanLibrary(roots, {
    includeText: true,
    forDatabase: true,
    signal: options.signal,
    parse: options.parse,
    workers: options.workers,
    workerScript: options.workerScript,
    isUnchanged(path, mtimeMs, size) {
      seen.add(path);
      const known = db.fileState(path);
      return known !== undefined && known.mtimeMs === mtimeMs && known.size === size;
    },
  });
  for await (const batch of scan) {
    for (const a of batch.articles) {
      seen.add(a.path);
      if (db.fileState(a.path) === undefined) summary.added++;
      else summary.changed++;
    }
    const { write, elsewhere } = batchWrite(batch.articles, batch.problems, roots, fileStat);
    // A folder the walk could not read, or a file gone since: nothing to record for it.
    summary.folderProblems.push(...elsewhere);
    for (const f of write.failed) seen.add(f.path);
    summary.unchanged += batch.unchanged.length;
    summary.failed += write.failed.length;
    if (write.articles.length || write.failed.length) db.write(write);
    summary.found = batch.progress.found;
    summary.parsed = batch.progress.parsed;
    summary.done = batch.progress.done;
    options.onProgress?.(summary);
  }
  if (!summary.done || options.signal?.aborted) return summary;

  // The walk saw every file: what is recorded and was not seen is gone. Folders the walk could not
  // read keep what they had (a disk that is not mounted is not an archive deleted).
  const unreadable = summary.folderProblems.map((p) => p.path);
  const kept = (path: string) => unreadable.some((f) => isInsideFolder(path, f));
  let removed: string[] = [];
  for (const root of roots) {
    for (const path of db.pathsWithin(root)) {
      if (seen.has(path) || kept(path)) continue;
      removed.push(path);
    }
  }
  for (let i = 0; i < removed.length; i += REMOVE_BATCH) {
    db.write({ articles: [], failed: [], removed: removed.slice(i, i + REMOVE_BATCH) });
  }
  summary.removed = removed.length;
  removed = [];
  summary.complete = true;
  return summary;
}

function fileStat(path: string): FileState | null {
  try {
    const s = statSync(path);
    return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : null;
  } catch {
    return null;
  }
}
