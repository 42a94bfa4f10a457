// What the watcher reports. Plain data: changes cross the worker boundary to the Library.

import type { Problem } from '../../../shared/types';

export type WatchChangeType = 'added' | 'changed' | 'removed';

export interface WatchChange {
  type: WatchChangeType;
  /** Absolute path of the article file. */
  path: string;
  /** Absolute path of the library root it is under. */
  root: string;
}

export interface WatchWarning {
  root: string;
  message: string;
}

export interface LibraryWatcherEvents {
  changes: [changes: WatchChange[]];
  'root-missing': [root: string];
  'root-restored': [root: string, changes: WatchChange[]];
  warning: [warning: WatchWarning];
  /** Names that are not UTF-8, folders swapped for links leading outside: each reported once. */
  problems: [problems: Problem[]];
  error: [error: Error];
}
