import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../testing/seeds';
import { type ParseOptions, parseArticle } from './parseArticle';
import { rawFile } from './testSupport';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const MTIME = Date.UTC(2024, 0, 2, 3, 4, 5);
const SHANGHAI: ParseOptions = { timeZone: 'Asia/Shanghai' };

/** A file of ./fixtures, or a seed (from the sample archive, where the seeds are kept once). */
function parseFixture(name: string, options: ParseOptions = SHANGHAI) {
  const dir = /^00[01]_[0-9a-f]{16}\.txt$/.test(name) ? SEED_DIR : FIXTURES;
  const bytes = readFileSync(dir + name);
  return parseArticle({ path: dir + name, root: dir, bytes, mtimeMs: MTIME, size: bytes.length }, options);
}

function parseText(text: string | Uint8Array, path?: string, options: ParseOptions = SHANGHAI) {
  return parseArticle(rawFile(text, path, MTIME), options);
}

const g = globalThis as { __broadsheetPwned?: unknown };
afterEach(() => {
  delete g.__broadsheetPwned;
});

describe('parseArticle on the seeds', () => {
  const a = parseFixture('000_9fc613d590d79208.txt');
  const b = parseFixture('001_c6695ae4905b6fb4.txt');

  it('reads the front matter (after the leading blank line)', () => {
    expect(a.problems).toEqual([]);
    expect(a.article).toMatchObject({
      title: '王毅会见俄罗斯外长拉夫罗夫',
      date: '2022-08-06T04:07:06.000Z',
      dateSource: 'front-matter',
      author: '新浪财经',
      categories: ['金融', '新浪财经', '新浪财经－国內'],
      images: {
        head: 'https://n.sinaimg.cn/spider20220806/373/w600h573/20220806/8fdd-da4686d739faa0fd36e88deab2beacf8.jpg',
        thumbnail:
          'https://n.sinaimg.cn/spider20220806/373/w600h573/20220806/8fdd-da4686d739faa0fd36e88deab2beacf8.jpg',
      },
      extra: { comments: false },
      bodyFormat: 'html',
      degraded: false,
      mtimeMs: MTIME,
      root: SEED_DIR,
    });
  });

  it('keeps the HTML body as HTML (no code blocks from the 12-space indented tail)', () => {
    const html = a.article!.html;
    expect(html.startsWith('<div>')).toBe(true);
    expect(html).not.toContain('<pre>');
    expect(html).not.toContain('&lt;div');
    // The QR advert is clean-up's to remove; the body as written still has it.
    expect(html).not.toContain('appendQr_wrap');
    const original = parseFixture('000_9fc613d590d79208.txt', { ...SHANGHAI, clean: false });
    expect(original.article!.html).toContain('<div class="clearfix appendQr_wrap">');
  });

  it('extracts plain text without style content, comments or indentation', () => {
    const text = a.article!.text;
    expect(text.startsWith('当地时间2022年8月5日，国务委员兼外长王毅')).toBe(true);
    expect(text).not.toContain('appendQr');
    expect(text).not.toContain('&#123;');
    expect(text).not.toContain('{');
    expect(text).not.toContain('正文下iframe');
    expect(text).not.toContain('　');
    expect(text.endsWith('双方还就金砖合作、伊朗核、朝鲜半岛局势等共同关心的国际地区问题交换了看法。')).toBe(
      true,
    );
    expect(a.article!.editor).toBe('李园');
    expect(text.split('\n')[1]!.startsWith('王毅全面阐述')).toBe(true);
    expect(a.article!.chars).toBe([...text].length);
    expect(a.article!.excerpt.length).toBeLessThanOrEqual(201);
    expect(a.article!.excerpt).not.toContain('\n');
    expect(a.article!.excerpt.startsWith('当地时间2022年8月5日')).toBe(true);
  });

  it('gives the two same-titled seeds different ids and content hashes', () => {
    expect(b.article!.title).toBe(a.article!.title);
    expect(b.article!.date).toBe('2022-07-29T04:55:15.000Z');
    expect(a.article!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.article!.id).not.toBe(b.article!.id);
    expect(a.article!.contentHash).not.toBe(b.article!.contentHash);
  });

  it('is deterministic', () => {
    expect(parseFixture('000_9fc613d590d79208.txt')).toEqual(a);
  });
});

describe('parseArticle on the corpus', () => {
  it('renders hkcnews Markdown with inline figures, reads category and the plain date in the zone', () => {
    const { article, problems } = parseFixture('article_8756.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: '香港彈入彈出避稅港名單，真正原因為何？',
      date: '2017-12-09T16:00:00.000Z',
      author: '前線科技人員',
      categories: ['眾說'],
      bodyFormat: 'markdown',
    });
    expect(article!.extra.tags).toEqual(['歐盟', '歐洲 聯盟', '稅制', '避稅港']);
    expect(article!.html).toContain('<h1>香港彈入彈出避稅港名單，真正原因為何？</h1>');
    expect(article!.html).toContain('<figure>');
    expect(article!.text).not.toContain('**');
    const ny = parseFixture('article_8756.md', { timeZone: 'America/New_York' });
    expect(ny.article!.date).toBe('2017-12-10T05:00:00.000Z');
  });

  it('uses the file time for an empty date, without a warning', () => {
    const { article, problems } = parseFixture('article_659.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      dateSource: 'file-mtime',
      date: new Date(MTIME).toISOString(),
      degraded: false,
    });
  });

  it('uses the file time for "Invalid Date", with a warning naming the value and line', () => {
    const { article, problems } = parseFixture('产品经理必懂的B端产品的权限设计逻辑.md');
    expect(article).toMatchObject({
      dateSource: 'file-mtime',
      date: new Date(MTIME).toISOString(),
      degraded: true,
    });
    expect(problems).toMatchObject([{ code: 'date-unreadable', severity: 'warning', line: 11 }]);
    expect(problems[0]!.message).toContain('"Invalid Date"');
    // lazy images: data-original-src replaces the ".../undefined" src
    expect(article!.html).toContain(
      'src="https://upload-images.jianshu.io/upload_images/5974177-5dfacf774f2b99d3"',
    );
    expect(article!.html).not.toContain('src="https://www.jianshu.com/p/undefined"');
    expect(article!.images).toEqual({});
  });

  it('collapses a title written over several lines with a blank line in it', () => {
    const { article } = parseFixture(
      '00_00                                      币世界晚行情：BTC回升至57000 USDT上方.md',
    );
    expect(article!.title).toBe('00_00 币世界晚行情：BTC回升至57000 USDT上方');
    expect(article!.date).toBe('2021-03-21T08:41:54.000Z'); // zone-less, read in Shanghai
  });

  it('replaces loadimg.gif placeholders and drops the placeholder thumbnail', () => {
    const { article } = parseFixture(' .md');
    expect(article!.html).toContain(
      'src="https://file.digitaling.com/eImg/uimages/20210319/remote_161612201734453.png"',
    );
    expect(article!.images).toEqual({});
    expect(article!.title).not.toBe('');
  });

  it('coerces a numeric-looking quoted title and keeps single-image bodies', () => {
    expect(parseFixture('2021.md').article!.title).toBe('2021');
    const img = parseFixture('BthI1stOpeC7Cwfの投稿イラスト.md').article!;
    expect(img).toMatchObject({ text: '', chars: 0, excerpt: '', bodyFormat: 'html' });
  });
});

describe('parseArticle on bad input', () => {
  it('never runs ---js front matter; recovers the title from the body', () => {
    const { article, problems } = parseFixture('front-matter-js.md');
    expect(g.__broadsheetPwned).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'front-matter-code', line: 3 }]);
    expect(article).toMatchObject({ title: 'Recovered heading', degraded: true, dateSource: 'file-mtime' });
    expect(article!.text).toContain('Body text after code front matter.');
  });

  it('lists a file whose front matter never closes, with the fence line', () => {
    const { article, problems } = parseFixture('unclosed.md');
    expect(problems).toMatchObject([{ code: 'front-matter-unclosed', line: 2, severity: 'warning' }]);
    expect(problems[0]!.message).toBe(
      'Front matter starting on line 2 never closes: add a line with --- after the metadata.',
    );
    expect(article!.degraded).toBe(true);
    expect(article!.text).toContain('The body starts here.');
  });

  it('lists a file with broken YAML, with the line and the body after the fence', () => {
    const { article, problems } = parseFixture('bad-yaml.md');
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4);
    expect(problems).toHaveLength(1);
    // The fields around the broken line are kept.
    expect(article).toMatchObject({
      title: 'Fine',
      author: 'Someone',
      text: 'Body of a file whose YAML is broken.',
    });
  });

  it('skips binary files', () => {
    const { article, problems } = parseFixture('binary.md');
    expect(article).toBeNull();
    expect(problems).toMatchObject([{ code: 'binary', severity: 'error' }]);
  });

  it('reads UTF-16, GB18030, BOM and CRLF files alike', () => {
    for (const name of ['utf16le.md', 'utf16be.md', 'gb18030.txt', 'utf8-bom.md', 'crlf.md']) {
      const { article, problems } = parseFixture(name);
      expect(problems, name).toEqual([]);
      expect(article, name).toMatchObject({
        title: '王毅会见俄罗斯外长',
        date: '2022-08-06T04:56:00.000Z',
        text: '中文正文，第二段。',
      });
    }
  });

  it('reports undecodable bytes and still lists the file', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('# Title\n\nok '), 0xff, 0xfe, 0x80]);
    const { article, problems } = parseText(bytes);
    expect(problems).toMatchObject([{ code: 'invalid-bytes', severity: 'warning' }]);
    expect(problems[0]!.message).toContain('3 byte');
    expect(article!.title).toBe('Title');
  });

  it('handles wrong field types without crashing', () => {
    const { article, problems } = parseText(
      '---\ntitle: {a: 1}\nauthor: [x, y]\ndate: [1]\ncategories: 5\n---\nFirst line\n',
    );
    expect(article).toMatchObject({
      title: 'First line',
      author: 'x, y',
      categories: ['5'],
      dateSource: 'file-mtime',
    });
    expect(problems.map((p) => p.code).sort()).toEqual(['date-unreadable', 'title-type']);
  });

  it('falls back to the file name for an empty file', () => {
    const { article, problems } = parseText('', '/library/news/Empty one.md');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ title: 'Empty one', text: '', chars: 0, bodyFormat: 'markdown' });
  });

  it('titles a whole saved page by its <title>, an HTML body by its first heading', () => {
    const { article } = parseFixture('lazy.html');
    expect(article).toMatchObject({ title: 'Lazy & relative', bodyFormat: 'html' });
    const fragment = parseText('<h2>Pictures</h2><p>x</p>', '/l/fragment.html');
    expect(fragment.article!.title).toBe('Pictures');
    expect(article!.text).toBe('Pictures\nlink <not a tag>');
    const noHeading = parseText(
      '<html><head><title>Only &amp; title</title></head><body><p>x</p></body></html>',
      '/l/a.htm',
    );
    expect(noHeading.article!.title).toBe('Only & title');
  });

  it('warns about an unknown time zone and reads the date in the system zone', () => {
    const { article, problems } = parseText('---\ndate: 2021-03-22 05:05:06\n---\nx', undefined, {
      timeZone: 'Nowhere/Land',
    });
    expect(problems).toMatchObject([{ code: 'time-zone' }]);
    expect(article!.date).toBe(new Date(2021, 2, 22, 5, 5, 6).toISOString());
  });

  it('stays bounded on a 50,000-deep Markdown/HTML nest and a 5 MB article', () => {
    const deep = parseText(`---\ntitle: deep\n---\n${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}`);
    expect(deep.article!.title).toBe('deep');
    expect(deep.problems).toMatchObject([{ code: 'html-too-deep' }]);
    const quotes = parseText(`${'> '.repeat(50_000)}quoted`);
    expect(quotes.article).not.toBeNull();

    const paragraph =
      '<p>　　当地时间2022年8月5日，国务委员兼外长王毅在金边出席东亚合作系列外长会。<img data-src="//n.sinaimg.cn/x.jpg"></p>\n';
    const big = `\n---\ntitle: big\n---\n<div>${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}</div>`;
    const { article } = parseText(big);
    expect(article!.chars).toBeGreaterThan(1_000_000);
    expect(article!.html).toContain('src="https://n.sinaimg.cn/x.jpg"');
  });

  it('never throws and always explains a skipped file, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const outcome = parseText(bytes);
        if (outcome.article === null) expect(outcome.problems.length).toBeGreaterThan(0);
        else expect(outcome.article.degraded).toBe(outcome.problems.length > 0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const outcome = parseText(`\n---\n${s}\n---\n${s}`);
        expect(outcome.article === null || typeof outcome.article.title === 'string').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
