// The sources sidebar: categories and sources as two lists with counts; choosing one narrows the
// list (and its name stays above the list to clear it); the lists narrow by typing; the sidebar
// collapses and stays collapsed after a reload.

import { headlines } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

// The entry's name: its count, and 'unread' when none of its articles is read yet (a fresh library).
const SINA_FINANCE = /^新浪财经 \d+( unread)?$/;

test('the sources sidebar filters the list', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  const sidebar = page.getByRole('navigation', { name: 'Categories and sources' });
  const sources = sidebar.getByRole('region', { name: 'Sources' });
  const categories = sidebar.getByRole('region', { name: 'Categories' });
  // 新浪财经 is both a category and a source in the sample: once in each list.
  await expect(sources.getByRole('button', { name: SINA_FINANCE })).toHaveCount(1);
  await expect(categories.getByRole('button', { name: SINA_FINANCE })).toHaveCount(1);
  await expect(sidebar.getByRole('button', { name: /^All articles/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await sources.getByRole('button', { name: SINA_FINANCE }).click();
  await expect(sources.getByRole('button', { name: SINA_FINANCE })).toHaveAttribute('aria-pressed', 'true');
  const countText = await sources
    .getByRole('button', { name: SINA_FINANCE })
    .locator('.sources-count')
    .textContent();
  const count = Number(countText?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await expect(headlines(page)).toHaveCount(count);
  await expect(page.getByRole('button', { name: /新浪财经 · source/ })).toBeVisible();
  await page.screenshot({ path: 'out/screenshots/sources-sidebar.png' });

  // The chip above the list clears the choice.
  await page.getByRole('button', { name: /新浪财经 · source/ }).click();
  await expect(page.locator('.list-status')).toContainText('18 articles');

  await sidebar.getByRole('searchbox', { name: 'Filter categories and sources' }).fill('hacker');
  await expect(sources.getByRole('button')).toHaveText([/Hacker News/]);
  await expect(categories.getByRole('button', { name: /^金融 \d+$/ })).toHaveCount(0);

  await sidebar.getByRole('button', { name: 'Hide categories and sources' }).click();
  await page.reload();
  await expect(headlines(page).first()).toBeVisible();
  const collapsed = page.getByRole('navigation', { name: 'Categories and sources' });
  await expect(collapsed.getByRole('button', { name: 'Show categories and sources' })).toBeVisible();
  await collapsed.getByRole('button', { name: 'Show categories and sources' }).click();
  await expect(collapsed.getByRole('region', { name: 'Sources' })).toBeVisible();
});
