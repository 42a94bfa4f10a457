// The original and the file: "Open original" opens the article's web address in a new tab (the
// browser build), "Copy link" puts it on the clipboard, relative links in a body resolve against it
// and are marked unavailable (not clickable and dead) when the article has no address. The browser
// build does not offer "Show in folder" (the app does; electron/main tests it against a stand-in).

import { join } from 'node:path';
import { openHeadline, readingPane } from './support/appPage';
import { E2E_FIXTURES } from './support/archives';
import { expect, openApp, test } from './support/fixtures';

test.use({
  archiveExtras: [
    join(E2E_FIXTURES, 'relative-links.md'),
    join(E2E_FIXTURES, 'relative-links-no-address.md'),
  ],
});

test('open original, copy link, and relative links', async ({ page, devWeb, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: devWeb.url });
  // Nothing leaves the machine: the new tab's address is all that is checked.
  await context.route(/news\.example\.com|example\.org/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' }),
  );
  await openApp(page, devWeb);
  await openHeadline(page, 'Relative links with an address');
  const pane = readingPane(page);
  await expect(pane.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);

  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    pane.getByRole('button', { name: 'Open original' }).click(),
  ]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe('https://news.example.com/2023/05/02/story.html');
  // The tab cannot reach back to the reader.
  expect(await tab.evaluate(() => (globalThis as { opener?: unknown }).opener)).toBeNull();
  await tab.close();

  await pane.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  expect(
    await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    ),
  ).toBe('https://news.example.com/2023/05/02/story.html');

  // Relative links resolve against the article's address.
  const body = pane.locator('.article-body');
  await expect(body.getByRole('link', { name: 'the other story' })).toHaveAttribute(
    'href',
    'https://news.example.com/2023/05/02/other.html',
  );
  await expect(body.getByRole('link', { name: 'about us' })).toHaveAttribute(
    'href',
    'https://news.example.com/about',
  );

  // Without an address: no Open original, and the relative link is text marked unavailable.
  await openHeadline(page, 'Relative links without an address');
  await expect(pane.getByRole('button', { name: 'Open original' })).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'the other story' })).toHaveCount(0);
  const dead = body.locator('a[data-bs-unavailable-href]');
  await expect(dead).toHaveText('the other story');
  await expect(dead).toHaveAttribute('title', /Link unavailable: “other.html” is relative/);
  await expect(body.getByRole('link', { name: 'an absolute one' })).toHaveAttribute(
    'href',
    'https://example.org/abs',
  );
  await page.screenshot({ path: 'out/screenshots/original-links.png' });
  await openHeadline(page, 'Relative links with an address');
  await page.screenshot({ path: 'out/screenshots/original-buttons.png' });
});
