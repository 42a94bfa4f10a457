// What the watcher reports. Plain data: changes cross the worker boundary to the Library.

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
  error: [error: Error];
}
