// Reading comfort: typeface, column width, line height and headline density from the Aa menu,
// remembered across a reload; Shift Space pages back up; a focused article scrolls by its own keys;
// an empty article says it is empty.

import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { headlineList, headlines, openHeadline, readerTitle, readingPane } from './support/appPage';
import { E2E_FIXTURES } from './support/archives';
import { expect, openApp, test } from './support/fixtures';

test.use({ archiveExtras: [join(E2E_FIXTURES, 'empty-article.md')] });

const LONG = 'SIPRI：世界军费开支首次突破2万亿美元';
const scroll = (page: Page) => page.locator('[data-reader-scroll]');
const article = (page: Page) => readingPane(page).locator('.reader-article');

test('typeface, width, line height and density are chosen in the Aa menu and remembered', async ({
  page,
  devWeb,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, devWeb);
  await openHeadline(page, LONG);
  const options = readingPane(page).getByRole('button', { name: 'Reading options' });
  await options.click();
  const menu = page.getByRole('dialog', { name: 'Reading options' });
  const rowHeight = () =>
    headlines(page)
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
  expect(await rowHeight()).toBe(80);

  await menu.getByRole('button', { name: 'Sans', exact: true }).click();
  await menu.getByRole('button', { name: 'Wide' }).click();
  await menu.getByRole('button', { name: 'Looser lines' }).click();
  await menu.getByRole('button', { name: 'Looser lines' }).click();
  await expect(menu.locator('output')).toHaveText('1.9');
  await menu.getByRole('button', { name: 'Preview' }).click();
  // (The first headline is the empty article: its preview line is blank.)
  await expect(headlines(page).nth(1).locator('.headline-preview')).not.toHaveText(/^\s*$/);
  expect(await rowHeight()).toBe(76);
  await page.screenshot({ path: 'out/screenshots/reading-options.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  const look = () =>
    article(page).evaluate((el) => {
      type Style = { getPropertyValue(name: string): string; maxWidth: string };
      const { getComputedStyle } = globalThis as unknown as { getComputedStyle(e: unknown): Style };
      const style = getComputedStyle(el);
      return {
        font: style.getPropertyValue('--reader-font'),
        line: style.getPropertyValue('--reader-line-height'),
        width: style.maxWidth,
      };
    });
  const chosen = await look();
  expect(chosen.font).toContain('system-ui');
  expect(chosen.width).toBe('920px');

  await page.reload();
  await expect(readerTitle(page)).toHaveText(LONG);
  expect(await look()).toEqual(chosen);
  expect(await rowHeight()).toBe(76);

  // Compact rows: one line each, no wasted space.
  await readingPane(page).getByRole('button', { name: 'Reading options' }).click();
  await page
    .getByRole('dialog', { name: 'Reading options' })
    .getByRole('button', { name: 'Compact' })
    .click();
  expect(await rowHeight()).toBe(54);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'out/screenshots/compact-rows.png' });
});

test('Shift Space pages back up, a focused article scrolls by its own keys, an empty one says so', async ({
  page,
  devWeb,
}) => {
  await page.setViewportSize({ width: 1100, height: 560 });
  await openApp(page, devWeb);
  await openHeadline(page, 'An article with nothing in it');
  await expect(readingPane(page).getByText('This article is empty')).toBeVisible();

  await openHeadline(page, LONG);
  await headlineList(page).focus();
  const top = () => scroll(page).evaluate((el) => el.scrollTop);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect.poll(top).toBeGreaterThan(400);
  const down = await top();
  await page.keyboard.press('Shift+Space');
  await expect.poll(top).toBeLessThan(down);

  // Clicked into, the article takes the arrows and End; the headline highlight stays where it was.
  const selected = await headlines(page).and(page.locator('[aria-selected="true"]')).textContent();
  await scroll(page).click({ position: { x: 20, y: 200 } });
  await page.keyboard.press('End');
  await expect
    .poll(() => scroll(page).evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop))
    .toBeLessThan(4);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(top).toBeGreaterThan(0);
  expect(await headlines(page).and(page.locator('[aria-selected="true"]')).textContent()).toBe(selected);
  await expect(readerTitle(page)).toHaveText(LONG);
});
