// The library's one order: newest first, ties by path so equal dates list the same way every scan.

export function newestFirst(a: { date: string; path: string }, b: { date: string; path: string }): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
