// The timeline: how many entries of a date-ordered list fall in each calendar month and year, and
// where each month starts in the list, so the window can show the counts and move the list to a
// month, and `broadsheet list --json` can print them. Pure; the days are the caller's time zone's
// (the same day keys as the list's day groups).
//
// Cost: the list is sorted by date (shared/articleOrder.ts), so each month's end is found by a
// galloping search from its start instead of a look at every entry: about 2·log2(size of the month)
// day keys per month, a few hundred for 100,000 articles over ten years, and never more than a pass
// over the list (a month of one article costs two looks).

import { isUndated, type ListOrder, type Ordered } from './articleOrder';
import type { DayKey } from './listSelection';

/** yyyymm of a calendar month. */
export type MonthKey = number;

export interface TimelineBucket {
  /** yyyymm for a month, yyyy for a year. */
  key: number;
  /** Index of the bucket's first entry in the list. */
  start: number;
  count: number;
}

export function monthOfDay(day: DayKey): MonthKey {
  return Math.floor(day / 100);
}

/**
 * The months of the list's dated entries, in list order (newest first or oldest first), each with
 * its first index and count; months with no entry are left out. Undated entries (the trailing run)
 * are in no month. `list` must be in `order` (as the list selection returns it).
 */
export function monthCounts(
  list: readonly Ordered[],
  order: ListOrder,
  dayKey: (ms: number) => DayKey,
): TimelineBucket[] {
  let dated = list.length;
  while (dated > 0 && isUndated(list[dated - 1]!)) dated--;
  const monthAt = (i: number) => monthOfDay(dayKey(Date.parse(list[i]!.date)));
  // In list order the months only go down (newest first) or up (oldest first).
  const beyond =
    order === 'newest' ? (m: MonthKey, of: MonthKey) => m < of : (m: MonthKey, of: MonthKey) => m > of;
  const out: TimelineBucket[] = [];
  let start = 0;
  while (start < dated) {
    const month = monthAt(start);
    // Gallop: the first index past `start` whose month is beyond this one lies in (lo, hi].
    let lo = start;
    let step = 1;
    let hi = start + step;
    while (hi < dated && !beyond(monthAt(hi), month)) {
      lo = hi;
      step *= 2;
      hi = start + step;
    }
    if (hi > dated) hi = dated;
    // Bisect: entries lo.. are in the month, hi is beyond it (or the end of the dated run).
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (beyond(monthAt(mid), month)) hi = mid;
      else lo = mid;
    }
    out.push({ key: month, start, count: hi - start });
    start = hi;
  }
  return out;
}

/** The months added up by year, in the same (list) order; a year starts where its first month in the list does. */
export function yearCounts(months: readonly TimelineBucket[]): TimelineBucket[] {
  const out: TimelineBucket[] = [];
  for (const m of months) {
    const year = Math.floor(m.key / 100);
    const last = out[out.length - 1];
    if (last && last.key === year) last.count += m.count;
    else out.push({ key: year, start: m.start, count: m.count });
  }
  return out;
}

/** The bucket holding the entry at `index` (buckets in list order, as returned above); -1 when none does. */
export function bucketAt(buckets: readonly TimelineBucket[], index: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const b = buckets[mid]!;
    if (index < b.start) hi = mid - 1;
    else if (index >= b.start + b.count) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** `YYYY-MM` of a month key, as `broadsheet list --json` writes it. */
export function monthKeyToIso(key: MonthKey): string {
  return `${String(Math.floor(key / 100)).padStart(4, '0')}-${String(key % 100).padStart(2, '0')}`;
}
