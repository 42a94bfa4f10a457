// The watcher's core decision, free of I/O: given what the disk looks like now for every path that
// had events in a batch, and the files the library knew before, which changes to report.
// Deciding from the final state instead of replaying events is what coalesces a batch:
// create+delete leaves nothing, create+update is one `added`, delete+create is one `changed`.

import { dirname } from 'node:path';
import { type FileStat, sameStat } from './fileStat';
import type { WatchChange } from './watchTypes';

/** What a path is now, as seen by lstat (and a walk, for folders). */
export type Observation =
  | { kind: 'file'; stat: FileStat }
  | { kind: 'folder'; files: ReadonlyMap<string, FileStat> }
  | { kind: 'gone' }
  /** Exists but is not a watched article file: another file type, a link, a hidden path. */
  | { kind: 'other' };

export interface ObservedPath {
  root: string;
  /** The batch contained a delete for this path, so an existing file was replaced. */
  sawDelete: boolean;
  observation: Observation;
}

export interface Delta {
  change: WatchChange;
  /** The stat to remember for the path; null when it is removed. */
  stat: FileStat | null;
}

export interface Classified {
  deltas: Delta[];
  /** Files held back because they are still being written; look at them again in the next batch. */
  deferred: string[];
}

/**
 * `isSettling` says whether a file that would be reported is probably still being written (a
 * half-written file reported now would be reported again as changed when the writer finishes).
 */
export function classifyBatch(
  observed: ReadonlyMap<string, ObservedPath>,
  known: ReadonlyMap<string, FileStat>,
  isSettling: (path: string, stat: FileStat) => boolean = () => false,
): Classified {
  const decided = new Map<string, Delta | null>();
  const deferred: string[] = [];
  const goneFolders = new Map<string, string>();
  const walkedFolders = new Map<string, { root: string; files: ReadonlyMap<string, FileStat> }>();

  const fileDelta = (root: string, path: string, stat: FileStat, sawDelete: boolean): Delta | null => {
    const before = known.get(path);
    if ((!before || sawDelete || !sameStat(before, stat)) && isSettling(path, stat)) {
      deferred.push(path);
      return null;
    }
    if (!before) return { change: { type: 'added', path, root }, stat };
    if (sawDelete || !sameStat(before, stat)) return { change: { type: 'changed', path, root }, stat };
    return null;
  };
  const removal = (root: string, path: string): Delta => ({
    change: { type: 'removed', path, root },
    stat: null,
  });

  // A path's own observation decides first; contents of walked folders only fill in the rest.
  for (const [path, { root, sawDelete, observation }] of observed) {
    switch (observation.kind) {
      case 'file':
        decided.set(path, fileDelta(root, path, observation.stat, sawDelete));
        break;
      case 'gone':
        // Parcel does not say whether a deleted path was a file or a folder: treat it as both.
        if (known.has(path)) decided.set(path, removal(root, path));
        else goneFolders.set(path, root);
        break;
      case 'other':
        if (known.has(path)) decided.set(path, removal(root, path));
        break;
      case 'folder':
        if (known.has(path)) decided.set(path, removal(root, path));
        walkedFolders.set(path, { root, files: observation.files });
        break;
    }
  }
  for (const { root, files } of walkedFolders.values()) {
    for (const [path, stat] of files) {
      if (!decided.has(path)) decided.set(path, fileDelta(root, path, stat, false));
    }
  }
  // Known files under a folder that is gone, or that a walk did not find, are gone too. One pass
  // over the known set per batch (not one per folder) keeps a burst of folder events cheap.
  if (goneFolders.size > 0 || walkedFolders.size > 0) {
    for (const path of known.keys()) {
      if (decided.has(path)) continue;
      let folder = dirname(path);
      for (;;) {
        const goneRoot = goneFolders.get(folder);
        if (goneRoot !== undefined) {
          decided.set(path, removal(goneRoot, path));
          break;
        }
        const walked = walkedFolders.get(folder);
        if (walked) {
          if (!walked.files.has(path)) decided.set(path, removal(walked.root, path));
          break;
        }
        const parent = dirname(folder);
        if (parent === folder) break;
        folder = parent;
      }
    }
  }
  return { deltas: [...decided.values()].filter((delta): delta is Delta => delta !== null), deferred };
}

/** Brings the known set up to date with the deltas about to be reported. */
export function applyDeltas(known: Map<string, FileStat>, deltas: readonly Delta[]): void {
  for (const { change, stat } of deltas) {
    if (stat) known.set(change.path, stat);
    else known.delete(change.path);
  }
}
