// A star is kept in the data folder: it survives reloading the page and restarting the server.

import type { Page } from '@playwright/test';
import { headlines, openHeadline, readingPane } from './support/appPage';
import { startDevWeb } from './support/devWebServer';
import { expect, openApp, test } from './support/fixtures';

const TITLE = 'SIPRI：世界军费开支首次突破2万亿美元';

async function expectStarred(page: Page, starred: boolean): Promise<void> {
  await openHeadline(page, TITLE);
  await expect(readingPane(page).getByRole('button', { name: starred ? 'Unstar' : 'Star' })).toHaveAttribute(
    'aria-pressed',
    String(starred),
  );
  await expect(headlines(page).filter({ hasText: TITLE }).locator('.row-star.on')).toHaveCount(
    starred ? 1 : 0,
  );
}

test('a star survives a reload and a server restart', async ({ page, devWeb, archiveDir, dataDir }) => {
  await openApp(page, devWeb);
  await expectStarred(page, false);
  await readingPane(page).getByRole('button', { name: 'Star' }).click();
  await expect(readingPane(page).getByRole('button', { name: 'Unstar' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(headlines(page).filter({ hasText: TITLE }).locator('.row-star.on')).toHaveCount(1);

  // Reload: the token comes from sessionStorage now that the address bar no longer has it.
  await page.reload();
  await expect(page).toHaveURL(/\/$/);
  await expect(headlines(page).first()).toBeVisible();
  await expectStarred(page, true);

  await devWeb.stop();
  const restarted = await startDevWeb({ libraries: [archiveDir], dataDir });
  try {
    await page.goto(restarted.url);
    await expect(headlines(page).first()).toBeVisible();
    await expectStarred(page, true);
    await expect(headlines(page).filter({ hasText: 'Palace Museum' }).locator('.row-star.on')).toHaveCount(0);
  } finally {
    await restarted.stop();
  }
});
