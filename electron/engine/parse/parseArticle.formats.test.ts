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
