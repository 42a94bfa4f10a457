import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_DATA_IMAGE_CHARS, MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS } from '../limits';
import { parseArticle } from '../parseArticle';
import { rawFile } from '../testSupport';

const fixtures = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const parseFixture = (name: string) => {
  const bytes = readFileSync(fixtures + name);
  return parseArticle(rawFile(new Uint8Array(bytes), `/library/pages/${name}`));
};
const png = readFileSync(`${fixtures}singlefile.html`, 'utf8').match(
  /data:image\/png;base64,[A-Za-z0-9+/=]+/,
)![0];

function page(body: string, head = '<title>A page</title>'): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}
const story = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} of the story, long enough to count as prose, with commas, clauses, and a point at the end of it.</p>`,
  ).join('');

describe('a news site page saved with "Save Page As"', () => {
  const { article, problems } = parseFixture('news-save-page-as.html');

  it('shows and searches the story, not the menus, cookie banner, related links or footer', () => {
    expect(problems).toEqual([]);
    expect(article!.text).toContain('approved a budget of 4.2 million pounds');
    expect(article!.text).toContain('comment on it online and at public meetings');
    for (const chrome of [
      'Accept all cookies',
      'Subscribe for £1',
      'Pothole repairs',
      'All rights reserved',
    ]) {
      expect(article!.text).not.toContain(chrome);
      expect(article!.html).not.toContain(chrome);
    }
    expect(article!.excerpt.startsWith('The city council approved')).toBe(true);
  });

  it('reads title, date, author, site and address from the page', () => {
    expect(article).toMatchObject({
      title: 'Council approves library budget after late-night vote',
      date: '2024-03-05T21:40:00.000Z',
      dateSource: 'page',
      author: 'Jane Doe',
      siteName: 'The Daily Example',
      originalUrl: 'https://www.dailyexample.test/news/2024/03/05/council-budget-vote',
      bodyFormat: 'html',
    });
  });

  it('keeps the whole page for "show the whole page", and runs none of its scripts', () => {
    expect(article!.wholePage).toContain('Accept all cookies');
    expect(article!.wholePage).toContain('Related stories');
    // The story has no script left; the whole page still has them (the reader sanitizes both).
    expect(article!.html).not.toMatch(/<script|onclick|HACKED|tracker/i);
    expect(article!.text).not.toContain('dataLayer');
  });
});

describe('a SingleFile page', () => {
  const { article, problems } = parseFixture('singlefile.html');

  it('keeps its data: picture in the story, byte for byte', () => {
    expect(problems).toEqual([]);
    expect(article!.html).toContain(`src="${png}"`);
    expect(article!.text).not.toContain('热门排行');
    expect(article!.text).not.toContain('下载客户端');
    expect(article!.text).toContain('港口扩建工程今日上午正式动工');
  });

  it('takes the address SingleFile recorded, the <time>, and the <title> without the site name', () => {
    expect(article).toMatchObject({
      title: '港口扩建工程今日动工',
      date: '2024-06-01T00:30:00.000Z',
      dateSource: 'page',
      originalUrl: 'https://news.example.cn/world/2024-06-01/story-42.html',
    });
  });
});

describe('an .mhtml page', () => {
  const { article, problems } = parseFixture('saved-page.mhtml');

  it('unpacks the HTML part and inlines its pictures from the other parts', () => {
    const images = [...article!.html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]!);
    expect(images[0]).toMatch(/^data:image\/png;base64,iVBOR/); // by Content-Location
    expect(images[1]).toMatch(/^data:image\/png;base64,iVBOR/); // by cid:
    expect(images[0]).not.toBe(images[1]);
    expect(article!.html).not.toContain('https://travel.example.test/media/sleeper-car.png');
    expect(article!.wholePage).toContain(images[0]);
  });

  it('never uses a part that points outside the saved page', () => {
    // The parts named file:///etc/passwd and ../secret.png hold the route map's bytes: they must not
    // stand in for the <img> tags that point there.
    const map = [...article!.html.matchAll(/src="(data:[^"]*)"/g)][1]![1]!;
    expect(article!.html.split(map)).toHaveLength(2);
    expect(article!.html).toContain('src="file:///etc/passwd"'); // left for the sanitizer to drop
    expect(problems.map((p) => p.code)).toEqual(['mhtml-outside-part']);
    expect(problems[0]!.message).toContain('2 part(s)');
  });

  it('reads its JSON-LD: date, every author, publisher, canonical address; decodes quoted-printable', () => {
    expect(article).toMatchObject({
      title: 'Night trains return to the Alps',
      date: '2023-11-20T05:00:00.000Z',
      dateSource: 'page',
      author: 'Anna Müller, Luca Rossi',
      siteName: 'Example Travel Weekly',
      originalUrl: 'https://travel.example.test/alps-night-trains',
    });
    expect(article!.text).toContain('a sleeper train will link Zürich');
    expect(article!.text).not.toMatch(/Newsletter|This site uses cookies|alert/);
  });

  it('a malformed MIME file is a clear problem, not a crash', () => {
    const bad = parseFixture('malformed.mht');
    expect(bad.article).toBeNull();
    expect(bad.problems).toEqual([expect.objectContaining({ code: 'mhtml-unreadable', severity: 'error' })]);
    expect(bad.problems[0]!.message).toContain('the boundary "nope" never occurs');
  });

  it('an .mht that is plain HTML (no MIME headers) is read as a page', () => {
    const { article } = parseArticle(
      rawFile(page(`<article><h1>Plain</h1>${story(6)}</article>`), '/library/plain.mht'),
    );
    expect(article!.text).toContain('Paragraph 5 of the story');
  });
});

describe('what stays as it was', () => {
  it('an HTML body with front matter, or a fragment, is not treated as a page', () => {
    const fragment = parseArticle(rawFile(`<nav>Menu</nav>${story(6)}`, '/library/a.html'));
    expect(fragment.article!.text).toContain('Menu');
    expect(fragment.article!.wholePage).toBeUndefined();
    const withFrontMatter = parseArticle(
      rawFile(`---\ntitle: Kept\n---\n${page(`<nav>Menu</nav>${story(6)}`)}`, '/library/b.html'),
    );
    expect(withFrontMatter.article!.title).toBe('Kept');
    expect(withFrontMatter.article!.text).toContain('Menu');
  });

  it('a Markdown file that starts like a page is not one', () => {
    const { article } = parseArticle(rawFile(page(`<nav>Menu</nav>${story(6)}`), '/library/c.md'));
    expect(article!.wholePage).toBeUndefined();
    expect(article!.text).toContain('Menu');
  });
});

describe('bounds: hostile and huge pages', () => {
  it(`a page nested deeper than ${MAX_PAGE_DEPTH} levels is read whole, with a problem, quickly`, () => {
    const n = MAX_PAGE_DEPTH + 50;
    const html = page(`<nav>Menu</nav>${'<div>'.repeat(n)}${story(8)}${'</div>'.repeat(n)}`);
    const { article, problems } = parseArticle(rawFile(html, '/library/deep.html'));
    expect(problems.map((p) => p.code)).toEqual(['page-not-extracted']);
    expect(problems[0]!.message).toContain(`more than ${MAX_PAGE_DEPTH} levels deep`);
    expect(article!.text).toContain('Menu');
    expect(article!.text).toContain('Paragraph 7 of the story');
    expect(article!.wholePage).toBeUndefined(); // the body already is the whole page
  });

  it(`a page of more than ${MAX_PAGE_ELEMENTS} elements is read whole, with its <head> metadata`, () => {
    const html = page(
      `<article>${story(3)}</article>${'<span>x</span>'.repeat(MAX_PAGE_ELEMENTS)}`,
      '<title>Huge</title><meta property="og:title" content="Huge page"><link rel="canonical" href="https://x.test/huge">',
    );
    const { article, problems } = parseArticle(rawFile(html, '/library/wide.html'));
    expect(problems.map((p) => p.code)).toEqual(['page-not-extracted']);
    expect(problems[0]!.message).toContain('more than 10,000 elements');
    expect(article).toMatchObject({ title: 'Huge page', originalUrl: 'https://x.test/huge' });
  });

  it('a 20 MB SingleFile page of pictures is extracted (its pictures set aside from the DOM)', () => {
    const picture = `data:image/jpeg;base64,${'A'.repeat(2 * 1024 * 1024)}`;
    const figures = Array.from({ length: 9 }, (_, i) => `<p><img src="${picture}" alt="photo ${i}"></p>`);
    const html = page(`<nav>Menu</nav><article><h1>Photos</h1>${story(5)}${figures.join('')}</article>`);
    expect(html.length).toBeGreaterThan(18 * 1024 * 1024);
    const { article, problems } = parseArticle(rawFile(html, '/library/singlefile-20mb.html'));
    expect(problems).toEqual([]);
    expect(article!.text).not.toContain('Menu');
    expect(article!.html.split(picture)).toHaveLength(10);
  });

  it('a picture over the data: limit is dropped with a problem, the rest of the page kept', () => {
    const huge = `data:image/png;base64,${'B'.repeat(MAX_DATA_IMAGE_CHARS + 1)}`;
    const html = page(
      `<article><h1>One big photo</h1>${story(5)}<img src="${huge}"><img src="${png}"></article>`,
    );
    const { article, problems } = parseArticle(rawFile(html, '/library/big-photo.html'));
    expect(problems.map((p) => p.code)).toEqual(['data-image-too-large']);
    expect(article!.html).not.toContain('BBBBBBBB');
    expect(article!.html).toContain(png);
  });

  it('a page whose markup (pictures aside) is over the limit is read whole', () => {
    const html = page(`<article>${story(2)}<pre>${'word '.repeat(500_000)}</pre></article>`);
    const { problems } = parseArticle(rawFile(html, '/library/long.html'));
    expect(problems.map((p) => p.code)).toEqual(['page-not-extracted']);
    expect(problems[0]!.message).toMatch(/its markup is 2\.\d MB, over 2\.0 MB/);
  });

  it('a page whose chrome would make a browser build 600,000 elements keeps its story, not the whole page', () => {
    // The story is fine; around it are 200 unclosed <b> (shallow enough for Readability to run), which
    // a browser re-creates in each of 3,000 later paragraphs. "Show the whole page" must not hand
    // that to the pane.
    const bold = Array.from({ length: 200 }, (_, i) => `<b class=c${i}>`).join('');
    const chrome = `<aside>${bold}</aside>${'<p>x'.repeat(3_000)}`;
    const html = page(`<article><h1>The story</h1>${story(12)}</article>${chrome}`);
    expect(html.length).toBeLessThan(20_000);
    const { article, problems } = parseArticle(rawFile(html, '/library/bomb.html'));
    expect(problems).toMatchObject([{ code: 'whole-page-too-many-elements', params: { limit: 50_000 } }]);
    expect(problems[0]!.message).toContain('more than 50,000 elements');
    expect(article!.text).toContain('Paragraph 11 of the story');
    expect(article!.wholePage).toBeUndefined();
    // The same story with ordinary chrome keeps its whole page.
    const plain = parseArticle(
      rawFile(page(`<article>${story(12)}</article><aside>Menu</aside>`), '/library/ok.html'),
    );
    expect(plain.problems).toEqual([]);
    expect(plain.article!.wholePage).toContain('Menu');
  });

  it('the page text of an empty page is not an error', () => {
    const { article, problems } = parseArticle(rawFile(page(''), '/library/empty.html'));
    expect(article!.title).toBe('A page');
    expect(problems.map((p) => p.code)).toEqual(['page-not-extracted']);
  });
});
