import { type WallTime, wallTimeToUtc } from './zonedTime';

type DateReading =
  | { ok: true; ms: number; zoned: boolean } // zoned: the text named its own zone or offset
  | { ok: false; reason: 'empty' | 'unreadable' | 'unknown-zone' };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// Zone names RFC 2822 allows besides numeric offsets (obsolete US zones included: feeds still use them).
const NAMED_ZONES: Record<string, number> = {
  gmt: 0,
  ut: 0,
  utc: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

// Sat, 06 Aug 2022 04:07:06 GMT   (weekday optional, seconds optional, zone name or +hhmm)
const RFC_2822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*((?:GMT|UTC)?[+-]\d{2}:?\d{2}|[a-z]{1,3})?$/i;
// Sat Aug 06 2022 12:56:00 GMT+0800 (China Standard Time)   (what JavaScript's Date#toString writes)
const JS_DATE_STRING =
  /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:GMT|UTC)([+-]\d{4})(?:\s*\(.*\))?$/i;
// 2022-08-06, 2022-08-06T04:07:06Z, 2022-08-06 04:07:06.5 +08:00, 2001-12-14 21:59:43.10 -5 (YAML)
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/;
// 2022/08/06, 2022/8/6 12:56, 2022.08.06 12:56:01
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\s+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/;
// 2022年08月06日 12:56, 2022年8月6日, 2022年8月6日 12时56分
const CHINESE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})\s*分?(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?)?$/;

/**
 * Reads a front-matter date. Texts that name a zone or offset are exact; zone-less ones are wall
 * time in `timeZone` ('' = the system zone), as Hexo reads them. Never guesses UTC for a zone-less time.
 */
export function parseDate(value: unknown, timeZone: string): DateReading {
  if (value === undefined || value === null) return { ok: false, reason: 'empty' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { ok: false, reason: 'unreadable' }
      : { ok: true, ms: value.getTime(), zoned: true };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'unreadable' };
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > 100) return { ok: false, reason: 'unreadable' };

  let m = RFC_2822.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return { ok: false, reason: 'unreadable' };
    const wall = wallTime(m[3]!, month, m[1]!, m[4], m[5], m[6], undefined);
    const zone = m[7];
    if (zone === undefined) return fromWall(wall, timeZone);
    const sign = zone.search(/[+-]/);
    const offsetMinutes = sign === -1 ? namedOffset(zone) : numericOffset(zone.slice(sign));
    return fromOffset(wall, offsetMinutes);
  }
  m = JS_DATE_STRING.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (!month) return { ok: false, reason: 'unreadable' };
    return fromOffset(wallTime(m[3]!, month, m[2]!, m[4], m[5], m[6], undefined), numericOffset(m[7]!));
  }
  m = ISO_LIKE.exec(text);
  if (m) {
    const wall = wallTime(m[1]!, Number(m[2]), m[3]!, m[4], m[5], m[6], m[7]);
    const zone = m[8];
    if (zone === undefined) return fromWall(wall, timeZone);
    return fromOffset(wall, zone === 'Z' || zone === 'z' ? 0 : numericOffset(zone));
  }
  m = SLASHED.exec(text) ?? CHINESE.exec(text);
  if (m) return fromWall(wallTime(m[1]!, Number(m[2]), m[3]!, m[4], m[5], m[6], undefined), timeZone);
  return { ok: false, reason: 'unreadable' };
}

function wallTime(
  year: string,
  month: number,
  day: string,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
): WallTime | null {
  const t: WallTime = {
    year: Number(year),
    month,
    day: Number(day),
    hour: hour === undefined ? 0 : Number(hour),
    minute: minute === undefined ? 0 : Number(minute),
    second: second === undefined ? 0 : Number(second),
    millisecond: fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
  };
  if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > daysInMonth(t.year, t.month))
    return null;
  if (t.hour > 23 || t.minute > 59 || t.second > 60) return null;
  if (t.second === 60) t.second = 59; // a leap second: close enough for sorting and display
  return t;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `+0800`, `-05:00`, `+8`, `-5` -> minutes east of UTC, or NaN. */
function numericOffset(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  let hours: number;
  let minutes = 0;
  if (digits.length <= 2) hours = Number(digits);
  else {
    hours = Number(digits.slice(0, digits.length - 2));
    minutes = Number(digits.slice(-2));
  }
  if (hours > 18 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

function namedOffset(zone: string): number {
  const hours = NAMED_ZONES[zone.toLowerCase()];
  return hours === undefined ? Number.NaN : hours * 60;
}

function fromOffset(wall: WallTime | null, offsetMinutes: number): DateReading {
  if (!wall || Number.isNaN(offsetMinutes)) return { ok: false, reason: 'unreadable' };
  const d = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second, wall.millisecond));
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return { ok: true, ms: d.getTime() - offsetMinutes * 60_000, zoned: true };
}

function fromWall(wall: WallTime | null, timeZone: string): DateReading {
  if (!wall) return { ok: false, reason: 'unreadable' };
  const ms = wallTimeToUtc(wall, timeZone);
  if (Number.isNaN(ms)) return { ok: false, reason: 'unknown-zone' };
  return { ok: true, ms, zoned: false };
}
