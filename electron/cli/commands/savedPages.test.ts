// The CLI on saved web pages: the page's own metadata in `scan --json` and `show --json`.
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run';
import { captureIO } from '../testIO';

const pages = fileURLToPath(new URL('../../engine/parse/fixtures/pages', import.meta.url));
let library: string;

beforeAll(() => {
  library = join(realpathSync(mkdtempSync(join(tmpdir(), 'bs-pages-'))), 'pages');
  cpSync(pages, library, { recursive: true });
});
afterAll(() => rmSync(join(library, '..'), { recursive: true, force: true }));

async function run(argv: string[]) {
  const io = captureIO(library, { BROADSHEET_DATA_DIR: join(library, '..', 'data') });
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('saved web pages in the CLI', () => {
  it('scan --json lists .html pages and .mhtml files with site and original address', async () => {
    const { code, out } = await run(['scan', library, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const byName = (name: string) => json.articles.find((a: { path: string }) => a.path.endsWith(name));
    expect(byName('news-save-page-as.html')).toMatchObject({
      title: 'Council approves library budget after late-night vote',
      dateSource: 'page',
      author: 'Jane Doe',
      siteName: 'The Daily Example',
      originalUrl: 'https://www.dailyexample.test/news/2024/03/05/council-budget-vote',
    });
    expect(byName('saved-page.mhtml')).toMatchObject({
      title: 'Night trains return to the Alps',
      siteName: 'Example Travel Weekly',
      originalUrl: 'https://travel.example.test/alps-night-trains',
    });
    expect(byName('singlefile.html')).toMatchObject({ siteName: null });
    expect(json.problems).toContainEqual(
      expect.objectContaining({ path: join(library, 'malformed.mht'), code: 'mhtml-unreadable' }),
    );
  });

  it('show --json gives the story as html/text and the whole page’s size, not its markup', async () => {
    const { code, out } = await run(['show', library, 'news-save-page-as.html', '--json']);
    expect(code).toBe(0);
    const article = JSON.parse(out);
    expect(article.originalUrl).toBe('https://www.dailyexample.test/news/2024/03/05/council-budget-vote');
    expect(article.siteName).toBe('The Daily Example');
    expect(article.text).not.toContain('Accept all cookies');
    expect(article.wholePage).toBeUndefined();
    expect(article.wholePageChars).toBeGreaterThan(4000);
  });

  it('show prints the site and the original address', async () => {
    const { code, out } = await run(['show', library, 'saved-page.mhtml']);
    expect(code).toBe(0);
    expect(out).toMatch(/Site: +Example Travel Weekly\n/);
    expect(out).toMatch(/Original: +https:\/\/travel\.example\.test\/alps-night-trains\n/);
  });
});
