// Front matter from every generator a reader's archive comes from: Hugo and Zola TOML, Hugo JSON,
// `---json`, Windows line endings. Each fixture is a real-looking file in fixtures/formats/.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type ParseOptions, parseArticle } from './parseArticle';
import { rawFile } from './testSupport';

const FIXTURES = new URL('./fixtures/formats/', import.meta.url).pathname;
const MTIME = Date.UTC(2024, 0, 2, 3, 4, 5);
const UTC: ParseOptions = { timeZone: 'UTC' };

function parseFixture(name: string, options: ParseOptions = UTC) {
  const bytes = readFileSync(FIXTURES + name);
  return parseArticle(
    { path: FIXTURES + name, root: FIXTURES, bytes, mtimeMs: MTIME, size: bytes.length },
    options,
  );
}

const g = globalThis as { __broadsheetPwned?: unknown };
afterEach(() => {
  delete g.__broadsheetPwned;
});

describe('TOML front matter (+++)', () => {
  it('reads a Hugo post: title, zoned date, lastmod as updated, authors, categories, url', () => {
    const { article, problems } = parseFixture('hugo-go1.21.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: 'Go 1.21 is released!',
      date: '2023-08-08T14:00:00.000Z',
      dateSource: 'front-matter',
      updated: '2023-08-10T13:30:00.000Z',
      author: 'Eli Bendersky, Cherry Mui',
      categories: ['Releases'],
      originalUrl: 'https://go.dev/blog/go1.21',
      bodyFormat: 'markdown',
    });
    expect(article!.extra).toMatchObject({ draft: false, tags: ['go', 'release', 'toolchain'] });
    // The TOML never reaches the body, the pane or the previews.
    expect(article!.text.startsWith('Today the Go team is thrilled')).toBe(true);
    expect(article!.html).not.toContain('+++');
    expect(article!.excerpt).not.toContain('title =');
  });

  it('reads a Zola post: local date in the library zone, [taxonomies] categories, [extra] kept, draft', () => {
    const { article, problems } = parseFixture('zola-rust-survey.md', { timeZone: 'Europe/Berlin' });
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: 'Rust Survey 2021 Results',
      date: '2022-02-15T08:00:00.000Z', // 09:00 in Berlin (winter, UTC+1)
      updated: '2022-02-15T23:00:00.000Z',
      author: 'The Rust Survey Team',
      categories: ['Community', 'Survey'],
    });
    expect(article!.extra).toMatchObject({
      draft: true,
      taxonomies: { categories: ['Community', 'Survey'], tags: ['rust', 'survey'] },
      extra: { team: 'Community', toc: true },
    });
    expect(article!.text).not.toContain('[taxonomies]');
  });

  it('reports TOML that does not parse with its line, keeps the article and its body, runs nothing', () => {
    const { article, problems } = parseFixture('bad-toml.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'toml-syntax', severity: 'warning', line: 2 });
    expect(problems[0]!.message).toContain('line 2');
    expect(article).not.toBeNull();
    expect(article!.title).toBe('The body is still here and must be listed.');
    expect(article!.dateSource).toBe('file-mtime');
    expect(article!.text).toContain('The body is still here');
    expect(article!.text).not.toContain('Unfinished quote');
  });

  it('says when +++ never closes', () => {
    const { article, problems } = parseArticle(rawFile('+++\ntitle = "x"\n\nbody\n'), UTC);
    expect(article).not.toBeNull();
    expect(problems).toMatchObject([{ code: 'front-matter-unclosed', line: 1 }]);
    expect(problems[0]!.message).toContain('+++');
  });
});

describe('JSON front matter', () => {
  it('reads a leading { } object as data (Hugo)', () => {
    const { article, problems } = parseFixture('hugo-json.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: 'Spring Cleaning: Deprecating Old APIs',
      date: '2019-03-14T08:15:00.000Z',
      updated: '2019-03-20T00:00:00.000Z',
      author: 'Jamie Rivera',
      categories: ['Announcements'],
      originalUrl: 'https://blog.example.org/2019/03/spring-cleaning/',
    });
    expect(article!.html).toContain('<strong>June 1st</strong>');
    expect(article!.text).not.toContain('"title"');
  });

  it('reads ---json as data', () => {
    const { article, problems } = parseFixture('dash-json.md', { timeZone: 'Asia/Shanghai' });
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: '周报：本周五件事',
      date: '2020-05-09T10:30:00.000Z',
      categories: ['周报'],
      author: '编辑部',
    });
    expect(article!.text).toBe('本周的五件事如下。');
  });

  it('reports JSON that does not parse with its line and keeps the body', () => {
    const { article, problems } = parseFixture('bad-json.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'json-syntax', line: 4 });
    expect(article!.text).toBe('The body is still here and must be listed.');
  });

  it('does not take Markdown that starts with a brace for JSON', () => {
    const shortcode = parseArticle(rawFile('{{< youtube w7Ft2ymGmfc >}}\n\nText after.\n'), UTC);
    expect(shortcode.problems.filter((p) => p.code.startsWith('json'))).toEqual([]);
    const braces = parseArticle(rawFile('{braces} in prose\n'), UTC);
    expect(braces.problems).toEqual([]);
    expect(braces.article!.text).toBe('{braces} in prose');
  });

  it('still refuses ---js and ---javascript, and runs neither', () => {
    for (const fence of ['---js', '---javascript', '---JavaScript']) {
      const { article, problems } = parseArticle(
        rawFile(`${fence}\n{ title: (globalThis.__broadsheetPwned = 'yes') }\n---\nbody\n`),
        UTC,
      );
      expect(g.__broadsheetPwned).toBeUndefined();
      expect(problems.map((p) => p.code)).toEqual(['front-matter-code']);
      expect(article!.text).toBe('body');
    }
  });
});

describe('Windows line endings', () => {
  it('reads YAML with CRLF and a blank line before the closing ---, without a false YAML error', () => {
    const { article, problems } = parseFixture('crlf-blank-before-fence.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: 'Windows line endings, blank line before the fence',
      date: '2018-11-03T13:20:00.000Z',
      dateSource: 'front-matter',
      author: 'Sam Okafor',
      categories: ['notes', 'windows'],
    });
    expect(article!.text.startsWith('Saved by a Windows editor')).toBe(true);
  });

  it('reads CRLF TOML and JSON the same way', () => {
    const toml = parseArticle(
      rawFile('+++\r\ntitle = "T"\r\ndate = 2020-01-02\r\n\r\n+++\r\n\r\nBody\r\n'),
      UTC,
    );
    expect(toml.problems).toEqual([]);
    expect(toml.article).toMatchObject({ title: 'T', date: '2020-01-02T00:00:00.000Z' });
    const json = parseArticle(
      rawFile('{\r\n  "title": "J",\r\n  "date": "2020-01-02"\r\n}\r\n\r\nBody\r\n'),
      UTC,
    );
    expect(json.problems).toEqual([]);
    expect(json.article).toMatchObject({ title: 'J', text: 'Body' });
  });
});

describe('dates from file names and folders', () => {
  it('reads a Jekyll post date from its file name, in the library zone, and says so', () => {
    const { article, problems } = parseFixture('jekyll-zh/_posts/2016-08-21-香港新聞自由指數.md', {
      timeZone: 'Asia/Hong_Kong',
    });
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ date: '2016-08-20T16:00:00.000Z', dateSource: 'file-name' });
  });

  it('reads YYYYMMDD names and YYYY/MM/DD folders', () => {
    expect(parseFixture('20200315_market-close.md').article).toMatchObject({
      date: '2020-03-15T00:00:00.000Z',
      dateSource: 'file-name',
    });
    expect(parseFixture('layout/2019/04/02/harbour-ferry-fares.md').article).toMatchObject({
      title: 'Harbour ferry fares to rise in May',
      date: '2019-04-02T00:00:00.000Z',
      dateSource: 'file-name',
    });
  });

  it('prefers the front-matter date, and falls back to the modification time without a dated name', () => {
    const dated = parseArticle(rawFile('---\ndate: 2001-02-03\n---\nx', '/library/2016-08-21-a.md'), UTC);
    expect(dated.article).toMatchObject({ date: '2001-02-03T00:00:00.000Z', dateSource: 'front-matter' });
    const plain = parseArticle(rawFile('x', '/library/notes/article_8756.md'), UTC);
    expect(plain.article!.dateSource).toBe('file-mtime');
    // Folders outside the library say nothing about its articles.
    const outside = parseArticle(
      { ...rawFile('x', '/2016/08/21/library/a.md'), root: '/2016/08/21/library' },
      UTC,
    );
    expect(outside.article!.dateSource).toBe('file-mtime');
  });

  it('names the file-name day when the written date cannot be read', () => {
    const { article, problems } = parseArticle(
      rawFile('---\ndate: someday\n---\nx', '/library/2016-08-21-a.md'),
      UTC,
    );
    expect(article).toMatchObject({ date: '2016-08-21T00:00:00.000Z', dateSource: 'file-name' });
    expect(problems).toMatchObject([{ code: 'date-unreadable', line: 2 }]);
    expect(problems[0]!.message).toContain('the day in the file name (2016-08-21)');
  });
});

describe('YAML that is partly broken', () => {
  it('keeps date, author and categories around a bad title line, and reports it once', () => {
    const { article, problems } = parseFixture('broken-title-line.md', { timeZone: 'Asia/Hong_Kong' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
    expect(article).toMatchObject({
      title: 'The rest of the article.',
      date: '2019-04-02T00:00:00.000Z',
      dateSource: 'front-matter',
      author: 'Lin Wei',
      categories: ['政治', '香港'],
    });
  });
});

describe('Pelican / MultiMarkdown header lines', () => {
  it('reads Title/Date/Modified/Category/Tags/Authors lines as metadata, not as body', () => {
    const { article, problems } = parseFixture('pelican/first-post.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: 'Pelican 4.9 released',
      date: '2023-11-02T10:20:00.000Z',
      dateSource: 'front-matter',
      updated: '2023-11-05T19:30:00.000Z',
      author: 'Alexis Métaireau, Justin Mayer',
      categories: ['Releases'],
    });
    expect(article!.extra).toMatchObject({
      tags: ['pelican', 'release', 'python'],
      slug: 'pelican-4-9-released',
      summary: 'A short summary of what changed in this release of Pelican.',
    });
    expect(article!.text.startsWith('Pelican 4.9 is out.')).toBe(true);
    expect(article!.text).toContain('Note: nothing here should be read as metadata.');
    expect(article!.text).not.toContain('Title:');
  });

  it('leaves prose that opens with "Word: …" alone', () => {
    const { article } = parseArticle(rawFile('Note: this is prose.\nSecond: line.\n\nMore.\n'), UTC);
    expect(article!.text).toBe('Note: this is prose. Second: line.\nMore.');
    expect(article!.extra).toEqual({});
    const html = parseArticle(rawFile('Title: x\n\n<p>y</p>', '/library/page.html'), UTC);
    expect(html.article!.text).toContain('Title: x');
  });
});

describe('titles are text', () => {
  it('turns <BR> in a newsletter title into a space', () => {
    const { article } = parseFixture('newsletter/week-in-rust-154.md');
    expect(article!.title).toBe('This Week in Rust 154 August 21, 2016');
  });

  it('strips other markup, decodes entities, and leaves a lone < alone', () => {
    const title = (t: string) => parseArticle(rawFile(`---\ntitle: '${t}'\n---\nx`), UTC).article!.title;
    expect(title('<b>Bold</b> &amp; <i>brave</i><br/>news')).toBe('Bold & brave news');
    expect(title('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
    expect(title('<script>alert(1)</script>Safe')).toBe('Safe');
  });

  it('does not repeat a # heading equal to the title in the preview', () => {
    const { article } = parseFixture('jekyll-zh/_posts/2016-08-21-香港新聞自由指數.md');
    expect(article!.title).toBe('香港新聞自由指數再創新低');
    expect(article!.excerpt.startsWith('香港記者協會今日公布')).toBe(true);
    // The text (search) keeps the heading.
    expect(article!.text.startsWith('香港新聞自由指數再創新低\n')).toBe(true);
  });
});

describe('originalUrl', () => {
  it('takes the first absolute address among url/link/permalink/original_url/source/canonical', () => {
    const url = (fm: string, options: ParseOptions = UTC) =>
      parseArticle(rawFile(`---\n${fm}\n---\nx`), options).article!.originalUrl;
    expect(url('link: https://www.hkcnews.com/article/1')).toBe('https://www.hkcnews.com/article/1');
    expect(url('original_url: //news.example.org/a')).toBe('https://news.example.org/a');
    expect(url('source: 新华社\ncanonical: https://a.example/x')).toBe('https://a.example/x');
    expect(url('source: 新华社')).toBeUndefined();
    expect(url('url: javascript:alert(1)')).toBeUndefined();
    expect(url('url: file:///etc/passwd')).toBeUndefined();
    // A site-relative permalink needs the site's address.
    expect(url('permalink: /2016/08/21/a/')).toBeUndefined();
    expect(url('permalink: /2016/08/21/a/', { siteUrl: 'https://blog.example.org/base/' })).toBe(
      'https://blog.example.org/base/2016/08/21/a/',
    );
  });

  it("joins a Jekyll permalink to the url and baseurl of the library's _config.yml", async () => {
    const { readArticleFileSync } = await import('./readArticleFile');
    const root = `${FIXTURES}jekyll-zh`;
    const outcome = readArticleFileSync(`${root}/_posts/2016-08-21-香港新聞自由指數.md`, root, UTC);
    expect(outcome.article!.originalUrl).toBe(
      'https://news.example.hk/archive/2016/08/21/press-freedom-index/',
    );
  });
});

describe('bodies', () => {
  it('renders Markdown emphasis next to CJK punctuation as bold (markdown-it-cjk-friendly)', () => {
    const { article } = parseFixture('jekyll-zh/_posts/2016-08-21-香港新聞自由指數.md');
    expect(article!.html).toContain('他說。<strong>這是重點。</strong>然後');
    expect(article!.text).not.toContain('**');
  });

  it('turns Hugo shortcodes into links and figures in the pane, previews and search text, never raw', () => {
    const { article, problems } = parseFixture('hugo-shortcodes-hk.md');
    expect(problems).toEqual([]);
    const { html, text, excerpt } = article!;
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">');
    expect(html).toContain(
      '<figure><img src="https://img.hkcnews.example/2019/06/12/crowd.jpg" alt="金鐘一帶人群">',
    );
    expect(html).toContain('<figcaption>金鐘一帶人群</figcaption>');
    expect(text).toContain('本文於晚上九時更新。');
    expect(text).toContain('他們表示希望政府回應訴求');
    for (const shown of [html, text, excerpt]) {
      expect(shown).not.toMatch(/\{\{[<%]|[>%]\}\}/);
      expect(shown).not.toContain('hkcnews-related');
    }
  });

  it('replaces a <video> with nothing playable by its poster and a link to the original page', () => {
    const { article } = parseArticle(
      {
        ...rawFile(readFileSync(`${FIXTURES}video-no-source.html`), '/library/flood.html'),
      },
      { ...UTC, siteUrl: undefined },
    );
    // Without an original address: the poster alone.
    expect(article!.html).toContain(
      '<figure class="video-fallback"><img src="https://cdn.news.example/flood-poster.jpg" alt=""></figure>',
    );
    expect(article!.html).not.toContain('blob:');
    // A playable video stays as written.
    expect(article!.html).toContain(
      '<video controls><source src="https://cdn.news.example/clip.mp4" type="video/mp4"></video>',
    );
    expect(article!.text).toContain('Officials said the water would recede by Friday.');
    const linked = parseArticle(
      rawFile(
        '---\nurl: https://news.example/flood\n---\n<div><video poster="https://cdn.news.example/p.jpg"></video></div>',
      ),
      UTC,
    );
    expect(linked.article!.html).toContain(
      '<figure class="video-fallback"><a href="https://news.example/flood"><img src="https://cdn.news.example/p.jpg" alt=""></a><figcaption><a href="https://news.example/flood">▶ news.example/flood</a></figcaption></figure>',
    );
  });

  it('reads a mostly valid text with a run of stray control bytes as an article, with a warning', () => {
    const { article, problems } = parseFixture('control-bytes.md');
    expect(article).not.toBeNull();
    expect(article!.title).toBe('損壞的副本仍是文章');
    expect(article!.text).toContain('但後面的內容完整無缺');
    expect(article!.text).not.toMatch(/[\u0001-\u0008\u000b\u000e-\u001f]/);
    expect(problems).toMatchObject([{ code: 'control-characters', severity: 'warning', line: 8 }]);
    expect(problems[0]!.message).toContain('670');
    // A lone control character (a terminal escape's BEL) is not damage: kept as written, no warning.
    const lone = parseArticle(rawFile('Ring \u0007 once.'), UTC);
    expect(lone.problems).toEqual([]);
    expect(lone.article!.text).toBe('Ring \u0007 once.');
    // Control characters all through the file are still binary.
    const scattered = new Uint8Array(400).map((_, i) => (i % 4 === 0 ? 0x10 : 0x61));
    expect(parseArticle(rawFile(scattered), UTC).problems).toMatchObject([{ code: 'binary' }]);
    expect(parseArticle(rawFile(new Uint8Array(700).fill(0x10)), UTC).problems).toMatchObject([
      { code: 'binary' },
    ]);
  });

  it('marks Traditional Chinese as zh-Hant from the front matter, the lang attribute or the characters', () => {
    expect(parseFixture('hugo-shortcodes-hk.md').article!.lang).toBe('zh-Hant'); // lang = "zh-hk"
    expect(parseFixture('jekyll-zh/_posts/2016-08-21-香港新聞自由指數.md').article!.lang).toBe('zh-Hant'); // characters
    const simplified = parseArticle(rawFile('这是一个关于国际关系的报道，双方会谈后发表声明。'), UTC);
    expect(simplified.article!.lang).toBe('zh-Hans');
    const attribute = parseArticle(rawFile('<div lang="zh-TW"><p>你好</p></div>', '/library/a.html'), UTC);
    expect(attribute.article!.lang).toBe('zh-Hant');
    expect(parseFixture('hugo-go1.21.md').article!.lang).toBeUndefined();
    expect(
      parseArticle(rawFile('<html lang="en-GB"><p>Hello</p></html>', '/l/a.html'), UTC).article!.lang,
    ).toBe('en-GB');
  });
});
