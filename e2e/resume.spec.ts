// Resume: a reload and a server restart come back to the same view, filter, search text, open
// article and the place in it; a half-read article shows its progress and reopens where it was left.

import { headlines, readerTitle, readingPane, searchBox } from './support/appPage';
import { startDevWeb } from './support/devWebServer';
import { expect, openApp, test } from './support/fixtures';

const TITLE = 'SIPRI：世界军费开支首次突破2万亿美元';

const pane = (page: import('@playwright/test').Page) => page.locator('[data-reader-scroll]');

test('view, search, open article and its scroll position survive a reload and a restart', async ({
  page,
  devWeb,
  archiveDir,
  dataDir,
}) => {
  await page.setViewportSize({ width: 1100, height: 560 });
  await openApp(page, devWeb);
  await page.getByRole('button', { name: /^Unread/ }).click();
  await searchBox(page).fill('SIPRI');
  await headlines(page).filter({ hasText: TITLE }).first().click();
  await expect(readerTitle(page)).toHaveText(TITLE);
  const scrollable = await pane(page).evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(scrollable).toBeGreaterThan(300);
  await pane(page).evaluate((el) => {
    el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) / 2);
  });
  // The position is saved once the scrolling stops; the session a little after each change.
  await page.waitForTimeout(1500);

  await page.reload();
  await expect(readerTitle(page)).toHaveText(TITLE);
  await expect(searchBox(page)).toHaveValue('SIPRI');
  await expect(page.getByRole('button', { name: /^Unread/ })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => pane(page).evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight)))
    .toBeCloseTo(0.5, 1);

  // Leave the search and the article: the list shows the half-read one with its progress bar.
  await searchBox(page).fill('');
  await page.getByRole('button', { name: 'All', exact: true }).click();
  const row = headlines(page).filter({ hasText: TITLE }).first();
  await expect(row.getByRole('img', { name: /% read/ })).toBeVisible();
  await page.waitForTimeout(1000);

  await devWeb.stop();
  const restarted = await startDevWeb({ libraries: [archiveDir], dataDir });
  try {
    await page.goto(restarted.url);
    await expect(readerTitle(page)).toHaveText(TITLE);
    await expect(page.getByRole('button', { name: 'All', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(searchBox(page)).toHaveValue('');
    await expect
      .poll(() => pane(page).evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight)))
      .toBeCloseTo(0.5, 1);
    await expect(readingPane(page)).toBeVisible();
    await page.screenshot({ path: 'out/screenshots/resume.png' });
  } finally {
    await restarted.stop();
  }
});
