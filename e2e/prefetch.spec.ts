// Saving pictures ahead of reading: the Library panel turns the library prefetch on, shows how far
// it is, pauses and resumes it; once done, an article never opened shows its pictures with the
// picture host gone.

import { rm } from 'node:fs/promises';
import { openHeadline, readingPane } from './support/appPage';
import { article, makeTempDir, writeArticle } from './support/archives';
import { type DevWebServer, startDevWeb } from './support/devWebServer';
import { expect, test, waitForLibrary } from './support/fixtures';
import { type ImageServer, startImageServer } from './support/imageServer';

let images: ImageServer;
let archive: string;
let server: DevWebServer | null = null;

const ARTICLES = 24;
const PICTURES = 3;

test.beforeEach(async () => {
  images = await startImageServer({ delayMs: 120 });
  archive = await makeTempDir('prefetch');
  for (let i = 0; i < ARTICLES; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const pictures = Array.from(
      { length: PICTURES },
      (_, j) => `<p><img src="${images.origin}/p/${i}-${j}.png" alt="Picture ${i}-${j}"></p>`,
    ).join('\n');
    await writeArticle(
      archive,
      `story-${i}.md`,
      article(
        { title: `Story number ${i}`, date: `2023-03-${day} 09:${String(i).padStart(2, '0')}:00` },
        pictures,
      ),
    );
  }
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  await images.close();
  await rm(archive, { recursive: true, force: true });
});

test('the Library panel saves the whole library’s pictures ahead, with progress, pause and resume', async ({
  page,
  dataDir,
}, testInfo) => {
  test.setTimeout(120_000);
  server = await startDevWeb({
    libraries: [archive],
    dataDir,
    env: { BROADSHEET_ALLOW_LOOPBACK_IMAGES: '1' },
  });
  await page.goto(server.url);
  await waitForLibrary(page);
  expect(images.seen).toEqual([]); // nothing is fetched ahead while the setting is off

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Library' });
  await panel.getByLabel('Speed limit').selectOption({ label: 'No limit' });
  await panel.getByLabel('Save ahead for').selectOption({ label: 'The whole library' });
  const status = panel.getByTestId('prefetch-status');
  await expect(status).toHaveText(/^Saving pictures: [1-9]\d* of 24 articles/, { timeout: 20_000 });
  const bar = panel.getByRole('progressbar', { name: 'Save pictures ahead of reading' });
  await expect(bar).toHaveAttribute('max', '24');
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('prefetch-progress.png') });

  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toHaveText(/^Paused at \d+ of 24 articles/);
  await page.waitForTimeout(500); // pictures in flight finish
  const whilePaused = images.seen.length;
  await page.waitForTimeout(1000);
  expect(images.seen.length).toBe(whilePaused);
  expect(whilePaused).toBeLessThan(ARTICLES * PICTURES);

  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(status).toHaveText(
    /^Done: 24 articles · 72 pictures saved \([\d.,]+ [KMG]?B\) · 0 could not be fetched$/,
    { timeout: 60_000 },
  );
  // The host answers every address with the same PNG: the content-addressed cache stores it once.
  await expect(panel.getByTestId('image-cache-size')).toHaveText(/^\d+ B in 1 picture /);
  expect(images.seen).toHaveLength(ARTICLES * PICTURES); // each picture once
  expect(images.seen.filter((r) => r.referer !== undefined || r.cookie !== undefined)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('prefetch-done.png') });

  // The picture host goes away: an article never opened shows its pictures from the cache.
  await images.close();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  await openHeadline(page, 'Story number 23');
  for (let j = 0; j < PICTURES; j++) {
    await expect
      .poll(() =>
        readingPane(page)
          .locator(`img[alt="Picture 23-${j}"]`)
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(2);
  }
});
