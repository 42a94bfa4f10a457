// Stars are kept across libraries. A starred article whose folder is not open says so, names the
// folder, and opens it with one click; it is not called missing, and unstarring is never the advice.

import { rm } from 'node:fs/promises';
import { headlines, openHeadline, readerTitle, readingPane } from './support/appPage';
import { article, makeTempDir, writeArticle } from './support/archives';
import { expect, openApp, test } from './support/fixtures';

const TITLE = 'Kept from another archive';

test('a star in a folder that is not open names the folder and opens it in one click', async ({
  page,
  devWeb,
}) => {
  const other = await makeTempDir('other-archive');
  try {
    await writeArticle(
      other,
      'deep/kept.md',
      article({ title: TITLE, date: '2024-03-01 10:00:00' }, 'Kept body.'),
    );
    await openApp(page, devWeb);
    await page.getByRole('button', { name: 'Library' }).click();
    const panel = page.getByRole('dialog', { name: 'Library' });
    await panel.getByRole('textbox', { name: 'Folder path' }).fill(other);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(
      panel.getByRole('status').filter({ hasText: 'Added 1 folder to the library.' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await openHeadline(page, TITLE);
    await readingPane(page).getByRole('button', { name: 'Star' }).click();
    await expect(readingPane(page).getByRole('button', { name: 'Unstar' })).toBeVisible();

    await page.getByRole('button', { name: 'Library' }).click();
    await panel.getByRole('button', { name: `Remove ${other}` }).click();
    await expect(panel.getByText(other)).toHaveCount(0);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Starred/ }).click();
    const row = headlines(page).filter({ hasText: TITLE });
    await expect(row.getByText('folder not open')).toBeVisible();
    await expect(row.getByText('missing', { exact: true })).toHaveCount(0);
    await row.click();
    const pane = readingPane(page);
    await expect(
      pane.getByText(`This starred article is in a folder that is not open: ${other}`),
    ).toBeVisible();
    await expect(pane.getByText(/unstar/i)).toHaveCount(0);
    await pane.getByRole('button', { name: 'Open this folder' }).click();
    await expect(readerTitle(page)).toHaveText(TITLE);
    await expect(pane.getByText('Kept body.')).toBeVisible();
  } finally {
    await rm(other, { recursive: true, force: true });
  }
});
