// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAX_DATA_IMAGE_CHARS } from '../../../shared/limits';
import type { Problem } from '../../../shared/types';
import {
  canShowWholePage,
  displayHtml,
  displayText,
  MAX_DISPLAY_HTML_CHARS,
  MAX_DISPLAY_TEXT_CHARS,
  markupChars,
  removeRepeatedTitle,
} from './displayHtml';
import { safeImageSrc } from './urls';

const tooDeep: Problem = { path: '/a.md', code: 'html-too-deep', message: 'deep', severity: 'warning' };

describe('displayHtml', () => {
  it('keeps ordinary markup', () => {
    expect(displayHtml({ html: '<p>x</p>', problems: [] })).toEqual({
      html: '<p>x</p>',
      asText: null,
    });
  });

  it('shows the text of an article nested too deeply', () => {
    const html = '<div>'.repeat(50_000);
    expect(displayHtml({ html, problems: [tooDeep] })).toEqual({ html: null, asText: 'too-deep' });
  });

  it('shows the text of an article a browser would build too many elements from', () => {
    const problem: Problem = {
      path: '/a.md',
      code: 'html-too-many-elements',
      message: 'm',
      severity: 'warning',
    };
    const shown = displayHtml({ html: '<p><b><b><p>x<p>y', problems: [problem] });
    expect(shown).toEqual({ html: null, asText: 'too-many-elements' });
  });

  it('shows the text of an enormous article', () => {
    const html = `<p>${'x'.repeat(MAX_DISPLAY_HTML_CHARS)}</p>`;
    expect(displayHtml({ html, problems: [] })).toEqual({ html: null, asText: 'too-large' });
  });
});

describe('displayText', () => {
  it('lays out at most MAX_DISPLAY_TEXT_CHARS characters of text and says how many it left out', () => {
    expect(displayText('short')).toEqual({ text: 'short', omitted: 0 });
    const word = 'x'.repeat(MAX_DISPLAY_TEXT_CHARS * 3);
    const shown = displayText(word);
    expect(shown.text).toHaveLength(MAX_DISPLAY_TEXT_CHARS + 1);
    expect(shown.text.endsWith('x…')).toBe(true);
    expect(shown.omitted).toBe(MAX_DISPLAY_TEXT_CHARS * 2);
    expect(displayText('y'.repeat(MAX_DISPLAY_TEXT_CHARS)).omitted).toBe(0);
    // Never half of a surrogate pair: 𠀀 is two UTF-16 units.
    const astral = `${'z'.repeat(MAX_DISPLAY_TEXT_CHARS - 1)}𠀀rest`;
    const cut = displayText(astral);
    expect(cut.text).toBe(`${'z'.repeat(MAX_DISPLAY_TEXT_CHARS - 1)}…`);
    expect(cut.omitted).toBe(astral.length - (MAX_DISPLAY_TEXT_CHARS - 1));
    expect(MAX_DISPLAY_TEXT_CHARS).toBe(1_000_000);
  });
});

describe('saved web pages', () => {
  const picture = `data:image/jpeg;base64,${'A'.repeat(MAX_DISPLAY_HTML_CHARS)}`;

  it('counts a data: picture as one character of markup, so a SingleFile story keeps its formatting', () => {
    const html = `<p>story</p><img src="${picture}" alt="a"><img src='${picture}'>`;
    expect(markupChars(html)).toBe(html.length - 2 * (picture.length - 1));
    expect(displayHtml({ html, problems: [] }).asText).toBeNull();
    expect(markupChars('no pictures')).toBe(11);
  });

  it('shows the whole page only when asked and when the engine kept one', () => {
    const article = {
      html: '<p>story</p>',
      text: 'story',
      problems: [],
      wholePage: '<nav>menu</nav><p>story</p>',
    };
    expect(displayHtml(article).html).toBe('<p>story</p>');
    expect(displayHtml(article, true)).toEqual({ html: '<nav>menu</nav><p>story</p>', asText: null });
    expect(displayHtml({ ...article, wholePage: undefined }, true).html).toBe('<p>story</p>');
  });

  it('offers no whole page too large to display', () => {
    expect(canShowWholePage({ wholePage: '<p>x</p>' })).toBe(true);
    expect(canShowWholePage({ wholePage: undefined })).toBe(false);
    expect(canShowWholePage({ wholePage: `<p>${'x'.repeat(MAX_DISPLAY_HTML_CHARS)}</p>` })).toBe(false);
  });

  it('keeps data: pictures up to the shared bound and drops longer ones', () => {
    const head = 'data:image/png;base64,';
    const ok = `${head}${'A'.repeat(MAX_DATA_IMAGE_CHARS - head.length)}`;
    expect(safeImageSrc(ok)).toBe(ok);
    expect(safeImageSrc(`${ok}A`)).toBeNull();
    expect(safeImageSrc(`${head}${'A'.repeat(4 * MAX_DATA_IMAGE_CHARS)}`)).toBeNull();
  });
});

describe('removeRepeatedTitle', () => {
  const body = (html: string) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    return div;
  };

  it('drops a first heading that repeats the title', () => {
    const b = body('<h1>Palace  Museum a place of arts and politics</h1><p>Body</p>');
    removeRepeatedTitle(b, 'Palace Museum a place of arts and politics');
    expect(b.innerHTML).toBe('<p>Body</p>');
  });

  it('keeps a heading that says something else, or one that is not first', () => {
    const other = body('<h1>Another heading</h1><p>Body</p>');
    removeRepeatedTitle(other, 'Title');
    expect(other.querySelector('h1')).toBeTruthy();
    const later = body('<p>Intro</p><h1>Title</h1>');
    removeRepeatedTitle(later, 'Title');
    expect(later.querySelector('h1')).toBeTruthy();
  });
});
