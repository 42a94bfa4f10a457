// Screenshots of the main views, light and dark, English and Chinese UI. Every e2e run takes them
// into out/screenshots (to look at; a test run must not change tracked files); `npm run screenshots`
// takes them into docs/screenshots, the README's pictures.

import { join } from 'node:path';
import { headlineList, headlines, openHeadline, searchBox } from './support/appPage';
import { REPO_ROOT } from './support/devWebServer';
import { expect, openApp, test } from './support/fixtures';

const OUT = process.env.BROADSHEET_SCREENSHOTS_DIR
  ? join(REPO_ROOT, process.env.BROADSHEET_SCREENSHOTS_DIR)
  : join(REPO_ROOT, 'out', 'screenshots');

test.describe('English, light', () => {
  test.use({ colorScheme: 'light', locale: 'en-US' });
  test('reading an article; search results', async ({ page, devWeb }) => {
    await openApp(page, devWeb);
    await openHeadline(page, '王毅会见俄罗斯外长拉夫罗夫');
    await page.screenshot({ path: join(OUT, 'reader-light.png') });
    await searchBox(page).fill('拉夫罗夫');
    await expect(page.getByText('2 results', { exact: true })).toBeVisible();
    await page.screenshot({ path: join(OUT, 'search-light.png') });
  });
});

test.describe('English, dark', () => {
  test.use({ colorScheme: 'dark', locale: 'en-US' });
  test('reading an article; the shortcuts dialog', async ({ page, devWeb }) => {
    await openApp(page, devWeb);
    // The end of the list: the article without a date, in its "Undated" group.
    await headlineList(page).press('End');
    await openHeadline(page, 'Palace Museum a place of arts and politics');
    await page.screenshot({ path: join(OUT, 'reader-dark.png') });
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: join(OUT, 'shortcuts-dark.png') });
  });
});

test.describe('Chinese UI', () => {
  test.use({ colorScheme: 'light', locale: 'zh-CN' });
  test('headlines and an article', async ({ page, devWeb }) => {
    await page.goto(devWeb.url);
    const list = headlines(page, '标题列表');
    await expect(list.first()).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('searchbox', { name: '搜索文章' })).toBeVisible();
    await list.filter({ hasText: 'SIPRI' }).click();
    await expect(
      page.getByRole('region', { name: '阅读区' }).getByRole('heading', { level: 1 }).first(),
    ).toHaveText('SIPRI：世界军费开支首次突破2万亿美元');
    await page.screenshot({ path: join(OUT, 'reader-zh-CN.png') });
  });
});
