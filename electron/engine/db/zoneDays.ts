// Calendar days of a time zone in SQL. A zone's UTC offset is constant between its transitions, so
// over the instants an archive spans the day of an instant `ms` is floor((ms + offset(ms)) / day),
// with offset(ms) a CASE over the transitions (a balanced tree of comparisons: a zone with DST over
// ten years has ~20 of them, 5 comparisons per row). The transitions are found with the same clock
// shared/listSelection makeDayKey uses (Date's local getters for the system zone, Intl for a named
// one), a year at a time, and kept per zone and year. Pure apart from those clocks.

import type { DayKey } from '../../../shared/listSelection';

export const DAY_MS = 86_400_000;
/** Days added before the integer division so it never sees a negative number (SQLite truncates). */
const SHIFT_DAYS = 110_000_000;
const WEEK_MS = 7 * DAY_MS;
const YEAR_MS = 366 * DAY_MS;

/** The zone's offset from UTC at an instant, ms ('' for the system zone). */
export function offsetClock(timeZone: string): (ms: number) => number {
  if (!timeZone) {
    return (ms) => {
      const d = new Date(ms);
      const wall = new Date(0);
      wall.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
      wall.setUTCHours(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
      return wall.getTime() - ms;
    };
  }
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms) => {
    const whole = Math.floor(ms / 1000) * 1000;
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(whole)) p[part.type] = part.value;
    const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
    const wall = new Date(0);
    wall.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
    wall.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
    return wall.getTime() - whole;
  };
}

/** [from, offset]: the offset in force from `from` on (the first one from -infinity). */
export type Segment = [from: number, offset: number];

/** The zone's offsets over one UTC year-long stretch starting at `start`, sampled weekly. */
function segmentsOf(offset: (ms: number) => number, start: number): Segment[] {
  const out: Segment[] = [[start, offset(start)]];
  for (let at = start; at < start + YEAR_MS; ) {
    const next = Math.min(at + WEEK_MS, start + YEAR_MS);
    const current = out[out.length - 1]![1];
    if (offset(next) === current) {
      at = next;
      continue;
    }
    // The first ms of another offset in (at, next].
    let lo = at;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === current) lo = mid;
      else hi = mid;
    }
    out.push([hi, offset(hi)]);
    at = hi;
  }
  return out;
}

const cache = new Map<string, Map<number, Segment[]>>();

/** The zone's offset segments covering [lo, hi] (ms), the first one open to the left. */
export function zoneSegments(timeZone: string, lo: number, hi: number): Segment[] {
  let years = cache.get(timeZone);
  if (!years) {
    years = new Map();
    cache.set(timeZone, years);
  }
  const offset = offsetClock(timeZone);
  const out: Segment[] = [];
  for (let y = Math.floor(lo / YEAR_MS); y <= Math.floor(hi / YEAR_MS); y++) {
    let segments = years.get(y);
    if (!segments) {
      segments = segmentsOf(offset, y * YEAR_MS);
      years.set(y, segments);
    }
    for (const s of segments) {
      const last = out[out.length - 1];
      if (!last || last[1] !== s[1]) out.push(s);
    }
  }
  if (out.length === 0) out.push([lo, offset(lo)]);
  return out;
}

/** The offset (ms) the segments give an instant. */
function offsetIn(segments: readonly Segment[], ms: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segments[mid]![0] <= ms) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo]![1];
}

/** SQL for the offset of the integer column `ms`: a balanced CASE over the segments. */
function offsetSql(column: string, segments: readonly Segment[], lo: number, hi: number): string {
  if (hi - lo === 1) return String(segments[lo]![1]);
  const mid = (lo + hi) >>> 1;
  return `(CASE WHEN ${column} < ${segments[mid]![0]} THEN ${offsetSql(column, segments, lo, mid)} ELSE ${offsetSql(column, segments, mid, hi)} END)`;
}

/** What a day is in SQL and back: the expression of the day number of `column`, and its DayKey. */
export interface ZoneDays {
  /** SQL: an integer per instant, increasing with its calendar day in the zone (NULL for NULL). */
  daySql: string;
  /** The DayKey of a value of daySql. */
  dayKeyOf(value: number): DayKey;
  /** The day number of an instant, as daySql computes it. */
  dayOf(ms: number): number;
  /** The first instant of day number `day` (the day numbers are monotonic in time). */
  firstMsOf(day: number): number;
}

export function zoneDays(timeZone: string, column: string, lo: number, hi: number): ZoneDays {
  const segments = zoneSegments(timeZone, lo, hi);
  const shift = SHIFT_DAYS * DAY_MS;
  const dayOf = (ms: number) => Math.floor((ms + offsetIn(segments, ms) + shift) / DAY_MS);
  return {
    daySql: `((${column} + ${offsetSql(column, segments, 0, segments.length)} + ${shift}) / ${DAY_MS})`,
    dayKeyOf(value) {
      const d = new Date((value - SHIFT_DAYS) * DAY_MS);
      return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
    },
    dayOf,
    firstMsOf(day) {
      // Every offset is within ±26 hours of UTC: bisect for the first ms on or after that day.
      let a = (day - SHIFT_DAYS) * DAY_MS - 26 * 3_600_000;
      let b = (day - SHIFT_DAYS) * DAY_MS + 26 * 3_600_000;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (dayOf(mid) >= day) b = mid;
        else a = mid;
      }
      return b;
    },
  };
}
