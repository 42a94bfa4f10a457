// Clean-up rules in the window: the seed's QR advert and editor line are gone from the body, the
// editor is shown as metadata, and "Show original" brings the body back as written.

import { articleBodyText, openHeadline, readingPane } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

const TITLE = '王毅会见俄罗斯外长拉夫罗夫';
const ADVERT = '海量资讯、精准解读，尽在新浪财经APP';

test('the seed reads without its advert; Show original brings it back', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  await openHeadline(page, TITLE, 0);
  const pane = readingPane(page);
  await expect(pane.locator('.article-body')).toBeVisible();

  const cleaned = await articleBodyText(page);
  expect(cleaned).toContain('双方还就金砖合作');
  expect(cleaned).not.toContain(ADVERT);
  expect(cleaned).not.toContain('责任编辑');
  await expect(pane.locator('.reader-editor')).toHaveText(/^Editor: (李园|薛涛|李思阳)$/);
  await expect(pane.locator('.reader-cleaned')).toContainText('removed');
  await page.screenshot({ path: 'out/e2e-results/cleanup-cleaned.png' });

  await pane.getByRole('button', { name: 'Show original' }).click();
  await expect(pane.getByRole('button', { name: 'Show cleaned' })).toBeVisible();
  await expect.poll(() => articleBodyText(page)).toContain(ADVERT);
  expect(await articleBodyText(page)).toContain('责任编辑');
  await page.screenshot({ path: 'out/e2e-results/cleanup-original.png' });

  await pane.getByRole('button', { name: 'Show cleaned' }).click();
  await expect.poll(() => articleBodyText(page)).not.toContain(ADVERT);
});
