// Moving through time: an absolute date range (two keyboard-usable date fields), oldest first, and
// the undated article, which no date range includes.

import { headlineList, headlines, renderedRows } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

test('go to date moves the cursor to that day, or the nearest one past it', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  // Newest first: nothing on April 1 2022, so the next older article (SQLite, March 14).
  await page.getByLabel('Go to date').fill('2022-04-01');
  const cursor = headlineList(page).locator('[role="option"][aria-selected="true"]');
  await expect(cursor).toContainText('SQLite 3.38.1');
  await expect(headlineList(page)).toBeFocused();
  await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
  await page.getByLabel('Go to date').fill('2022-04-02');
  await expect(cursor).toContainText('SIPRI');
});

test('a range of calendar days, oldest first, leaves the undated article out', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  await page.getByRole('combobox', { name: 'Date range' }).selectOption('between');
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  await expect(from).toBeVisible();
  // Typed as a keyboard user would: the field takes the digits in the locale's order (en-US: m/d/y).
  await from.focus();
  await page.keyboard.type('03052022');
  await to.fill('2022-07-29');
  await expect(headlines(page)).toHaveCount(6);
  const rows = await renderedRows(page);
  expect(rows.filter((r) => r.kind === 'day').map((r) => r.kind === 'day' && r.label)).not.toContain(
    'Undated',
  );
  await expect(headlines(page).first()).toContainText('王毅会见俄罗斯外长拉夫罗夫');
  await expect(headlines(page).last()).toContainText('原地升级');

  await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
  await expect(headlines(page).first()).toContainText('原地升级');
  await expect(headlines(page).last()).toContainText('王毅会见俄罗斯外长拉夫罗夫');
  await page.screenshot({ path: 'out/screenshots/time-range.png' });

  // Any time again, oldest first: the undated article still comes last, in its own group.
  await page.getByRole('combobox', { name: 'Date range' }).selectOption('any');
  await expect(headlines(page).first()).toContainText('非本地課程乏監管');
  await headlineList(page).press('End');
  await expect(page.locator('.day-header .day-label').last()).toHaveText('Undated');
  await expect(headlines(page).last()).toContainText('Palace Museum');
});
