// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CURRENT_CLASS, clearMatches, markMatches, stepMatch } from './highlightMatches';

function article(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}
const marked = (root: Element) => [...root.querySelectorAll('mark.bs-hit')].map((m) => m.textContent);

describe('markMatches', () => {
  it('marks Traditional text for a Simplified query, as written, unless exact characters', () => {
    const root = article('<p>維護國家安全，<b>國家</b>安全法</p><p>国家</p>');
    markMatches(root, '国家安全', false);
    expect(marked(root)).toEqual(['國家安全', '國家', '安全']);
    expect(root.textContent).toBe('維護國家安全，國家安全法国家');
    clearMatches(root);
    expect(marked(root)).toEqual([]);
    expect(root.innerHTML).toBe('<p>維護國家安全，<b>國家</b>安全法</p><p>国家</p>');
    markMatches(root, '国家', true);
    expect(marked(root)).toEqual(['国家']);
  });

  it('never joins two paragraphs into one phrase, and skips excluded and field terms', () => {
    const root = article('<p>中国</p><p>国家</p><p>high level</p>');
    markMatches(root, '"中国国家" -level author:high', false);
    expect(marked(root)).toEqual([]);
    markMatches(root, 'level -中国', false);
    expect(marked(root)).toEqual(['level']);
  });

  it('steps through the marks, wrapping around', () => {
    const root = article('<p>a x a y a</p>');
    markMatches(root, 'a', false);
    expect(stepMatch(root, 1)).toEqual({ index: 1, count: 3 });
    expect(stepMatch(root, -1)).toEqual({ index: 3, count: 3 });
    expect(root.querySelectorAll(`.${CURRENT_CLASS}`)).toHaveLength(1);
    expect(stepMatch(article('<p>none</p>'), 1)).toBeNull();
  });
});
