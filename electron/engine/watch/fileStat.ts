// The part of a file's stat the watcher compares to decide whether a file changed.

export interface FileStat {
  mtimeMs: number;
  size: number;
}

export function sameStat(a: FileStat, b: FileStat): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}
