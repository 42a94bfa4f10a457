// Export from the window: the dialog offers the current list, the starred articles or the open
// article in three formats, shows progress and a summary; the browser build writes under the data
// folder (there is no save dialog), so the test reads the file there.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headlines, openHeadline, searchBox } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

test('exports the current search as one HTML file and says where it went', async ({
  page,
  devWeb,
  dataDir,
}) => {
  await openApp(page, devWeb);
  await searchBox(page).fill('拉夫罗夫');
  await expect(headlines(page)).toHaveCount(2);
  await openHeadline(page, '王毅会见俄罗斯外长拉夫罗夫', 0);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export articles' });
  await expect(dialog.getByRole('radio', { name: /The current list \(2\)/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /The open article \(1\)/ })).toBeEnabled();
  await dialog.getByRole('radio', { name: /One HTML file/ }).check();
  await page.screenshot({ path: 'out/e2e-results/export-dialog.png' });
  await dialog.getByRole('button', { name: 'Export 2' }).click();

  await expect(dialog.getByRole('status')).toHaveText('Exported 2 of 2 articles to:');
  await expect(dialog.getByText('Pictures saved: 0; not saved: 2.')).toBeVisible();
  await page.screenshot({ path: 'out/e2e-results/export-summary.png' });
  const where = (await dialog.locator('.export-destination').textContent())!;
  expect(where.startsWith(join(dataDir, 'exports'))).toBe(true);
  const html = await readFile(where, 'utf8');
  expect(html).toContain('双方还就金砖合作');
  expect(html).not.toContain('<script');
  expect(html).not.toContain('海量资讯、精准解读，尽在新浪财经APP');
  await dialog.getByText('Close', { exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await readdir(join(dataDir, 'exports'))).toHaveLength(1);
});
