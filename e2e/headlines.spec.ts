// The bundled sample archive opens with its headlines grouped by day, newest first, and the one
// article without a date under "Undated" at the end.

import { headlineList, headlines, renderedRows } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

test('lists the sample archive by day, newest first, undated last', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  // The copy gives article_659.md (no date in its front matter) today's modification time: it must
  // not lead the list under "Today", but sit in an "Undated" group after every dated article.
  await expect(headlines(page).first()).toContainText('王毅会见俄罗斯外长拉夫罗夫');

  const rows = await renderedRows(page);
  const items = rows.filter((r) => r.kind === 'item');
  expect(items.slice(0, 4).map((r) => r.title)).toEqual([
    '王毅会见俄罗斯外长拉夫罗夫',
    'AI 篮球裁判火了，走步算得特别准，就问哈登慌不慌',
    '王毅会见俄罗斯外长拉夫罗夫',
    'Android对so体积优化的探索与实践 (tech.meituan.com)',
  ]);
  const dates = items.filter((r) => r.date !== '').map((r) => Date.parse(r.date));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  expect(rows.some((r) => r.kind === 'day' && r.label === 'Today')).toBe(false);

  // The last group: "Undated", holding the article without a date, its row showing no time.
  await headlineList(page).press('End');
  await expect(page.locator('.day-header .day-label').last()).toHaveText('Undated');
  const last = headlines(page).last();
  await expect(last).toContainText('Palace Museum a place of arts and politics');
  await expect(last.locator('time')).toHaveCount(0);

  // Every dated headline sits under the header of its own day, and each day has one header.
  await headlineList(page).press('Home');
  const top = await renderedRows(page);
  const days: string[] = [];
  let currentDay = '';
  for (const row of top) {
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
