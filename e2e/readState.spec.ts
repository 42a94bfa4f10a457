// Read state: skimming with j marks nothing, dwelling marks read, m toggles, the marks survive a
// reload, the Unread view and its counts follow, and "mark all as read" can be undone.

import type { Page } from '@playwright/test';
import { headlineList, headlines, readerTitle } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

const unreadButton = (page: Page) => page.getByRole('button', { name: /^Unread/ });
const unreadRows = (page: Page) => headlines(page).and(page.locator('.unread'));

test('read marks: dwell, skim, m, reload, Unread view, mark all with undo', async ({ page, devWeb }) => {
  // The page's clock runs as usual; the test moves it on past the dwell instead of sleeping.
  await page.clock.install();
  await openApp(page, devWeb);
  const titles = await headlines(page).locator('.headline-title').allTextContents();
  const status = await page.locator('.list-status').textContent();
  const total = Number(/(\d+) articles/.exec(status ?? '')?.[1]);
  expect(total).toBeGreaterThan(10);
  await expect(unreadButton(page)).toHaveText(`Unread${total}`);
  await expect(headlines(page).first()).toHaveClass(/unread/);

  // j-j-j skimming: the first two were open well under the dwell time and stay unread; the third,
  // left open, becomes read.
  await headlineList(page).focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(readerTitle(page)).toHaveText(titles[2]!);
  await expect(headlines(page).nth(2)).not.toHaveClass(/unread/, { timeout: 5000 });
  await expect(headlines(page).nth(0)).toHaveClass(/unread/);
  await expect(headlines(page).nth(1)).toHaveClass(/unread/);
  await expect(unreadButton(page)).toHaveText(`Unread${total - 1}`);
  // The sources sidebar counts the unread too.
  await expect(page.locator('.sources-all .sources-unread')).toHaveText(`${total - 1} unread,`);
  await expect(page.locator('.sources-all .sources-count')).toHaveText(String(total));

  // m: unread again, and it stays unread while it is open.
  await page.keyboard.press('m');
  await expect(headlines(page).nth(2)).toHaveClass(/unread/);
  // Past the dwell: no mark is sent (a mark's request starts as its timer fires) and none shows.
  const marked: string[] = [];
  const onRequest = (r: import('@playwright/test').Request) => {
    if (new URL(r.url()).pathname === '/api/setRead') marked.push(r.postData() ?? '');
  };
  page.on('request', onRequest);
  await page.clock.fastForward(3000); // twice the dwell (DWELL_MS)
  // Two frames: whatever the timers changed is on screen.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const g = globalThis as unknown as { requestAnimationFrame(run: () => void): number };
        g.requestAnimationFrame(() => g.requestAnimationFrame(() => done()));
      }),
  );
  page.off('request', onRequest);
  expect(marked).toEqual([]);
  await expect(headlines(page).nth(2)).toHaveClass(/unread/);
  await page.keyboard.press('m');
  await expect(headlines(page).nth(2)).not.toHaveClass(/unread/);

  // The mark is the user's data: a reload shows it.
  await page.reload();
  await expect(headlines(page).first()).toBeVisible();
  // (The first and third headlines share a title, as the seeds do: only the third was read.)
  await expect(headlines(page).nth(2)).not.toHaveClass(/unread/);
  await expect(headlines(page).nth(0)).toHaveClass(/unread/);
  await expect(unreadButton(page)).toHaveText(`Unread${total - 1}`);

  // The Unread view lists the others; its day headers count what is unread.
  await unreadButton(page).click();
  await expect(page.locator('.list-status')).toHaveText(`${total - 1} unread`);
  await expect(headlines(page).nth(1)).toHaveText(new RegExp(titles[1]!.slice(0, 10)));
  await expect(headlines(page).nth(2)).toHaveText(new RegExp(titles[3]!.slice(0, 10)));

  // n opens the next unread; reading it keeps it in the view until the view is left.
  await page.keyboard.press('n');
  await expect(readerTitle(page)).toHaveText(titles[0]!);
  await expect(headlines(page).nth(0)).not.toHaveClass(/unread/, { timeout: 5000 });
  await expect(page.locator('.list-status')).toHaveText(`${total - 1} unread`);

  // Mark all as read, then undo it.
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByText(`Marked ${total - 2} articles as read.`)).toBeVisible();
  await expect(unreadButton(page)).toHaveText('Unread');
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(unreadRows(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(headlines(page).nth(1)).toHaveClass(/unread/);
  await expect(unreadButton(page)).toHaveText(`Unread${total - 2}`);
  await expect(headlines(page).nth(2)).not.toHaveClass(/unread/);
  await page.screenshot({ path: 'out/screenshots/read-state.png' });
});
