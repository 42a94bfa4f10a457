// The timeline in the sidebar: the list's articles counted per year, the open year's months as a
// grid; choosing a year or a month moves the list (its cursor, and the day at the top) to the first
// article there in the list's order, by mouse or keyboard; in English and in Chinese.

import type { Page } from '@playwright/test';
import { headlineList, readerTitle } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

/** How far below the top of the list the cursor's row is, in px. */
async function cursorOffset(page: Page): Promise<number> {
  return headlineList(page).evaluate((list) => {
    const cursor = list.querySelector('[role="option"][aria-selected="true"]');
    return cursor ? cursor.getBoundingClientRect().top - list.getBoundingClientRect().top : -1;
  });
}

test('the timeline counts the list by year and month and moves the list there', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const years = timeline.locator('.timeline-year .sources-name');
  await expect(years).toHaveText(['2022', '2021', '2018', '2017']);
  await expect(timeline.getByRole('button', { name: '2022: 8 articles' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(timeline.getByRole('button', { name: '2018: 1 article' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  // The open year's months, January to December; a month with no article cannot be chosen.
  await expect(timeline.getByRole('button', { name: 'March 2022: 3 articles' })).toBeEnabled();
  await expect(timeline.getByRole('button', { name: 'January 2022: 0 articles' })).toBeDisabled();

  // A year: its months open, and the list moves to its newest article, with its day at the top.
  await timeline.getByRole('button', { name: '2021: 6 articles' }).click();
  const cursor = headlineList(page).locator('[role="option"][aria-selected="true"]');
  await expect(cursor.locator('time')).toHaveAttribute('datetime', /^2021-12-31T/);
  await expect(headlineList(page)).toBeFocused();
  await expect.poll(() => cursorOffset(page)).toBeLessThan(60);
  await expect(timeline.getByRole('button', { name: '2021: 6 articles' })).toHaveAttribute(
    'aria-current',
    'date',
  );
  await expect(timeline.getByRole('button', { name: 'December 2021: 1 article' })).toHaveAttribute(
    'aria-current',
    'date',
  );
  await page.screenshot({ path: 'out/screenshots/timeline.png' });

  // By keyboard: Tab from the year to its first month with articles (June), Enter moves there.
  await timeline.getByRole('button', { name: '2021: 6 articles' }).focus();
  await page.keyboard.press('Tab');
  await expect(timeline.getByRole('button', { name: 'June 2021: 2 articles' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cursor.locator('time')).toHaveAttribute('datetime', /^2021-06-24T/);
  await page.keyboard.press('Enter');
  await expect(readerTitle(page)).toContainText(/\S/);
  await expect(timeline.getByRole('button', { name: 'June 2021: 2 articles' })).toHaveAttribute(
    'aria-current',
    'date',
  );

  // Oldest first: the years follow the list, and a year starts at its oldest article.
  await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
  await expect(years).toHaveText(['2017', '2018', '2021', '2022']);
  await timeline.getByRole('button', { name: '2022: 8 articles' }).click();
  await expect(cursor.locator('time')).toHaveAttribute('datetime', /^2022-03-05T/);

  // The timeline maps the list as shown: a search (in relevance order) has none.
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('SQLite');
  await expect(timeline).toHaveCount(0);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('the timeline speaks Chinese', async ({ page, devWeb }) => {
    await openApp(page, devWeb);
    const timeline = page.getByRole('region', { name: '时间线' });
    await expect(timeline.getByRole('button', { name: '2022 年：8 篇文章' })).toBeVisible();
    await timeline.getByRole('button', { name: '2017 年：2 篇文章' }).click();
    await expect(timeline.getByRole('button', { name: '2017年3月：2 篇文章' })).toHaveAttribute(
      'aria-current',
      'date',
    );
    await page.screenshot({ path: 'out/screenshots/timeline-zh.png' });
  });
});
