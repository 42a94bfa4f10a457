// The sidebar's Folders list: the library's folder and its top-level folders, each with its count
// and unread count; choosing one narrows the list (the choice stays above the list to clear it, and
// comes back after a reload); in English and in Chinese.

import { basename } from 'node:path';
import { headlines } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

test('the Folders list counts each folder and narrows the list to it', async ({
  page,
  devWeb,
  archiveDir,
}) => {
  await openApp(page, devWeb);
  const folders = page.getByRole('region', { name: 'Folders' });
  // The library's folder first (all 18 articles), then its folders by name.
  await expect(folders.locator('.sources-name')).toHaveText([
    basename(archiveDir),
    'hkcnews',
    '新媒体',
    '新浪财经',
    '编程',
    '金融',
  ]);
  await expect(folders.getByRole('button', { name: `${basename(archiveDir)} 18 unread` })).toBeVisible();
  const finance = folders.getByRole('button', { name: /^金融 / });
  await expect(finance).toHaveAccessibleName('金融 3 unread');

  await finance.click();
  await expect(finance).toHaveAttribute('aria-pressed', 'true');
  await expect(headlines(page)).toHaveCount(3);
  await expect(page.getByRole('button', { name: /^金融 · folder/ })).toBeVisible();

  // Reading one of them: the folder's unread count goes down, in the list and for the root.
  await headlines(page).first().click();
  await expect(headlines(page).first()).not.toHaveClass(/unread/, { timeout: 5000 });
  await expect(finance).toHaveAccessibleName(/^金融 2 unread, ?3$/);
  await expect(
    folders.getByRole('button', { name: new RegExp(`^${basename(archiveDir)} 17 unread, ?18$`) }),
  ).toBeVisible();
  await page.screenshot({ path: 'out/screenshots/folders.png' });

  // The choice is part of the session: it comes back after a reload.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(headlines(page)).toHaveCount(3);
  await expect(folders.getByRole('button', { name: /^金融 / })).toHaveAttribute('aria-pressed', 'true');

  // Choosing it again shows everything.
  await folders.getByRole('button', { name: /^金融 / }).click();
  await expect(page.locator('.list-status')).toContainText('18 articles');
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('the Folders list speaks Chinese', async ({ page, devWeb }) => {
    await openApp(page, devWeb);
    const folders = page.getByRole('region', { name: '文件夹' });
    await folders.getByRole('button', { name: /^hkcnews / }).click();
    await expect(headlines(page, '标题列表')).toHaveCount(5);
    await expect(page.getByRole('button', { name: /^hkcnews · 文件夹/ })).toBeVisible();
  });
});
