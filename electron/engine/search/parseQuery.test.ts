import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';

const shape = (text: string) =>
  parseQuery(text).clauses.map((c) =>
    c.tokens.map((t) => `${t.kind}:${t.text}${t.prefix ? '*' : ''}`).join(' '),
  );

describe('parseQuery', () => {
  it('splits CJK runs, folded words and mixed scripts', () => {
    expect(shape('央行 LPR')).toEqual(['cjk:央行', 'word:lpr*']);
    expect(shape('央行LPR')).toEqual(['cjk:央行 word:lpr*']);
    expect(shape('王毅,拉夫罗夫')).toEqual(['cjk:王毅', 'cjk:拉夫罗夫']);
    expect(shape('Zürich ＣＡＦÉ')).toEqual(['word:zurich*', 'word:cafe*']);
  });

  it('keeps joined tokens together with only the last one a prefix', () => {
    expect(shape('97.0.2')).toEqual(['word:97 word:0 word:2*']);
    expect(shape('covid-19 c++')).toEqual(['word:covid word:19*', 'word:c*']);
  });

  it('treats quotes as exact phrases and repairs an unclosed one', () => {
    expect(shape('"High  Level" talks')).toEqual(['word:high word:level', 'word:talks*']);
    expect(shape('“一带一路”')).toEqual(['cjk:一带一路']);
    const open = parseQuery('a "b c');
    expect(open.clauses.map((c) => c.quoted)).toEqual([false, true]);
    expect(open.notice).toMatch(/quote/);
  });

  it('ignores empty input and punctuation-only input', () => {
    expect(parseQuery('').clauses).toEqual([]);
    expect(parseQuery(' 。，!! "" ').clauses).toEqual([]);
  });
});
