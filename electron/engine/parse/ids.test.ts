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
