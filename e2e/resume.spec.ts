// Resume: a reload and a server restart come back to the same view, filter, search text and its
// switches (exact characters, order of results), open article and the place in it; a half-read
// article shows its progress and reopens where it was left.

import type { WindowSession } from '../shared/types';
import { bridgeCall, headlines, readerTitle, readingPane, searchBox } from './support/appPage';
import { startDevWeb } from './support/devWebServer';
import { expect, openApp, test } from './support/fixtures';

const TITLE = 'SIPRI：世界军费开支首次突破2万亿美元';

type Page = import('@playwright/test').Page;
const pane = (page: Page) => page.locator('[data-reader-scroll]');
const exactSwitch = (page: Page) => page.getByRole('button', { name: /Exact characters$/ });
const resultsOrder = (page: Page) => page.getByRole('combobox', { name: 'Order of results' });
/** The next session the window saves that `match` accepts, once it is saved. */
const sessionSaved = (page: Page, match: (s: WindowSession) => boolean) =>
  bridgeCall(page, 'saveSession', ([s]) => match(s as WindowSession));

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
  await exactSwitch(page).click();
  await resultsOrder(page).selectOption('newest');
  const saved = sessionSaved(
    page,
    (s) =>
      s.query === 'SIPRI' && s.openId !== null && s.exactCharacters === true && s.searchOrder === 'newest',
  );
  await headlines(page).filter({ hasText: TITLE }).first().click();
  await expect(readerTitle(page)).toHaveText(TITLE);
  await saved;
  const scrollable = await pane(page).evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(scrollable).toBeGreaterThan(300);
  // The position is saved once the scrolling stops.
  const progressSaved = bridgeCall(page, 'setReadProgress', ([, p]) => Math.abs(Number(p) - 0.5) < 0.05);
  await pane(page).evaluate((el) => {
    el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) / 2);
  });
  await progressSaved;

  await page.reload();
  await expect(readerTitle(page)).toHaveText(TITLE);
  await expect(searchBox(page)).toHaveValue('SIPRI');
  await expect(exactSwitch(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(resultsOrder(page)).toHaveValue('newest');
  await expect(page.getByRole('button', { name: /^Unread/ })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => pane(page).evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight)))
    .toBeCloseTo(0.5, 1);

  // Leave the search and the article: the list shows the half-read one with its progress bar.
  const left = sessionSaved(page, (s) => s.query === '' && s.view === 'all');
  await searchBox(page).fill('');
  await page.getByRole('button', { name: 'All', exact: true }).click();
  const row = headlines(page).filter({ hasText: TITLE }).first();
  await expect(row.getByRole('img', { name: /% read/ })).toBeVisible();
  await left;

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
    await expect(exactSwitch(page)).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => pane(page).evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight)))
      .toBeCloseTo(0.5, 1);
    await expect(readingPane(page)).toBeVisible();
    await page.screenshot({ path: 'out/screenshots/resume.png' });
  } finally {
    await restarted.stop();
  }
});
