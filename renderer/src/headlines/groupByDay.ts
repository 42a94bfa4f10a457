import type { HeadlineItem } from './headlineItem';

/** yyyymmdd of the calendar day an instant falls on, in one time zone. */
export type DayKey = number;

export type HeadlineRow =
  | { kind: 'day'; key: DayKey; label: string; count: number }
  | { kind: 'item'; itemIndex: number; dayLabel: string };

export interface HeadlineRows {
  rows: HeadlineRow[];
  /** Row index of each item (same order as the items). */
  rowOfItem: Int32Array;
  /** Row indexes of the day headers, ascending (for sticky headers). */
  headerRows: number[];
}

export interface DayLabels {
  today: string;
  yesterday: string;
}

export interface GroupOptions {
  now: number;
  locale: string;
  /** IANA zone; undefined = the system zone (fast path through Date's local getters). */
  timeZone?: string;
  labels: DayLabels;
}

const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * Day key of an instant. The system zone uses Date's local getters; an explicit zone goes through
 * Intl, cached per quarter hour (every real zone offset is a multiple of 15 minutes).
 */
export function makeDayKey(timeZone?: string): (ms: number) => DayKey {
  if (!timeZone) {
    return (ms) => {
      const d = new Date(ms);
      return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
    };
  }
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const cache = new Map<number, DayKey>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let key = cache.get(bucket);
    if (key === undefined) {
      let y = 0;
      let m = 0;
      let d = 0;
      for (const part of format.formatToParts(ms)) {
        if (part.type === 'year') y = Number(part.value);
        else if (part.type === 'month') m = Number(part.value);
        else if (part.type === 'day') d = Number(part.value);
      }
      key = y * 10000 + m * 100 + d;
      cache.set(bucket, key);
    }
    return key;
  };
}

/** The calendar day before `key` (calendar arithmetic, so DST-length days do not matter). */
export function previousDay(key: DayKey): DayKey {
  const d = new Date(Date.UTC(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, (key % 100) - 1));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** "Today", "Yesterday", else the full date in the locale ("Saturday, 6 August 2022", "2022年8月6日星期六"). */
export function makeDayLabeler(options: GroupOptions): (key: DayKey) => string {
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
    if (key === today) return options.labels.today;
    if (key === yesterday) return options.labels.yesterday;
    const date = Date.UTC(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, key % 100, 12);
    return format.format(date);
  };
}

/**
 * Headline rows with a header before each day, in one pass. Items must be newest first; a day that
 * shows up again later (out-of-order input) starts a new group rather than being re-sorted here.
 */
export function groupByDay(items: readonly HeadlineItem[], options: GroupOptions): HeadlineRows {
  const dayKey = makeDayKey(options.timeZone);
  const label = makeDayLabeler(options);
  const rows: HeadlineRow[] = [];
  const rowOfItem = new Int32Array(items.length);
  const headerRows: number[] = [];
  let current: Extract<HeadlineRow, { kind: 'day' }> | null = null;
  // Items of one day are contiguous: while an item falls inside the current day's [start, end),
  // no date arithmetic is needed at all (the system zone knows its own midnights).
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < items.length; i++) {
    const time = items[i]!.time;
    if (!current || !(time >= dayStart && time < dayEnd)) {
      const key = dayKey(time);
      if (!options.timeZone && Number.isFinite(time)) {
        const d = new Date(time);
        dayStart = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
        dayEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
      }
      if (!current || current.key !== key) {
        current = { kind: 'day', key, label: label(key), count: 0 };
        headerRows.push(rows.length);
        rows.push(current);
      }
    }
    current.count++;
    rowOfItem[i] = rows.length;
    rows.push({ kind: 'item', itemIndex: i, dayLabel: current.label });
  }
  return { rows, rowOfItem, headerRows };
}

/** Rows without day headers (search results stay in ranking order). */
export function flatRows(items: readonly HeadlineItem[]): HeadlineRows {
  const rows: HeadlineRow[] = new Array(items.length);
  const rowOfItem = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    rows[i] = { kind: 'item', itemIndex: i, dayLabel: '' };
    rowOfItem[i] = i;
  }
  return { rows, rowOfItem, headerRows: [] };
}
