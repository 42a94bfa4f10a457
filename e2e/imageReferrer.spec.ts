// News sites refuse hotlinked pictures when they see a Referer. The reader must send none, so
// pictures load: a local picture host that answers 403 to any Referer stands in for them.

import { rm } from 'node:fs/promises';
import { openHeadline, readingPane } from './support/appPage';
import { article, makeTempDir, writeArticle } from './support/archives';
import { startDevWeb } from './support/devWebServer';
import { expect, test, waitForLibrary } from './support/fixtures';
import { type ImageServer, startImageServer } from './support/imageServer';

let images: ImageServer;

test.beforeEach(async () => {
  images = await startImageServer();
});

test.afterEach(async () => {
  await images.close();
});

test('article pictures load without a Referer', async ({ page, dataDir }) => {
  const archive = await makeTempDir('images');
  await writeArticle(
    archive,
    'pictures.md',
    article(
      { title: 'Pictures from a hotlink-protected site', date: '2022-05-01 10:00:00' },
      `<p>Before the picture.</p>\n<p><img src="${images.origin}/pixel.png?inline" alt="A red square"></p>\n<p>After the picture.</p>`,
    ),
  );
  const server = await startDevWeb({ libraries: [archive], dataDir });
  try {
    await page.goto(server.url);
    await waitForLibrary(page);
    await openHeadline(page, 'Pictures from a hotlink-protected site');

    const picture = readingPane(page).locator('img[alt="A red square"]');
    await expect(picture).toBeVisible();
    await expect
      .poll(() =>
        picture.evaluate(
          (img) => (img as { complete: boolean }).complete && (img as { naturalWidth: number }).naturalWidth,
        ),
      )
      .toBe(2);

    const inline = images.seen.filter((r) => r.path === '/pixel.png?inline');
    expect(inline.length).toBeGreaterThan(0);
    expect(images.seen.filter((r) => r.referer !== undefined)).toEqual([]);
  } finally {
    await server.stop();
    await rm(archive, { recursive: true, force: true });
  }
});
