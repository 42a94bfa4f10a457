/** Formatters for the window, built once per locale (Intl constructors are slow). */
export interface DateFormats {
  /** 24-hour local time, "12:07". */
  time(ms: number): string;
  /** Short date and time for search results, "6 Aug 2022, 12:07". */
  shortDateTime(ms: number): string;
  /** Full date and time for the reading pane, "Saturday, 6 August 2022 at 12:07". */
  longDateTime(ms: number): string;
}

export function makeDateFormats(locale: string, timeZone?: string): DateFormats {
  const zone = timeZone ? { timeZone } : {};
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  });
  const short = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  });
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  });
  const safe = (format: Intl.DateTimeFormat) => (ms: number) =>
    Number.isFinite(ms) ? format.format(ms) : '—';
  return { time: safe(time), shortDateTime: safe(short), longDateTime: safe(long) };
}
