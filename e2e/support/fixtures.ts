// Playwright fixtures: a fresh archive copy, a fresh data folder and a dev-web server per test, and
// a page that fails the test on any uncaught error in the app.

import { copyFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { copyArchive, makeTempDir, SAMPLE_ARCHIVE } from './archives';
import { type DevWebServer, startDevWeb } from './devWebServer';

export interface Fixtures {
  /** The archive the test's library is a copy of (override with test.use). */
  archiveSource: string;
  /** Files copied into the root of the archive copy before the server starts. */
  archiveExtras: string[];
  archiveDir: string;
  dataDir: string;
  devWeb: DevWebServer;
  /** Uncaught errors of the page, checked to be none when the test ends. */
  pageErrors: Error[];
}

export const test = base.extend<Fixtures>({
  archiveSource: [SAMPLE_ARCHIVE, { option: true }],
  archiveExtras: [[], { option: true }],
  archiveDir: async ({ archiveSource, archiveExtras }, use) => {
    const dir = await copyArchive(archiveSource);
    for (const file of archiveExtras) await copyFile(file, join(dir, basename(file)));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  dataDir: async ({}, use) => {
    const dir = await makeTempDir('data');
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  devWeb: async ({ archiveDir, dataDir }, use, testInfo) => {
    const server = await startDevWeb({ libraries: [archiveDir], dataDir });
    await use(server);
    await server.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('dev-web output', { body: server.output(), contentType: 'text/plain' });
    }
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(
        errors.map((e) => e.message),
        'uncaught errors in the page',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app at the printed address and waits until the library has finished loading. */
export async function openApp(page: Page, server: DevWebServer): Promise<void> {
  await page.goto(server.url);
  await waitForLibrary(page);
}

/** Headlines are listed and the scan has finished (its progress bar is gone). */
export async function waitForLibrary(page: Page): Promise<void> {
  await expect(headlineItems(page).first()).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

export function headlineItems(page: Page) {
  return page.getByRole('listbox').getByRole('option');
}
