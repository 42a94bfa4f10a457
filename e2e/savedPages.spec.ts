// Saved web pages in the reader: the story of a "Save Page As" page without the site's menus and
// cookie banner, the whole page one key away, SingleFile data: pictures and .mhtml parts shown from
// the file itself, never fetched.

import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { articleBodyText, openHeadline, readingPane } from './support/appPage';
import { makeTempDir } from './support/archives';
import { REPO_ROOT, startDevWeb } from './support/devWebServer';
import { expect, test, waitForLibrary } from './support/fixtures';

const PAGES = join(REPO_ROOT, 'electron', 'engine', 'parse', 'fixtures', 'pages');
const OUT = join(REPO_ROOT, 'out', 'screenshots');

test('a saved page shows its story; w shows the whole page; pictures come from the file', async ({
  page,
  dataDir,
}) => {
  const archive = await makeTempDir('pages');
  for (const name of ['news-save-page-as.html', 'singlefile.html', 'saved-page.mhtml']) {
    await copyFile(join(PAGES, name), join(archive, name));
  }
  // Every request the window makes that is not to the app itself.
  const outside: string[] = [];
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  const server = await startDevWeb({ libraries: [archive], dataDir });
  try {
    await page.goto(server.url);
    await waitForLibrary(page);

    // The story, with the page's own metadata; no menus, cookie banner or related links.
    await openHeadline(page, 'Council approves library budget after late-night vote');
    const pane = readingPane(page);
    await expect(pane.getByText('By Jane Doe')).toBeVisible();
    await expect(pane.getByText('The Daily Example', { exact: true })).toBeVisible();
    let body = await articleBodyText(page);
    expect(body).toContain('approved a budget of 4.2 million pounds');
    expect(body).not.toContain('Accept all cookies');
    expect(body).not.toContain('Pothole repairs');

    // w: the whole page as saved (sanitized: its scripts never ran, the title was not changed).
    const toggle = pane.getByRole('button', { name: 'Show the whole page' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await pane.locator('.reader-title').click();
    await page.keyboard.press('w');
    await expect(pane.getByRole('button', { name: 'Show the story' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    body = await articleBodyText(page);
    expect(body).toContain('Accept all cookies');
    expect(body).toContain('Pothole repairs');
    expect(body).toContain('approved a budget of 4.2 million pounds');
    expect(await page.title()).not.toContain('HACKED');
    await page.screenshot({ path: join(OUT, 'saved-page-whole.png') });
    await pane.getByRole('button', { name: 'Show the story' }).click();
    await expect(pane.getByRole('button', { name: 'Show the whole page' })).toBeVisible();
    expect(await articleBodyText(page)).not.toContain('Accept all cookies');
    await page.screenshot({ path: join(OUT, 'saved-page-story.png') });

    // A SingleFile page: its data: picture is shown.
    await openHeadline(page, '港口扩建工程今日动工');
    const picture = pane.locator('img[alt="开工仪式现场"]');
    await expect
      .poll(() => picture.evaluate((img) => (img as { naturalWidth: number }).naturalWidth))
      .toBe(48);

    // An .mhtml: both pictures from its parts (by address and by cid:), and nothing fetched for them.
    await openHeadline(page, 'Night trains return to the Alps');
    for (const alt of ['The new sleeper car', 'Route map']) {
      const img = pane.locator(`img[alt="${alt}"]`);
      await expect.poll(() => img.evaluate((el) => (el as { naturalWidth: number }).naturalWidth)).toBe(48);
      expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    }
    // The parts pointing outside the page (file:, ../) are not pictures in the pane.
    await expect(pane.locator('img[alt="outside one"]')).toHaveCount(0);
    await expect(pane.locator('img[alt="outside two"]')).toHaveCount(0);
    await page.screenshot({ path: join(OUT, 'saved-page-mhtml.png') });

    expect(outside.filter((url) => url.includes('travel.example.test') || url.startsWith('file:'))).toEqual(
      [],
    );
    // The saved page's own scripts never ran: its beacon was never sent, its ad script never loaded.
    expect(outside.filter((url) => /tracker\.example\.test|ads\.|\.js$/.test(url))).toEqual([]);
  } finally {
    await server.stop();
    await rm(archive, { recursive: true, force: true });
  }
});
