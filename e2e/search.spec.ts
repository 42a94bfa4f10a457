// Search finds Chinese names and two-character words as well as English words, shows how many
// articles match, and marks the matching text.

import type { Page } from '@playwright/test';
import { headlines, searchBox } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

async function search(page: Page, text: string): Promise<void> {
  await searchBox(page).fill(text);
}

test('searches Chinese and English with counts and highlights', async ({ page, devWeb }) => {
  await openApp(page, devWeb);

  await search(page, '拉夫罗夫');
  await expect(page.getByText('2 results', { exact: true })).toBeVisible();
  await expect(headlines(page)).toHaveCount(2);
  for (const option of await headlines(page).all()) {
    await expect(option.locator('.headline-title mark')).toHaveText('拉夫罗夫');
  }

  // A two-character word: what trigram indexes cannot find.
  await search(page, '军费');
  await expect(page.getByText('1 result', { exact: true })).toBeVisible();
  await expect(headlines(page)).toHaveCount(1);
  await expect(headlines(page).first()).toContainText('SIPRI：世界军费开支首次突破2万亿美元');
  await expect(headlines(page).first().locator('.headline-title mark')).toHaveText('军费');

  // Case-insensitive English: "sql" finds "SQLite" and "Against SQL".
  await search(page, 'sql');
  await expect(page.getByText('2 results', { exact: true })).toBeVisible();
  await expect(headlines(page).filter({ hasText: 'Against SQL' }).locator('.headline-title mark')).toHaveText(
    ['SQL'],
  );
  await expect(
    headlines(page).filter({ hasText: 'SQLite 3.38.1' }).locator('.headline-title mark'),
  ).toHaveText('SQL');

  await search(page, 'zzqqxx');
  await expect(page.getByText('No articles match “zzqqxx”.')).toBeVisible();
  await expect(headlines(page)).toHaveCount(0);

  // Clearing the search brings every headline back.
  await searchBox(page).press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(headlines(page).filter({ hasText: 'AI 篮球裁判火了' })).toHaveCount(1);
});

test('Simplified finds Traditional unless exact characters; operators and their notices', async ({
  page,
  devWeb,
}) => {
  await openApp(page, devWeb);

  // The Hong Kong article is Traditional (非本地課程); a Simplified query finds it, highlighted as written.
  await search(page, '非本地课程');
  await expect(page.getByText('1 result', { exact: true })).toBeVisible();
  await expect(headlines(page).first().locator('.headline-title mark')).toHaveText('非本地課程');
  // Opened, the article marks its matches as written too; ] and [ step through them.
  await headlines(page).first().click();
  const hits = page.locator('.article-body mark.bs-hit');
  await expect(hits.first()).toHaveText('非本地課程');
  const count = await hits.count();
  expect(count).toBeGreaterThan(1);
  // The pane says how many there are, and which one [ and ] are on ("3 of 12").
  const matchNav = page.getByRole('group', { name: 'Search matches in the article' });
  await expect(matchNav.locator('output')).toHaveText(`${count} matches`);
  await page.locator('.headline-list, [role="listbox"]').first().focus();
  await page.keyboard.press(']');
  await expect(hits.nth(0)).toHaveClass(/bs-hit-current/);
  await expect(matchNav.locator('output')).toHaveText(`1 of ${count}`);
  await page.keyboard.press(']');
  await expect(hits.nth(1)).toHaveClass(/bs-hit-current/);
  await expect(matchNav.locator('output')).toHaveText(`2 of ${count}`);
  await page.keyboard.press('[');
  await expect(hits.nth(0)).toHaveClass(/bs-hit-current/);
  await expect(matchNav.locator('output')).toHaveText(`1 of ${count}`);
  // Its buttons step the same way, wrapping past the first.
  await matchNav.getByRole('button', { name: 'Previous match ([)' }).click();
  await expect(hits.nth(count - 1)).toHaveClass(/bs-hit-current/);
  await expect(matchNav.locator('output')).toHaveText(`${count} of ${count}`);
  await matchNav.getByRole('button', { name: 'Next match (])' }).click();
  await expect(matchNav.locator('output')).toHaveText(`1 of ${count}`);
  // Only the reading pane scrolls to a match: the window's frame stays put, its top bar in view.
  const frameScroll = await page.evaluate(() => {
    type Scrolled = { scrollTop: number } | null;
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): Scrolled; documentElement: Scrolled; body: Scrolled };
      }
    ).document;
    return [doc.documentElement, doc.body, doc.querySelector('#root'), doc.querySelector('.app')].reduce(
      (sum, el) => sum + (el?.scrollTop ?? 0),
      0,
    );
  });
  expect(frameScroll).toBe(0);
  await expect(searchBox(page)).toBeInViewport();
  await page.screenshot({ path: 'out/e2e-results/search-simplified-finds-traditional.png' });

  const exact = page.getByRole('button', { name: 'Exact characters' });
  await expect(exact).toHaveAttribute('aria-pressed', 'false');
  await exact.click();
  await expect(exact).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('No articles match “非本地课程”.')).toBeVisible();
  await search(page, '非本地課程');
  await expect(page.getByText('1 result', { exact: true })).toBeVisible();
  await exact.click();

  // OR, exclusion and a field; the order switch (relevance by default, or newest first).
  await search(page, '申诉专员 OR 拉夫罗夫');
  await expect(page.getByText('3 results', { exact: true })).toBeVisible();
  const order = page.getByRole('combobox', { name: 'Order of results' });
  await expect(order).toHaveValue('relevance');
  await order.selectOption('newest');
  // Newest first: the two 2022 Sina articles before the 2017 Hong Kong one.
  await expect(headlines(page).last()).toContainText('非本地課程');
  await order.selectOption('relevance');
  await search(page, '拉夫罗夫 -金边');
  await expect(page.getByText('1 result', { exact: true })).toBeVisible();
  await search(page, 'author:翁维恺');
  await expect(headlines(page)).toHaveCount(1);

  // What the parser does not support is said, not silently ignored.
  await search(page, 'title:王毅');
  await expect(page.getByText(/title: is not a search operator/)).toBeVisible();
  await page.screenshot({ path: 'out/e2e-results/search-operator-notice.png' });
});
