// Articles that are small on disk but that a browser would turn into hundreds of thousands of
// elements (unclosed formatting elements the HTML tree builder re-creates in every paragraph; a huge
// Markdown table). Before the element budget, the first froze the window for about 90 s. Each must
// open within a bound, as text with a note saying why, and the reader must stay usable after it.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { amplifierArticles } from '../electron/engine/testing/hostileArchive';
import { headlines, readerTitle, readingPane } from './support/appPage';
import { type DevWebServer, startDevWeb } from './support/devWebServer';
import { expect, test } from './support/fixtures';

/** Far below the ~90 s the first amplifier took, far above a normal open on a loaded machine. */
const OPEN_BOUND_MS = 15_000;

const amplified = test.extend<{ amplifierWeb: DevWebServer }>({
  amplifierWeb: async ({ dataDir }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'broadsheet-e2e-amplifiers-'));
    for (const article of amplifierArticles()) {
      await mkdir(dirname(join(root, article.path)), { recursive: true });
      await writeFile(join(root, article.path), article.content);
    }
    await writeFile(
      join(root, 'ordinary.md'),
      '---\ntitle: An ordinary article\ndate: 2024-01-01 10:00\n---\n\nIt opens as usual, **bold** and all.\n',
    );
    const server = await startDevWeb({ libraries: [root], dataDir });
    await use(server);
    await server.stop();
    await rm(root, { recursive: true, force: true });
  },
});

amplified(
  'amplifying articles open quickly, as text, with a note saying why',
  async ({ page, amplifierWeb }) => {
    amplified.setTimeout(120_000);
    await page.goto(amplifierWeb.url);
    // Parsing the 1 MB table (Markdown to HTML) takes the engine seconds on a busy machine.
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
    for (const article of amplifierArticles()) {
      const started = Date.now();
      await headlines(page).filter({ hasText: article.title }).first().click();
      await expect(readerTitle(page)).toHaveText(article.title, { timeout: OPEN_BOUND_MS });
      await expect(readingPane(page).locator('.reader-note')).toContainText('too many elements', {
        timeout: OPEN_BOUND_MS,
      });
      // The page answers again (a frozen renderer would not run this).
      await page.evaluate(() => 1);
      const elapsed = Date.now() - started;
      expect(elapsed, `${article.path} opened in ${elapsed} ms`).toBeLessThan(OPEN_BOUND_MS);
      const counts = await readingPane(page)
        .locator('.article-body')
        .evaluate((host) => (host.shadowRoot ?? host).querySelectorAll('*').length);
      expect(counts, article.path).toBeLessThan(20_000);
    }
    // The reader is still usable: an ordinary article opens with its formatting.
    await headlines(page).filter({ hasText: 'An ordinary article' }).click();
    await expect(readerTitle(page)).toHaveText('An ordinary article');
    const bold = await readingPane(page)
      .locator('.article-body')
      .evaluate((host) => (host.shadowRoot ?? host).querySelectorAll('strong').length);
    expect(bold).toBe(1);
    await expect(readingPane(page).locator('.reader-note')).toHaveCount(0);
  },
);
