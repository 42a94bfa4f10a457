// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/types';
import { displayHtml, MAX_DISPLAY_HTML_CHARS, removeRepeatedTitle } from './displayHtml';

const tooDeep: Problem = { path: '/a.md', code: 'html-too-deep', message: 'deep', severity: 'warning' };

describe('displayHtml', () => {
  it('keeps ordinary markup', () => {
    expect(displayHtml({ html: '<p>x</p>', text: 'x', problems: [] })).toEqual({
      html: '<p>x</p>',
      asText: null,
    });
  });

  it('shows the escaped text of an article nested too deeply', () => {
    const html = '<div>'.repeat(50_000);
    const shown = displayHtml({ html, text: 'first <b>\n\nsecond & more', problems: [tooDeep] });
    expect(shown.asText).toBe('too-deep');
    expect(shown.html).toBe('<p>first &#60;b&#62;</p>\n<p>second &#38; more</p>');
  });

  it('shows the text of an enormous article', () => {
    const html = `<p>${'x'.repeat(MAX_DISPLAY_HTML_CHARS)}</p>`;
    expect(displayHtml({ html, text: 'x', problems: [] }).asText).toBe('too-large');
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
