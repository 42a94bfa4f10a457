import { describe, expect, it } from 'vitest';
import { isKnownTimeZone } from '../../../shared/settingsRules';
import { parseDate } from './parseDate';
import { wallTimeToUtc } from './zonedTime';

const iso = (value: unknown, zone: string) => {
  const r = parseDate(value, zone);
  return r.ok ? new Date(r.ms).toISOString() : r.reason;
};

describe('parseDate: texts that carry their zone', () => {
  it('reads RFC 1123 / RFC 2822 dates', () => {
    expect(iso('Sat, 06 Aug 2022 04:07:06 GMT', 'Asia/Shanghai')).toBe('2022-08-06T04:07:06.000Z');
    expect(iso('Fri, 29 Jul 2022 04:55:15 +0800', '')).toBe('2022-07-28T20:55:15.000Z');
    expect(iso('6 Aug 2022 04:07 EST', '')).toBe('2022-08-06T09:07:00.000Z');
    expect(iso('Sat, 06 August 2022 04:07:06 UTC', '')).toBe('2022-08-06T04:07:06.000Z');
    expect(iso('Sat, 06 Aug 2022 12:07:06 GMT+08:00', '')).toBe('2022-08-06T04:07:06.000Z');
    // no zone at all: wall time in the chosen zone, like every other zone-less form
    expect(iso('Sat, 06 Aug 2022 12:07:06', 'Asia/Shanghai')).toBe('2022-08-06T04:07:06.000Z');
  });
  it('reads ISO 8601 with a zone, and what Date#toString writes', () => {
    expect(iso('2022-08-06T04:07:06Z', 'America/New_York')).toBe('2022-08-06T04:07:06.000Z');
    expect(iso('2022-08-06T12:07:06.250+08:00', '')).toBe('2022-08-06T04:07:06.250Z');
    expect(iso('2001-12-14 21:59:43.10 -5', '')).toBe('2001-12-15T02:59:43.100Z');
    expect(iso('2022-08-06T12:07:06+0800', '')).toBe('2022-08-06T04:07:06.000Z');
    expect(iso('Sat Aug 06 2022 12:56:00 GMT+0800 (China Standard Time)', '')).toBe(
      '2022-08-06T04:56:00.000Z',
    );
  });
});

describe('parseDate: zone-less texts are wall time in the chosen zone', () => {
  it('reads Hexo-style YYYY-MM-DD hh:mm:ss in the given zone, not UTC', () => {
    expect(iso('2021-03-22 05:05:06', 'Asia/Shanghai')).toBe('2021-03-21T21:05:06.000Z');
    expect(iso('2021-03-22 05:05:06', 'America/New_York')).toBe('2021-03-22T09:05:06.000Z'); // EDT
    expect(iso('2021-01-22 05:05:06', 'America/New_York')).toBe('2021-01-22T10:05:06.000Z'); // EST
    expect(iso('2021-03-22T05:05', 'Europe/London')).toBe('2021-03-22T05:05:00.000Z');
  });
  it('reads plain YYYY-MM-DD (hkcnews) as midnight in the zone', () => {
    expect(iso('2017-12-10', 'Asia/Shanghai')).toBe('2017-12-09T16:00:00.000Z');
    expect(iso('2017-12-10', 'America/New_York')).toBe('2017-12-10T05:00:00.000Z');
  });
  it('reads common Chinese forms', () => {
    expect(iso('2022年08月06日 12:56', 'Asia/Shanghai')).toBe('2022-08-06T04:56:00.000Z');
    expect(iso('2022年8月6日', 'Asia/Shanghai')).toBe('2022-08-05T16:00:00.000Z');
    expect(iso('2022/08/06 12:56', 'Asia/Shanghai')).toBe('2022-08-06T04:56:00.000Z');
    expect(iso('2022/8/6', 'Asia/Shanghai')).toBe('2022-08-05T16:00:00.000Z');
    expect(iso('2022年8月6日 12时56分', 'Asia/Shanghai')).toBe('2022-08-06T04:56:00.000Z');
  });
  it('uses the system zone when no zone is given', () => {
    const r = parseDate('2021-03-22 05:05:06', '');
    expect(r).toMatchObject({ ok: true, zoned: false });
    expect(r.ok && r.ms).toBe(new Date(2021, 2, 22, 5, 5, 6).getTime());
  });
  it('handles DST gaps (moves forward) and overlaps (first occurrence) in New York', () => {
    // 2021-03-14 02:30 does not exist in New York: read as 03:30 EDT.
    expect(iso('2021-03-14 02:30:00', 'America/New_York')).toBe('2021-03-14T07:30:00.000Z');
    // 2021-11-07 01:30 happens twice: the first (EDT) is taken.
    expect(iso('2021-11-07 01:30:00', 'America/New_York')).toBe('2021-11-07T05:30:00.000Z');
    expect(iso('2021-11-07 03:00:00', 'America/New_York')).toBe('2021-11-07T08:00:00.000Z');
  });
});

describe('parseDate: unusable values', () => {
  it('tells empty from unreadable', () => {
    expect(iso(undefined, '')).toBe('empty');
    expect(iso(null, '')).toBe('empty');
    expect(iso('', '')).toBe('empty');
    expect(iso('   ', '')).toBe('empty');
    for (const bad of [
      'Invalid Date',
      'yesterday',
      '2022-13-01',
      '2022-02-30',
      '2021-03-22 25:00',
      'Sat, 06 Foo 2022 04:07:06 GMT',
      42,
      { a: 1 },
      ['2022-01-01'],
    ]) {
      expect(iso(bad, 'Asia/Shanghai'), JSON.stringify(bad)).toBe('unreadable');
    }
  });
  it('reports an unknown time zone instead of guessing', () => {
    expect(iso('2021-03-22 05:05:06', 'Mars/Olympus')).toBe('unknown-zone');
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    // a zoned text does not need the setting at all
    expect(iso('2022-08-06T04:07:06Z', 'Mars/Olympus')).toBe('2022-08-06T04:07:06.000Z');
  });
  it('accepts leap days only in leap years', () => {
    expect(iso('2024-02-29', 'UTC')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('2023-02-29', 'UTC')).toBe('unreadable');
  });
});

describe('wallTimeToUtc', () => {
  it('agrees with Intl for every hour of a DST-switching year in New York', () => {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      hour: 'numeric',
    });
    for (let h = 0; h < 365 * 24; h += 7) {
      const utc = Date.UTC(2021, 0, 1) + h * 3_600_000;
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
      }).formatToParts(utc);
      const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
      const back = wallTimeToUtc(
        {
          year: get('year'),
          month: get('month'),
          day: get('day'),
          hour: get('hour'),
          minute: 0,
          second: 0,
          millisecond: 0,
        },
        'America/New_York',
      );
      expect(fmt.format(back)).toBe(fmt.format(utc));
    }
  });
});
