// Article pictures, offline: the engine fetches each picture once (no Referer: news sites refuse
// hotlinked pictures, and a local host that answers 403 to any Referer stands in for them), keeps
// it in its cache and serves it to the page through the app's own origin. So a second read works
// with the picture host gone; local pictures beside the article show; a private address is never
// contacted; a picture that cannot be shown is one short line saying why.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openHeadline, readingPane } from './support/appPage';
import { article, makeTempDir, writeArticle } from './support/archives';
import { type DevWebServer, startDevWeb } from './support/devWebServer';
import { expect, test, waitForLibrary } from './support/fixtures';
import { type ImageServer, PNG, startImageServer } from './support/imageServer';

let images: ImageServer;
let archive: string;
let server: DevWebServer | null = null;

test.beforeEach(async () => {
  images = await startImageServer();
  archive = await makeTempDir('images');
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  await images.close();
  await rm(archive, { recursive: true, force: true });
});

const LOOPBACK_ALLOWED = { BROADSHEET_ALLOW_LOOPBACK_IMAGES: '1' };

/** Has the picture with this alt text loaded and decoded (2×2)? */
function decodedWidth(page: Page, alt: string) {
  return readingPane(page)
    .locator(`img[alt="${alt}"]`)
    .evaluate((img) => {
      const picture = img as unknown as { complete: boolean; naturalWidth: number };
      return picture.complete && picture.naturalWidth;
    });
}

test('article pictures load without a Referer, and again offline after a reload', async ({
  page,
  dataDir,
}) => {
  await writeArticle(
    archive,
    'pictures.md',
    article(
      { title: 'Pictures from a hotlink-protected site', date: '2022-05-01 10:00:00' },
      `<p>Before the picture.</p>\n<p><img src="${images.origin}/pixel.png?inline" alt="A red square"></p>\n<p>After the picture.</p>`,
    ),
  );
  server = await startDevWeb({ libraries: [archive], dataDir, env: LOOPBACK_ALLOWED });
  await page.goto(server.url);
  await waitForLibrary(page);
  await openHeadline(page, 'Pictures from a hotlink-protected site');

  const picture = readingPane(page).locator('img[alt="A red square"]');
  await expect(picture).toBeVisible();
  await expect.poll(() => decodedWidth(page, 'A red square')).toBe(2);
  // The page asked the app, never the picture host.
  expect(await picture.getAttribute('src')).toMatch(/^\/_images\/remote\?/);
  expect(images.seen.filter((r) => r.path === '/pixel.png?inline')).toHaveLength(1);
  expect(images.seen.filter((r) => r.referer !== undefined)).toEqual([]);
  expect(images.seen.filter((r) => r.cookie !== undefined)).toEqual([]);

  // The picture host goes away; the window is reloaded; the picture is still there.
  await images.close();
  await page.reload();
  await waitForLibrary(page);
  await openHeadline(page, 'Pictures from a hotlink-protected site');
  await expect.poll(() => decodedWidth(page, 'A red square')).toBe(2);
  await expect(readingPane(page).locator('.article-body')).not.toContainText('not shown');

  // The Library panel shows what is kept, and deletes it.
  await page.getByRole('button', { name: 'Library' }).click();
  const size = page.getByTestId('image-cache-size');
  await expect(size).toHaveText(/^\d+ B in 1 picture \(0 kept for starred articles\)$/);
  await page.getByRole('button', { name: 'Delete saved pictures' }).click();
  await expect(size).toHaveText('0 B in 0 pictures (0 kept for starred articles)');
});

test('a picture stored beside the article shows; one outside the library does not', async ({
  page,
  dataDir,
}) => {
  await mkdir(join(archive, 'posts', 'images'), { recursive: true });
  await mkdir(join(archive, 'static', 'img'), { recursive: true });
  await writeFile(join(archive, 'posts', 'images', 'local.png'), PNG);
  await writeFile(join(archive, 'static', 'img', 'site.png'), PNG);
  const outside = await makeTempDir('outside');
  await writeFile(join(outside, 'secret.png'), PNG);
  await writeArticle(
    join(archive, 'posts'),
    'local.md',
    article(
      { title: 'Pictures kept with the archive', date: '2022-05-02 10:00:00' },
      [
        '<p><img src="images/local.png" alt="Relative picture"></p>',
        '<p><img src="/img/site.png" alt="Site picture"></p>',
        `<p>Some text.</p><p><img src="../../${outside.split('/').pop()}/secret.png" alt="Escaping picture"></p>`,
      ].join('\n'),
    ),
  );
  try {
    server = await startDevWeb({ libraries: [archive], dataDir });
    await page.goto(server.url);
    await waitForLibrary(page);
    await openHeadline(page, 'Pictures kept with the archive');
    await expect.poll(() => decodedWidth(page, 'Relative picture')).toBe(2);
    await expect.poll(() => decodedWidth(page, 'Site picture')).toBe(2);
    const line = readingPane(page)
      .locator('.article-body')
      .getByText(/Escaping picture.*not shown/);
    await expect(line).toBeVisible();
    await expect(line).toHaveText(/blocked|not found/);
  } finally {
    await rm(outside, { recursive: true, force: true });
  }
});

test('a picture at a refused address is never fetched, and says why in one line', async ({
  page,
  dataDir,
}) => {
  // Loopback is not allowed for this server: the same local picture host is now a refused address.
  await writeArticle(
    archive,
    'refused.md',
    article(
      { title: 'Pictures from the local network', date: '2022-05-03 10:00:00' },
      [
        '<p>Story text.</p>',
        `<p><img src="${images.origin}/pixel.png?probe" alt="Router page"></p>`,
        `<p><img src="${images.origin}/pixel.png?probe2"></p>`,
        '<p><img src="http://192.168.1.1/admin.png"></p>',
        '<p>More story.</p>',
      ].join('\n'),
    ),
  );
  server = await startDevWeb({ libraries: [archive], dataDir });
  await page.goto(server.url);
  await waitForLibrary(page);
  await openHeadline(page, 'Pictures from the local network');
  const lines = readingPane(page).locator('.article-body').locator('.bs-img-failed');
  await expect(lines).toHaveCount(1);
  await expect(lines).toHaveText(
    '3 pictures not shown: blocked (a local or private address, outside the library, or too many pictures in one article)',
  );
  expect(images.seen).toEqual([]);
});

test('a picture opens large: fitted, zoomable, arrows for the next one, Esc closes', async ({
  page,
  dataDir,
}, testInfo) => {
  await writeArticle(
    archive,
    'viewer.md',
    article(
      { title: 'A story with pictures', date: '2022-05-04 10:00:00' },
      [
        '<p>The first picture shows a red square.</p>',
        `<p><img src="${images.origin}/pixel.png?1" alt="First square"></p>`,
        '<p>Between the pictures there is text.</p>',
        `<p><img src="${images.origin}/pixel.png?2" alt="Second square"></p>`,
        `<p><img src="${images.origin}/missing.png" alt="A lost photo"></p>`,
        '<p>After the pictures.</p>',
      ].join('\n'),
    ),
  );
  server = await startDevWeb({ libraries: [archive], dataDir, env: LOOPBACK_ALLOWED });
  await page.goto(server.url);
  await waitForLibrary(page);
  await openHeadline(page, 'A story with pictures');
  await expect.poll(() => decodedWidth(page, 'Second square')).toBe(2);
  const lost = readingPane(page).locator('.bs-img-failed');
  await expect(lost).toHaveText('Picture “A lost photo” not shown: not found');
  await page.screenshot({ path: testInfo.outputPath('broken-image.png') });

  await readingPane(page).locator('img[alt="First square"]').click();
  const viewer = page.getByRole('dialog', { name: 'Picture 1 of 2: First square' });
  await expect(viewer).toBeVisible();
  await expect(viewer).toBeFocused();
  const big = viewer.locator('img');
  // Fitted: the 2×2 picture is drawn far larger than its natural size, inside the window.
  const box = (await big.boundingBox())!;
  expect(box.height).toBeGreaterThan(300);
  expect(box.height).toBeLessThanOrEqual(800);
  await page.screenshot({ path: testInfo.outputPath('viewer.png') });

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'Picture 2 of 2: Second square' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'Picture 1 of 2: First square' })).toBeVisible();
  await page.keyboard.press('+');
  await expect(viewer.getByText(/^\d+%$/)).toBeVisible();
  await page.keyboard.press('0');
  await expect(viewer.locator('.image-viewer-zoom')).toHaveText('Fit');
  await viewer.getByRole('button', { name: 'Zoom in (+)' }).click();
  expect((await big.boundingBox())!.width).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The app's shortcuts did not see the viewer's keys: the same article is still open.
  await expect(readingPane(page).getByRole('heading', { level: 1 }).first()).toHaveText(
    'A story with pictures',
  );

  // Keyboard only: Tab reaches the picture, Enter opens it.
  await readingPane(page).locator('img[alt="Second square"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Picture 2 of 2: Second square' })).toBeVisible();
  await page.keyboard.press('Escape');
});
