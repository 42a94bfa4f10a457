// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildArticleContent } from './articleContent';
import { sanitizeArticleHtmlToString, UNAVAILABLE_HREF_ATTR } from './sanitize';
import { relativeHref, resolveHref } from './urls';

const BASE = 'https://news.example.com/2022/08/06/story.html';

describe('relative links', () => {
  it('tells relative links from everything else', () => {
    expect(relativeHref('other.html')).toBe('other.html');
    expect(relativeHref(' /news/1.html ')).toBe('/news/1.html');
    expect(relativeHref('?page=2')).toBe('?page=2');
    for (const notRelative of [
      '',
      '#top',
      '//cdn.example.com/x',
      'https://x.test/',
      'java\tscript:alert(1)',
      'mailto:a@b.c',
      'data:text/html,x',
    ])
      expect(relativeHref(notRelative)).toBeNull();
  });

  it('resolve against the article address and keep the link rules', () => {
    expect(resolveHref('other.html', BASE)).toBe('https://news.example.com/2022/08/06/other.html');
    expect(resolveHref('/about', BASE)).toBe('https://news.example.com/about');
    expect(resolveHref('../../07/01/a.html?x=1#p', BASE)).toBe(
      'https://news.example.com/2022/07/01/a.html?x=1#p',
    );
    expect(resolveHref('other.html', undefined)).toBeNull();
    expect(resolveHref('other.html', 'file:///etc/passwd')).toBeNull();
  });

  it('become real links when the article has a web address', () => {
    const html = sanitizeArticleHtmlToString(
      '<a href="other.html">next</a> <a href="https://a.test/">abs</a>',
      {
        baseUrl: BASE,
      },
    );
    expect(html).toContain('href="https://news.example.com/2022/08/06/other.html"');
    expect(html).toContain('href="https://a.test/"');
    expect(html).not.toContain(UNAVAILABLE_HREF_ATTR);
  });

  it('are marked unavailable, with no href, when it has none; nothing else is marked', () => {
    const html = sanitizeArticleHtmlToString(
      '<a href="other.html">next</a> <a href="javascript:alert(1)">js</a> <a href="#x">in page</a>',
    );
    const holder = document.createElement('div');
    holder.innerHTML = html;
    const [next, js, inPage] = [...holder.querySelectorAll('a')];
    expect(next!.hasAttribute('href')).toBe(false);
    expect(next!.getAttribute(UNAVAILABLE_HREF_ATTR)).toBe('other.html');
    expect(js!.hasAttribute('href')).toBe(false);
    expect(js!.hasAttribute(UNAVAILABLE_HREF_ATTR)).toBe(false);
    expect(inPage!.getAttribute('href')).toBe('#user-content-x');
    // The article's own markup cannot claim the mark: data attributes are not kept.
    const forged = sanitizeArticleHtmlToString(
      `<a ${UNAVAILABLE_HREF_ATTR}="x" href="https://a.test/">f</a>`,
    );
    expect(forged).not.toContain(UNAVAILABLE_HREF_ATTR);
    // The base of one call does not leak into the next.
    sanitizeArticleHtmlToString('<a href="a.html">a</a>', { baseUrl: BASE });
    expect(sanitizeArticleHtmlToString('<a href="a.html">a</a>')).toBe(
      `<a ${UNAVAILABLE_HREF_ATTR}="a.html">a</a>`,
    );
  });

  it('say why in the pane', () => {
    const built = buildArticleContent('<p><a href="2.html">page 2</a></p>', undefined, {
      failureText: () => '',
      unavailableLinkText: (href) => `unavailable: ${href}`,
    });
    expect(built!.root.querySelector('a')!.getAttribute('title')).toBe('unavailable: 2.html');
  });
});
