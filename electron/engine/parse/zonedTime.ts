// Wall-clock time in an IANA zone -> UTC instant, using only Intl (no time-zone library).

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null; // not a zone this ICU knows
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall clock in `timeZone` ('' = the system zone) at instant `utcMs`, or null for a zone this
 * runtime does not know.
 */
export function wallTimeAt(utcMs: number, timeZone: string): WallTime | null {
  const formatter = formatterFor(timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (!formatter || !Number.isFinite(utcMs)) return null;
  const parts = formatter.formatToParts(utcMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: 0,
  };
}

/** Offset of `timeZone` from UTC at instant `utcMs`, in ms (east positive). */
function zoneOffsetAt(utcMs: number, formatter: Intl.DateTimeFormat): number {
  const parts = formatter.formatToParts(utcMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const wholeSeconds = Math.floor(utcMs / 1000) * 1000;
  return asUtc - wholeSeconds;
}

/**
 * The UTC instant of a wall-clock time in `timeZone` ('' = the system zone). Times that fall in a DST
 * gap move forward (02:30 on a spring-forward day is 03:30 new time); times that occur twice take the
 * first occurrence. Both match what Temporal calls "compatible". Returns NaN for an unknown zone.
 */
export function wallTimeToUtc(t: WallTime, timeZone: string): number {
  if (timeZone === '') {
    const local = new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
    if (t.year < 100) local.setFullYear(t.year);
    return local.getTime();
  }
  const formatter = formatterFor(timeZone);
  if (!formatter) return Number.NaN;
  const asUtc = utcOfWallTime(t);
  const firstOffset = zoneOffsetAt(asUtc, formatter);
  const first = asUtc - firstOffset;
  const secondOffset = zoneOffsetAt(first, formatter);
  if (secondOffset === firstOffset) return first;
  const second = asUtc - secondOffset;
  if (zoneOffsetAt(second, formatter) === secondOffset) return second;
  // In a gap neither candidate shows this wall time; the later one is the moved-forward reading.
  return Math.max(first, second);
}

function utcOfWallTime(t: WallTime): number {
  const d = new Date(Date.UTC(2000, 0, 1, t.hour, t.minute, t.second, t.millisecond));
  d.setUTCFullYear(t.year, t.month - 1, t.day);
  return d.getTime();
}
