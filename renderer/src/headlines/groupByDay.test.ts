import { describe, expect, it } from 'vitest';
import { groupByDay, makeDayKey, previousDay } from './groupByDay';
import type { HeadlineItem } from './headlineItem';

function item(id: string, date: string): HeadlineItem {
  return { id, contentHash: '', title: id, date, time: Date.parse(date), source: '', missing: false };
}

const labels = { today: 'Today', yesterday: 'Yesterday' };

describe('groupByDay', () => {
  // 2022-08-07 09:00 in Shanghai (UTC+8).
  const now = Date.parse('2022-08-07T01:00:00.000Z');
  const items = [
    item('a', '2022-08-06T23:30:00.000Z'), // Aug 7 07:30 Shanghai — today
    item('b', '2022-08-06T04:07:06.000Z'), // Aug 6 12:07 — yesterday
    item('c', '2022-08-05T17:00:00.000Z'), // Aug 6 01:00 — yesterday
    item('d', '2022-07-29T04:55:15.000Z'), // Jul 29
  ];

  it('puts a header before each local day, newest first, with counts', () => {
    const { rows, headerRows, rowOfItem } = groupByDay(items, {
      now,
      locale: 'en-GB',
      timeZone: 'Asia/Shanghai',
      labels,
    });
    expect(
      rows.map((r) => (r.kind === 'day' ? `# ${r.label} (${r.count})` : items[r.itemIndex]!.id)),
    ).toEqual(['# Today (1)', 'a', '# Yesterday (2)', 'b', 'c', '# Friday, 29 July 2022 (1)', 'd']);
    expect(headerRows).toEqual([0, 2, 5]);
    expect([...rowOfItem]).toEqual([1, 3, 4, 6]);
  });

  it('splits days by the zone, not by UTC', () => {
    const inNewYork = groupByDay(items, { now, locale: 'en-US', timeZone: 'America/New_York', labels });
    // In New York "now" is Aug 6 21:00: a (Aug 6 19:30) and b (Aug 6 00:07) are today, c (Aug 5 13:00) yesterday.
    expect(inNewYork.rows.filter((r) => r.kind === 'day').map((r) => r.kind === 'day' && r.label)).toEqual([
      'Today',
      'Yesterday',
      'Friday, July 29, 2022',
    ]);
  });

  it('labels older days in Chinese', () => {
    const { rows } = groupByDay([item('d', '2022-08-06T04:07:06.000Z')], {
      now: Date.parse('2023-01-01T00:00:00.000Z'),
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      labels: { today: '今天', yesterday: '昨天' },
    });
    const header = rows[0];
    expect(header?.kind === 'day' && header.label.replace(/\s/g, '')).toBe('2022年8月6日星期六');
  });

  it('handles no items', () => {
    expect(groupByDay([], { now, locale: 'en', labels }).rows).toEqual([]);
  });
});

describe('day keys', () => {
  it('count calendar days across month, year and DST boundaries', () => {
    expect(previousDay(20220301)).toBe(20220228);
    expect(previousDay(20240301)).toBe(20240229);
    expect(previousDay(20230101)).toBe(20221231);
    // Berlin springs forward on 2022-03-27: the day before is still the 26th.
    const key = makeDayKey('Europe/Berlin');
    expect(key(Date.parse('2022-03-27T22:30:00.000Z'))).toBe(20220328);
    expect(previousDay(key(Date.parse('2022-03-27T22:30:00.000Z')))).toBe(20220327);
    expect(key(Date.parse('2022-03-26T23:30:00.000Z'))).toBe(20220327);
  });

  it('uses quarter-hour offsets correctly (Kathmandu is UTC+5:45)', () => {
    const key = makeDayKey('Asia/Kathmandu');
    expect(key(Date.parse('2022-08-06T18:14:00.000Z'))).toBe(20220806);
    expect(key(Date.parse('2022-08-06T18:15:00.000Z'))).toBe(20220807);
  });
});
