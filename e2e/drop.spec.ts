// Dropping a folder from a file manager adds it to the library. A plain browser hides dropped
// files' paths, so the window reads the text/uri-list the file manager puts on the drag.

import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { headlines, readerTitle } from './support/appPage';
import { article, makeTempDir, writeArticle } from './support/archives';
import { expect, openApp, test } from './support/fixtures';

/** What a file manager's drag carries, dispatched on the headline list. */
async function dropUriList(page: Page, uris: string[]): Promise<void> {
  await page.getByRole('listbox', { name: 'Headlines' }).evaluate((target, list) => {
    // Browser globals, named structurally: the e2e code is type-checked without the DOM library.
    const dom = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      DragEvent: new (type: string, init: object) => Event;
    };
    const data = new dom.DataTransfer();
    data.setData('text/uri-list', list.join('\r\n'));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new dom.DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, uris);
}

test('dropping a folder adds its articles; a non-article gets a clear message', async ({ page, devWeb }) => {
  const folder = await makeTempDir('dropped');
  try {
    await writeArticle(
      folder,
      'one.md',
      article({ title: 'Dropped folder article one', date: '2022-06-01 08:00:00' }, 'First.'),
    );
    await writeArticle(
      folder,
      'deeper/two.md',
      article({ title: 'Dropped folder article two', date: '2022-06-02 08:00:00' }, 'Second.'),
    );
    await writeArticle(folder, 'report.pdf', '%PDF-1.4 not an article');
    await openApp(page, devWeb);
    await expect(headlines(page).filter({ hasText: 'Dropped folder article' })).toHaveCount(0);

    await dropUriList(page, [pathToFileURL(folder).href]);
    await expect(headlines(page).filter({ hasText: 'Dropped folder article one' })).toHaveCount(1);
    await expect(headlines(page).filter({ hasText: 'Dropped folder article two' })).toHaveCount(1);
    await headlines(page).filter({ hasText: 'Dropped folder article two' }).click();
    await expect(readerTitle(page)).toHaveText('Dropped folder article two');

    await dropUriList(page, [pathToFileURL(`${folder}/report.pdf`).href]);
    await expect(
      page.getByText(
        '“report.pdf” is not a folder or an article file (.md, .markdown, .txt, .html, .htm, .mhtml, .mht)',
      ),
    ).toBeVisible();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
