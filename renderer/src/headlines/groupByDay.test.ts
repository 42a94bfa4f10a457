import { describe, expect, it } from 'vitest';
import { flatRows, groupByDay, type HeadlineRows, makeDayKey, previousDay } from './groupByDay';
import type { HeadlineItem } from './headlineItem';

function item(id: string, date: string): HeadlineItem {
  return { id, contentHash: '', title: id, date, time: Date.parse(date), source: '', missing: false };
}

const labels = { today: 'Today', yesterday: 'Yesterday', undated: 'Undated' };

function allRows(grouped: HeadlineRows) {
  return Array.from({ length: grouped.count }, (_, i) => grouped.rowAt(i)!);
}

/** Every way of reading the rows agrees with every other, and out-of-range asks get nothing. */
function expectConsistent(grouped: HeadlineRows, itemCount: number): void {
  const rows = allRows(grouped);
  expect(rows.map((r, i) => grouped.isHeader(i) === (r.kind === 'day'))).not.toContain(false);
  expect(rows.flatMap((r, i) => (r.kind === 'day' ? [i] : []))).toEqual(grouped.headerRows);
  for (let item = 0; item < itemCount; item++) {
    const row = grouped.rowAt(grouped.rowOfItem(item));
    expect(row?.kind === 'item' && row.itemIndex).toBe(item);
  }
  expect(rows.filter((r) => r.kind === 'item')).toHaveLength(itemCount);
  expect(grouped.rowAt(-1)).toBeUndefined();
  expect(grouped.rowAt(grouped.count)).toBeUndefined();
  expect(grouped.rowOfItem(itemCount)).toBe(-1);
  expect(grouped.rowOfItem(-1)).toBe(-1);
}

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
    const grouped = groupByDay(items, { now, locale: 'en-GB', timeZone: 'Asia/Shanghai', labels });
    expect(
      allRows(grouped).map((r) =>
        r.kind === 'day' ? `# ${r.label} (${r.count})` : `${items[r.itemIndex]!.id} in ${r.dayLabel}`,
      ),
    ).toEqual([
      '# Today (1)',
      'a in Today',
      '# Yesterday (2)',
      'b in Yesterday',
      'c in Yesterday',
      '# Friday, 29 July 2022 (1)',
      'd in Friday, 29 July 2022',
    ]);
    expect(grouped.headerRows).toEqual([0, 2, 5]);
    expect(items.map((_, i) => grouped.rowOfItem(i))).toEqual([1, 3, 4, 6]);
    expectConsistent(grouped, items.length);
  });

  it('stays consistent over thousands of items in the system zone', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      item(`i${i}`, new Date(Date.parse('2022-08-07T12:00:00.000Z') - i * 37 * 60_000).toISOString()),
    );
    const grouped = groupByDay(many, { now, locale: 'en', labels });
    expect(grouped.headerRows.length).toBeGreaterThan(100);
    expectConsistent(grouped, many.length);
  });

  it('lists search results flat, in their own order', () => {
    const flat = flatRows(items);
    expect(allRows(flat).map((r) => r.kind === 'item' && items[r.itemIndex]!.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expectConsistent(flat, items.length);
  });

  it('splits days by the zone, not by UTC', () => {
    const inNewYork = groupByDay(items, { now, locale: 'en-US', timeZone: 'America/New_York', labels });
    // In New York "now" is Aug 6 21:00: a (Aug 6 19:30) and b (Aug 6 00:07) are today, c (Aug 5 13:00) yesterday.
    expect(allRows(inNewYork).flatMap((r) => (r.kind === 'day' ? [r.label] : []))).toEqual([
      'Today',
      'Yesterday',
      'Friday, July 29, 2022',
    ]);
  });

  it('labels older days in Chinese', () => {
    const grouped = groupByDay([item('d', '2022-08-06T04:07:06.000Z')], {
      now: Date.parse('2023-01-01T00:00:00.000Z'),
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      labels: { today: '今天', yesterday: '昨天', undated: '无日期' },
    });
    const header = grouped.rowAt(0);
    expect(header?.kind === 'day' && header.label.replace(/\s/g, '')).toBe('2022年8月6日星期六');
  });

  it('puts undated articles in one "Undated" group at the end, never under Today', () => {
    // Their file times are today's: the group must come from the flag, not from the time.
    const undated = { ...item('u1', '2022-08-07T00:30:00.000Z'), undated: true };
    const undated2 = { ...item('u2', '2022-07-01T00:00:00.000Z'), undated: true };
    const list = [...items, undated, undated2];
    const grouped = groupByDay(list, { now, locale: 'en-GB', timeZone: 'Asia/Shanghai', labels });
    const headers = allRows(grouped).flatMap((r) => (r.kind === 'day' ? [`${r.label} (${r.count})`] : []));
    expect(headers).toEqual(['Today (1)', 'Yesterday (2)', 'Friday, 29 July 2022 (1)', 'Undated (2)']);
    const last = grouped.rowAt(grouped.count - 1);
    expect(last?.kind === 'item' && last.dayLabel).toBe('Undated');
    expectConsistent(grouped, list.length);
    // Same in the system zone's fast path.
    const system = groupByDay([undated, undated2], { now, locale: 'en', labels });
    expect(allRows(system).map((r) => r.kind)).toEqual(['day', 'item', 'item']);
  });

  it('handles no items', () => {
    const none = groupByDay([], { now, locale: 'en', labels });
    expect(none.count).toBe(0);
    expectConsistent(none, 0);
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
