import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/types';
import { articleIdForPath, contentHashOf, toSummary } from './ids';

describe('ids', () => {
  it('derives a 16-hex id from the absolute path (sha1 prefix)', () => {
    expect(articleIdForPath('/lib/a.md')).toMatch(/^[0-9a-f]{16}$/);
    expect(articleIdForPath('/lib/a.md')).toBe(articleIdForPath('/lib/a.md'));
    expect(articleIdForPath('/lib/a.md')).not.toBe(articleIdForPath('/lib/b.md'));
    // sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
    expect(articleIdForPath('abc')).toBe('a9993e364706816a');
  });

  it('hashes title, date, author and text, keeping field boundaries', () => {
    const h = contentHashOf('T', '2022-08-06T04:07:06.000Z', 'A', 'text');
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHashOf('T', '2022-08-06T04:07:06.000Z', 'A', 'text')).toBe(h);
    expect(contentHashOf('T', '2022-07-29T04:55:15.000Z', 'A', 'text')).not.toBe(h);
    expect(contentHashOf('T', '2022-08-06T04:07:06.000Z', undefined, 'text')).not.toBe(h);
    expect(contentHashOf('ab', 'c', '', '')).not.toBe(contentHashOf('a', 'bc', '', ''));
  });

  it('toSummary drops html, text, extra and problems', () => {
    const article: Article = {
      id: 'i',
      contentHash: 'h',
      path: '/p',
      root: '/',
      title: 't',
      date: 'd',
      dateSource: 'front-matter',
      author: 'a',
      categories: ['c'],
      images: {},
      chars: 1,
      excerpt: 'e',
      bodyFormat: 'html',
      mtimeMs: 1,
      size: 2,
      degraded: false,
      html: '<p>x</p>',
      text: 'x',
      extra: { k: 1 },
      problems: [],
    };
    const summary = toSummary(article);
    expect(summary).not.toHaveProperty('html');
    expect(summary).not.toHaveProperty('text');
    expect(summary).not.toHaveProperty('extra');
    expect(summary).not.toHaveProperty('problems');
    expect(summary).toMatchObject({ id: 'i', author: 'a', chars: 1, bodyFormat: 'html' });
    expect(toSummary({ ...article, author: undefined })).not.toHaveProperty('author');
  });
});

describe('contentHashOf stays the digest it always was', () => {
  it('equals the field-by-field SHA-1, for CJK text, empty fields and lone surrogates', () => {
    const old = (title: string, date: string, author: string | undefined, text: string) =>
      createHash('sha1')
        .update(title)
        .update('\0')
        .update(date)
        .update('\0')
        .update(author ?? '')
        .update('\0')
        .update(text)
        .digest('hex')
        .slice(0, 16);
    const cases: [string, string, string | undefined, string][] = [
      [
        '王毅会见俄罗斯外长拉夫罗夫',
        '2022-08-06T04:07:06.000Z',
        '新浪财经',
        '当地时间2022年8月5日，\n国务委员',
      ],
      ['', '', undefined, ''],
      ['a\ud800', '\udc00b', '😀', 'x\udfff'],
    ];
    for (const c of cases) expect(contentHashOf(...c)).toBe(old(...c));
  });
});
