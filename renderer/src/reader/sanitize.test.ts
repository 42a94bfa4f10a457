// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
// The seeds as the app ships them (the sample archive keeps the repository's one copy).
import seed000 from '../../../resources/sample-archive/新浪财经/000_9fc613d590d79208.txt?raw';
import seed001 from '../../../resources/sample-archive/新浪财经/001_c6695ae4905b6fb4.txt?raw';
import { MAX_TABLE_SPAN } from '../../../shared/tableSpan';
import { buildArticleContent, countElements, MAX_PANE_ELEMENTS, sanitizeWithinBound } from './articleContent';
import { EXPLAIN_PARALLELISM, type ImageFailureText, MAX_EXPLAINED_PER_ARTICLE } from './articleImages';
import { decideHeadImage } from './headImage';
import { sanitizeArticleHtml, sanitizeArticleHtmlToString } from './sanitize';

const FILES: Record<string, string> = {
  '000_9fc613d590d79208.txt': seed000,
  '001_c6695ae4905b6fb4.txt': seed001,
};

/** A seed split into its front-matter head image and its HTML body (the engine does the same). */
function seed(name: string): { headimg: string; body: string } {
  const text = FILES[name]!;
  const parts = text.trimStart().split(/^---\s*$/m);
  const front = parts[1]!;
  const headimg = /^headimg:\s*'([^']+)'/m.exec(front)![1]!;
  return { headimg, body: parts.slice(2).join('---') };
}

const SEEDS = ['000_9fc613d590d79208.txt', '001_c6695ae4905b6fb4.txt'];

function sanitizedElement(html: string): HTMLElement {
  const div = document.createElement('div');
  div.append(sanitizeArticleHtml(html));
  return div;
}

describe('sanitizeArticleHtml', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const out = sanitizeArticleHtmlToString(
      '<p onclick="alert(1)">hi<script>alert(2)</script></p><img src="https://x.test/a.png" onerror="alert(3)">' +
        '<a href="javascript:alert(4)">js</a><a href=" jav&#x09;ascript:alert(5)">tab</a><svg onload="alert(6)"></svg>',
    );
    expect(out).not.toMatch(/alert|script|onclick|onerror|onload|svg/i);
    expect(out).toContain('<p>hi</p>');
  });

  it('removes style elements, style attributes, forms, frames, objects, embeds, base, meta, link and inputs', () => {
    const el = sanitizedElement(
      '<style>body{display:none}</style><div style="position:fixed;inset:0">cover</div>' +
        '<form action="https://evil.test"><input name="q"><button>go</button></form>' +
        '<iframe src="https://evil.test"></iframe><frameset></frameset><object data="x.swf"></object>' +
        '<embed src="x.swf"><base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=https://evil.test">' +
        '<link rel="stylesheet" href="https://evil.test/a.css"><textarea>t</textarea><select><option>o</option></select>',
    );
    for (const tag of [
      'style',
      'form',
      'input',
      'button',
      'iframe',
      'frameset',
      'object',
      'embed',
      'base',
      'meta',
      'link',
      'textarea',
      'select',
    ]) {
      expect(el.querySelector(tag), tag).toBeNull();
    }
    expect(el.querySelector('[style]')).toBeNull();
    expect(el.textContent).not.toContain('display:none');
    expect(el.textContent).toContain('cover');
  });

  it('keeps http(s) and mailto links, with the URL as hover text; drops file: and data:', () => {
    const el = sanitizedElement(
      '<a href="https://example.com/a?b=1">web</a><a href="mailto:x@example.com">mail</a>' +
        '<a href="file:///etc/passwd">file</a><a href="data:text/html,<script>alert(1)</script>">data</a>' +
        '<a href="relative/page.html">rel</a><a href="//example.org/x">scheme-relative</a>',
    );
    const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://example.com/a?b=1',
      'mailto:x@example.com',
      null,
      null,
      null,
      'https://example.org/x',
    ]);
    const first = el.querySelector('a')!;
    expect(first.title).toBe('https://example.com/a?b=1');
    expect(first.rel).toBe('noopener noreferrer');
    expect(first.hasAttribute('target')).toBe(false);
  });

  it('makes images private and lazy, and allows only http(s) and raster data: sources', () => {
    const el = sanitizedElement(
      '<img src="https://x.test/a.jpg" alt="A"><img src="file:///home/me/secret.png">' +
        '<img src="data:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml;base64,PHN2Zz4=">' +
        '<img src="//n.sinaimg.cn/b.gif" srcset="file:///x 2x">',
    );
    const imgs = [...el.querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([
      'https://x.test/a.jpg',
      null,
      'data:image/png;base64,iVBORw0KGgo=',
      null,
      'https://n.sinaimg.cn/b.gif',
    ]);
    for (const img of imgs) {
      expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('decoding')).toBe('async');
      expect(img.hasAttribute('srcset')).toBe(false);
    }
  });

  it('prefixes id and name so article markup cannot clobber globals, and keeps in-page links working', () => {
    const el = sanitizedElement(
      '<img id="0" name="getElementById" src="https://x.test/a.jpg"><a name="cookie"></a>' +
        '<h2 id="notes">Notes</h2><a href="#notes">to notes</a>',
    );
    expect(el.querySelector('img')!.id).toBe('user-content-0');
    expect(el.querySelector('img')!.getAttribute('name')).toBe('user-content-getElementById');
    expect(el.querySelector('h2')!.id).toBe('user-content-notes');
    expect(el.querySelector('a[href]')!.getAttribute('href')).toBe('#user-content-notes');
    expect(typeof document.getElementById).toBe('function');
  });

  it.each(SEEDS)('renders seed %s as clean article markup', (name) => {
    const { body } = seed(name);
    const el = sanitizedElement(body);
    const text = el.textContent!;
    expect(text).toContain('拉夫罗夫');
    expect(text).not.toMatch(/<\/?(p|div|img|style|font)\b/i); // no raw tags shown as text
    expect(text).not.toContain('appendQr_wrap{');
    expect(text).not.toContain('&#123;');
    expect(text).not.toContain('{');
    expect(text).not.toContain('article_adlist'); // the commented-out block stays out
    expect(el.querySelector('style, [style], [cms-style]')).toBeNull();
    expect(el.querySelectorAll('p').length).toBeGreaterThan(4);
  });
});

describe('head image rule', () => {
  it('does not repeat seed 000’s head image: the story already starts with it', () => {
    const { headimg, body } = seed(SEEDS[0]!);
    expect(decideHeadImage(headimg, sanitizedElement(body))).toBe('in-body');
  });

  it('does not show seed 001’s head image: it is the QR-code advert at the end', () => {
    const { headimg, body } = seed(SEEDS[1]!);
    expect(decideHeadImage(headimg, sanitizedElement(body))).toBe('advert');
  });

  it('shows a head image the body does not contain, and ignores unusable ones', () => {
    const body = sanitizedElement('<p>text</p><img src="https://x.test/other.jpg">');
    expect(decideHeadImage('https://x.test/head.jpg', body)).toBe('show');
    expect(decideHeadImage(undefined, body)).toBe('none');
    expect(decideHeadImage('file:///etc/x.png', body)).toBe('none');
    // Same image written with another scheme counts as the same image.
    expect(decideHeadImage('http://X.test/other.jpg', body)).toBe('in-body');
  });

  it('puts a shown head image above the body with the same privacy attributes', () => {
    const { root, headImage } = buildArticleContent('<p>body</p>', 'https://x.test/head.jpg', {
      failureText: () => 'not shown',
    })!;
    expect(headImage).toBe('show');
    const img = root.querySelector('.bs-head-image img')!;
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(root.firstElementChild!.className).toBe('bs-head-image');
  });
});

describe('picture failure lines', () => {
  const failureText: ImageFailureText = ({ reason, count, alt }) =>
    `${count > 1 ? `${count} pictures` : alt || 'picture'} not shown: ${reason ?? '…'}`;
  const explained: { route: string }[] = [];
  const explain = async (route: string) => {
    explained.push({ route });
    return { reason: 'offline' as const, detail: `${route} unreachable` };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('replaces a failed picture with a line saying why, and a dropped source at once', async () => {
    const { root } = buildArticleContent(
      '<p>text</p><img src="https://x.test/a.jpg" alt="Harbour at dusk"><p>more</p><img src="file:///x.png">',
      undefined,
      { failureText, articleId: 'art1', explain },
    )!;
    const lines = () => [...root.querySelectorAll('.bs-img-failed')].map((b) => b.textContent);
    expect(lines()).toEqual(['picture not shown: blocked']);
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/_images/remote?a=art1&u=https%3A%2F%2Fx.test%2Fa.jpg');
    img.dispatchEvent(new Event('error'));
    expect(lines()).toEqual(['Harbour at dusk not shown: …', 'picture not shown: blocked']);
    await settle();
    expect(explained.at(-1)!.route).toBe('/_images/remote?a=art1&u=https%3A%2F%2Fx.test%2Fa.jpg');
    expect(lines()).toEqual(['Harbour at dusk not shown: offline', 'picture not shown: blocked']);
    expect(root.querySelector('.bs-img-failed')!.getAttribute('title')).toMatch(/unreachable/);
  });

  it('merges neighbouring failures into one line, in whatever order they fail', async () => {
    const pictures = Array.from({ length: 6 }, (_, i) => `<p><img src="https://x.test/${i}.jpg"></p>`).join(
      '',
    );
    const { root } = buildArticleContent(`<p>Story</p>${pictures}<p>End</p>`, undefined, {
      failureText,
      articleId: 'art1',
      explain,
    })!;
    const imgs = [...root.querySelectorAll('img')];
    for (const i of [3, 0, 5, 1, 2, 4]) imgs[i]!.dispatchEvent(new Event('error'));
    await settle();
    const lines = [...root.querySelectorAll('.bs-img-failed')];
    expect(lines.map((l) => l.textContent)).toEqual(['6 pictures not shown: offline']);
    expect([...root.querySelectorAll('.bs-body > p')].map((p) => p.textContent)).toEqual([
      'Story',
      '6 pictures not shown: offline',
      'End',
    ]);
  });

  it('asks why for a bounded sample of an article’s failures, a few at a time', async () => {
    const routes: string[] = [];
    let active = 0;
    let maxActive = 0;
    const slowExplain = async (route: string) => {
      routes.push(route);
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 1));
      active--;
      return { reason: 'blocked' as const, detail: 'past the cap' };
    };
    const pictures = Array.from({ length: 2000 }, (_, i) => `<img src="https://x.test/${i}.jpg">`).join('');
    const { root } = buildArticleContent(`<p>Story</p><p>${pictures}</p><p>End</p>`, undefined, {
      failureText,
      articleId: 'art1',
      explain: slowExplain,
    })!;
    for (const img of [...root.querySelectorAll('img')]) img.dispatchEvent(new Event('error'));
    while (routes.length < MAX_EXPLAINED_PER_ARTICLE || active > 0) await settle();
    await new Promise((resolve) => setTimeout(resolve, 150)); // a long line renders in batches
    expect(routes).toHaveLength(MAX_EXPLAINED_PER_ARTICLE);
    expect(maxActive).toBeLessThanOrEqual(EXPLAIN_PARALLELISM);
    expect([...root.querySelectorAll('.bs-img-failed')].map((l) => l.textContent)).toEqual([
      '2000 pictures not shown: blocked',
    ]);
  });

  it('says a picture could not be loaded when no reason came', async () => {
    const { root } = buildArticleContent('<p>a</p><img src="https://x.test/1.jpg"><p>b</p>', undefined, {
      failureText,
      articleId: 'art1',
      explain: async () => null,
    })!;
    root.querySelector('img')!.dispatchEvent(new Event('error'));
    await settle();
    expect(root.querySelector('.bs-img-failed')!.textContent).toBe('picture not shown: not-loaded');
  });

  it('keeps failures apart when text stands between them', () => {
    const { root } = buildArticleContent(
      '<p><img src="https://x.test/1.jpg"></p><p>Caption text</p><p><img src="https://x.test/2.jpg"></p>',
      undefined,
      { failureText, articleId: 'art1', explain },
    )!;
    for (const img of [...root.querySelectorAll('img')]) img.dispatchEvent(new Event('error'));
    expect(root.querySelectorAll('.bs-img-failed')).toHaveLength(2);
  });

  it('routes local pictures through the app and never leaves them in src', () => {
    const { root } = buildArticleContent(
      '<img src="images/a b.png" alt="local"><img src="/static/c.jpg"><img src="data:image/png;base64,iVBORw0KGgo=">',
      undefined,
      { failureText, articleId: 'art1', explain },
    )!;
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      '/_images/local?a=art1&src=images%2Fa+b.png',
      '/_images/local?a=art1&src=%2Fstatic%2Fc.jpg',
      'data:image/png;base64,iVBORw0KGgo=',
    ]);
    expect(root.querySelector('[data-bs-local-src]')).toBeNull();
  });

  it('does not let article markup plant a local source', () => {
    const el = sanitizedElement('<img data-bs-local-src="../../secret.png" src="https://x.test/a.png">');
    expect(el.querySelector('img')!.hasAttribute('data-bs-local-src')).toBe(false);
  });
});

describe("the pane's own bound on an article", () => {
  it('refuses markup that sanitizes into more elements than the bound, whatever the engine said', () => {
    // jsdom is far slower than Chromium: a small bound here, the real one in the e2e test.
    const bound = { maxElements: 1_000, maxMs: 60_000, now: () => performance.now() };
    expect(sanitizeWithinBound('<p>fine</p>', bound)).not.toBeNull();
    expect(sanitizeWithinBound('<i></i>'.repeat(1_000), bound)).not.toBeNull();
    expect(sanitizeWithinBound('<i></i>'.repeat(1_001), bound)).toBeNull();
    // Re-created formatting elements count as the browser builds them: 40 in each of 100 paragraphs.
    const bomb = `<p>${Array.from({ length: 40 }, (_, i) => `<b class=c${i}>`).join('')}${'<p>x'.repeat(100)}`;
    expect(bomb.length).toBeLessThan(2_000);
    expect(sanitizeWithinBound(bomb, bound)).toBeNull();
    expect(MAX_PANE_ELEMENTS).toBe(100_000);
  });

  it('refuses markup that took too long to sanitize', () => {
    let clock = 0;
    const slow = { maxElements: 1_000, maxMs: 3_000, now: () => (clock += 5_000) };
    expect(sanitizeWithinBound('<p>x</p>', slow)).toBeNull();
  });

  it('counts elements and stops past the limit', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p><b>x</b></p><p></p>';
    expect(countElements(div, 100)).toBe(3);
    expect(countElements(div, 1)).toBe(2);
  });
});

describe('round two of hostile markup', () => {
  it('holds colspan and rowspan to MAX_TABLE_SPAN (a few huge spans cost table layout seconds)', () => {
    const out = sanitizeArticleHtmlToString(
      '<table><tr><td colspan="1000" rowspan=" 65534">a</td><td colspan=3 rowspan=2>b</td>' +
        '<td colspan="999999999999999999999x">c</td><td rowspan=0 colspan=0>d</td><td colspan=wide>e</td></tr></table>',
    );
    expect(out).toContain('colspan="100" rowspan="100"');
    expect(out).toContain('colspan="3" rowspan="2"');
    expect(out).toContain('colspan="100">c');
    // rowspan=0 ("to the end of the group") costs like a huge span; the group's end clips 100 the same.
    expect(out).toContain('rowspan="100" colspan="1">d');
    expect(out).toContain('colspan="wide">e');
    expect(MAX_TABLE_SPAN).toBe(100);
  });

  it('strips crossorigin from images', () => {
    const out = sanitizeArticleHtmlToString(
      '<img src="https://x.test/a.jpg" crossorigin="use-credentials"><img src="https://x.test/b.jpg" crossorigin>',
    );
    expect(out).not.toContain('crossorigin');
    expect(out).toContain('https://x.test/a.jpg');
  });

  it('strips roles, live regions and landmarks, keeping the text', () => {
    const out = sanitizeArticleHtmlToString(
      '<div role="alert" aria-live="assertive" aria-atomic="true">Your library was deleted</div>' +
        '<div role=dialog aria-modal=true aria-label="Broadsheet">fake dialog</div>' +
        '<ul role="navigation" aria-label="Headlines"><li>fake list</li></ul>' +
        '<nav aria-label="Headlines">nav text</nav><main>main text</main><aside>aside text</aside>' +
        '<search>search text</search><section title="Headlines">section text</section>' +
        '<p aria-hidden="true" aria-describedby="x" aria-owns="y">hidden?</p><span role=status>st</span>' +
        // Elements whose own role is a dialog, a live region or a widget.
        '<dialog open>dialog text</dialog><output>output text</output><marquee>marquee text</marquee>' +
        '<progress value=3 max=9>progress text</progress><meter value=1>meter text</meter>',
    );
    expect(out).not.toMatch(
      /\brole=|aria-|<nav|<main|<aside|<search|title=|<dialog|<output|<marquee|<progress|<meter/,
    );
    for (const text of [
      'Your library was deleted',
      'fake dialog',
      'fake list',
      'nav text',
      'main text',
      'aside text',
      'search text',
      'section text',
      'hidden?',
      'dialog text',
      'output text',
      'progress text',
      'meter text',
    ]) {
      expect(out).toContain(text);
    }
  });

  it('keeps only to/cc/bcc/subject/body of a mailto: link', () => {
    const out = sanitizeArticleHtmlToString(
      '<a href="mailto:a@x.test?subject=Hi&attach=/etc/passwd&body=Text&Attachment=%2Fetc%2Fshadow&%61ttach=/x&cc=b@x.test&X-Header=1">m</a>' +
        '<a href="MAILTO:c@x.test?attach=/etc/passwd">n</a>',
    );
    expect(out).toContain('href="mailto:a@x.test?subject=Hi&amp;body=Text&amp;cc=b@x.test"');
    expect(out).toContain('href="mailto:c@x.test"');
    expect(out).not.toMatch(/attach|passwd|shadow|X-Header/i);
  });
});
