// The bundled sample archive opens with its headlines grouped by day, newest first.

import { headlines, renderedRows } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

test('lists the sample archive by day, newest first', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  // The copy gives article_659.md (no date in its front matter) today's modification time.
  await expect(headlines(page).first()).toContainText('Palace Museum a place of arts and politics');

  const rows = await renderedRows(page);
  const items = rows.filter((r) => r.kind === 'item');
  expect(items.slice(1, 5).map((r) => r.title)).toEqual([
    '王毅会见俄罗斯外长拉夫罗夫',
    'AI 篮球裁判火了，走步算得特别准，就问哈登慌不慌',
    '王毅会见俄罗斯外长拉夫罗夫',
    'Android对so体积优化的探索与实践 (tech.meituan.com)',
  ]);
  const dates = items.map((r) => Date.parse(r.date));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));

  // Every headline sits under the header of its own day, and each day has one header.
  expect(rows[0]).toEqual({ kind: 'day', label: 'Today' });
  const days: string[] = [];
  let currentDay = '';
  for (const row of rows) {
    if (row.kind === 'day') {
      currentDay = '';
      days.push(row.label);
      continue;
    }
    const day = row.date.slice(0, 10);
    if (currentDay === '') currentDay = day;
    expect(day, `"${row.title}" is under the header of another day`).toBe(currentDay);
  }
  expect(new Set(days).size).toBe(days.length);
  expect(days.length).toBeGreaterThanOrEqual(5);
});
