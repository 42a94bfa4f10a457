// The library's one order, used by the engine (its list and the scan's), the window (its list, the
// Starred view, every merge of a scan batch) and the CLI's `list`: dated articles first, newest (or
// oldest) first; undated ones (no usable date, the file's time stands in) after all of them, in the
// same direction by that file time; equal dates by id, so every process lists them the same way.

import type { DateSource } from './types';

export type ListOrder = 'newest' | 'oldest';
export const LIST_ORDERS: readonly ListOrder[] = ['newest', 'oldest'];

/**
 * What the order needs of an entry. Summaries say `dateSource`; the window's slimmer list entries
 * and headline items say `undated` (only when true).
 */
export interface Ordered {
  id: string;
  /** ISO date in UTC (Date#toISOString), so string order is time order. */
  date: string;
  dateSource?: DateSource;
  undated?: boolean;
}

/** No usable date in the file, its name or its page: the file's modification time stands in. */
export function isUndated(entry: { dateSource?: DateSource; undated?: boolean }): boolean {
  return entry.undated === true || entry.dateSource === 'file-mtime';
}

/** Dated before undated, then newest first, then by id. */
export function compareNewestFirst(a: Ordered, b: Ordered): number {
  const ua = isUndated(a);
  if (ua !== isUndated(b)) return ua ? 1 : -1;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Dated before undated, then oldest first: each run is the newest-first run read backwards (equal
 * dates by id descending), so flipping the order never re-sorts a list.
 */
export function compareOldestFirst(a: Ordered, b: Ordered): number {
  const ua = isUndated(a);
  if (ua !== isUndated(b)) return ua ? 1 : -1;
  return compareNewestFirst(b, a);
}

export function comparatorFor(order: ListOrder): (a: Ordered, b: Ordered) => number {
  return order === 'oldest' ? compareOldestFirst : compareNewestFirst;
}

/**
 * A newest-first list in the other order without sorting it again: the dated run and the undated
 * run each reversed, undated still last. The input must be sorted by compareNewestFirst.
 */
export function inOrder<T extends Ordered>(newestFirst: readonly T[], order: ListOrder): readonly T[] {
  if (order === 'newest') return newestFirst;
  let split = newestFirst.length;
  while (split > 0 && isUndated(newestFirst[split - 1]!)) split--;
  const out: T[] = new Array(newestFirst.length);
  let k = 0;
  for (let i = split - 1; i >= 0; i--) out[k++] = newestFirst[i]!;
  for (let i = newestFirst.length - 1; i >= split; i--) out[k++] = newestFirst[i]!;
  return out;
}
