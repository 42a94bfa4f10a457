import { type DayKey, makeDayKey, UNDATED_DAY } from '../../../shared/listSelection';
import type { HeadlineItem } from './headlineItem';

export { type DayKey, makeDayKey, UNDATED_DAY };

/** A day header: `firstItem` and `count` say which items it heads (for its unread count). */
export type DayRow = { kind: 'day'; key: DayKey; label: string; count: number; firstItem: number };
export type HeadlineRow = DayRow | { kind: 'item'; itemIndex: number; dayLabel: string };

/**
 * The list's rows, headers included, described rather than built: at 100,000 headlines an array of
 * row objects cost ~25 ms on every scan batch, and only the dozen visible rows are ever looked at.
 */
export interface HeadlineRows {
  count: number;
  /** The row at a position, made on request; undefined outside the list. */
  rowAt(row: number): HeadlineRow | undefined;
  /** Whether a row is a day header (asked for every row when the list measures itself). */
  isHeader(row: number): boolean;
  /** Row of the item at `itemIndex`, -1 outside the list. */
  rowOfItem(itemIndex: number): number;
  /** Row indexes of the day headers, ascending (for sticky headers). */
  headerRows: readonly number[];
}

interface DayLabels {
  today: string;
  yesterday: string;
  undated: string;
}

interface GroupOptions {
  now: number;
  locale: string;
  /** IANA zone; undefined = the system zone (fast path through Date's local getters). */
  timeZone?: string;
  labels: DayLabels;
}

/** The calendar day before `key` (calendar arithmetic, so DST-length days do not matter). */
export function previousDay(key: DayKey): DayKey {
  const d = new Date(Date.UTC(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, (key % 100) - 1));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** "Today", "Yesterday", else the full date in the locale ("Saturday, 6 August 2022", "2022年8月6日星期六"). */
function makeDayLabeler(options: GroupOptions): (key: DayKey) => string {
  const today = makeDayKey(options.timeZone)(options.now);
  const yesterday = previousDay(today);
  // Format the day at noon UTC in UTC: the key already is the local day, so no zone applies again.
  const format = new Intl.DateTimeFormat(options.locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return (key) => {
    if (key === UNDATED_DAY) return options.labels.undated;
    if (key === today) return options.labels.today;
    if (key === yesterday) return options.labels.yesterday;
    const date = Date.UTC(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, key % 100, 12);
    return format.format(date);
  };
}

/**
 * Headline rows with a header before each day, in one pass over the items that allocates per day,
 * not per item. Items must be in list order (shared/articleOrder: undated ones last, which puts them
 * in one "Undated" group at the end); a day that shows up again later (out-of-order input) starts a
 * new group rather than being re-sorted here.
 */
export function groupByDay(items: readonly HeadlineItem[], options: GroupOptions): HeadlineRows {
  const dayKey = makeDayKey(options.timeZone);
  const keys: DayKey[] = [];
  const counts: number[] = [];
  const firstItems: number[] = [];
  const headerRows: number[] = [];
  // Items of one day are contiguous: while an item falls inside the current day's [start, end),
  // no date arithmetic is needed at all (the system zone knows its own midnights).
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const time = item.time;
    if (keys.length === 0 || item.undated || !(time >= dayStart && time < dayEnd)) {
      const key = item.undated ? UNDATED_DAY : dayKey(time);
      if (item.undated) {
        dayStart = Number.POSITIVE_INFINITY;
        dayEnd = Number.NEGATIVE_INFINITY;
      } else if (!options.timeZone && Number.isFinite(time)) {
        const d = new Date(time);
        dayStart = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
        dayEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
      }
      if (keys.length === 0 || keys[keys.length - 1] !== key) {
        headerRows.push(i + keys.length);
        firstItems.push(i);
        keys.push(key);
        counts.push(0);
      }
    }
    counts[counts.length - 1]!++;
  }
  const count = items.length + keys.length;
  const headers = new Uint8Array(count);
  for (const row of headerRows) headers[row] = 1;
  // Labels are formatted (Intl, ~10 µs each) only for the days that are shown: an archive spans
  // thousands of days, and the rows are described again on every scan batch.
  const label = makeDayLabeler(options);
  const dayRows: (DayRow | undefined)[] = new Array(keys.length);
  const dayRow = (day: number): DayRow => {
    let row = dayRows[day];
    if (!row) {
      row = {
        kind: 'day',
        key: keys[day]!,
        label: label(keys[day]!),
        count: counts[day]!,
        firstItem: firstItems[day]!,
      };
      dayRows[day] = row;
    }
    return row;
  };
  return {
    count,
    headerRows,
    isHeader: (row) => headers[row] === 1,
    rowAt: (row) => {
      if (!(row >= 0 && row < count)) return undefined;
      const day = lastAtOrBefore(headerRows, row);
      const header = headerRows[day]!;
      if (header === row) return dayRow(day);
      return { kind: 'item', itemIndex: firstItems[day]! + (row - header - 1), dayLabel: dayRow(day).label };
    },
    rowOfItem: (itemIndex) => {
      if (!(itemIndex >= 0 && itemIndex < items.length)) return -1;
      return itemIndex + lastAtOrBefore(firstItems, itemIndex) + 1;
    },
  };
}

/** Index of the last value at or below `target` in an ascending array that starts at or below it. */
export function lastAtOrBefore(ascending: readonly number[], target: number): number {
  let lo = 0;
  let hi = ascending.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid]! <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Rows without day headers (search results stay in ranking order). */
export function flatRows(items: readonly HeadlineItem[]): HeadlineRows {
  const count = items.length;
  return {
    count,
    headerRows: [],
    isHeader: () => false,
    rowAt: (row) => (row >= 0 && row < count ? { kind: 'item', itemIndex: row, dayLabel: '' } : undefined),
    rowOfItem: (itemIndex) => (itemIndex >= 0 && itemIndex < count ? itemIndex : -1),
  };
}
