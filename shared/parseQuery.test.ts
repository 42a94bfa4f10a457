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
    expect(open.notices).toEqual([{ kind: 'unclosedQuote' }]);
  });

  it('ignores empty input and punctuation-only input', () => {
    expect(parseQuery('').clauses).toEqual([]);
    expect(parseQuery(' 。，!! "" ').clauses).toEqual([]);
  });
});

describe('parseQuery operators', () => {
  const groups = (text: string) =>
    parseQuery(text).clauses.map(
      (c) =>
        `${c.group}${c.negated ? '-' : ''}${c.field ? `${c.field}:` : ''}${c.tokens.map((t) => t.text).join(' ')}`,
    );

  it('excludes with - and NOT, joins neighbours with OR, ignores AND', () => {
    expect(groups('王毅 -拉夫罗夫')).toEqual(['0王毅', '1-拉夫罗夫']);
    expect(groups('a OR b c')).toEqual(['0a', '0b', '1c']);
    expect(groups('a AND NOT b')).toEqual(['0a', '1-b']);
    expect(groups('-"high level"')).toEqual(['0-high level']);
    expect(groups('covid-19 a - b')).toEqual(['0covid 19', '1a', '2b']);
    expect(groups('a or b')).toEqual(['0a', '1or', '2b']);
  });

  it('binds author:, category: and source: to their clause, in any case', () => {
    expect(groups('Author:新浪 category:"国际 新闻" -source:x')).toEqual([
      '0author:新浪',
      '1category:国际 新闻',
      '2-source:x',
    ]);
  });

  it('reads before:/after: as dates (day, month or year) and says when one is not', () => {
    const q = parseQuery('王毅 after:2024-05 before:2024-06-03');
    expect(q.fromMs).toBe(Date.UTC(2024, 4, 1));
    expect(q.toMs).toBe(Date.UTC(2024, 5, 3) - 1);
    expect(parseQuery('after:2023').fromMs).toBe(Date.UTC(2023, 0, 1));
    expect(parseQuery('x before:2024-02-30').notices).toEqual([
      { kind: 'badDate', operator: 'before', value: '2024-02-30' },
    ]);
  });

  it('tells what it does not support instead of ignoring it', () => {
    expect(parseQuery('title:王毅').notices).toEqual([{ kind: 'unknownOperator', operator: 'title' }]);
    expect(parseQuery('https://example.com/a').notices).toEqual([]);
    expect(parseQuery('(a OR b) c').notices).toEqual([{ kind: 'brackets' }]);
    expect(parseQuery('lavr*').notices).toEqual([{ kind: 'wildcard' }]);
    expect(parseQuery('a OR').notices).toEqual([{ kind: 'danglingOr' }]);
    expect(parseQuery('-a').notices).toEqual([{ kind: 'onlyExcluded' }]);
    expect(parseQuery('author: x').notices).toEqual([{ kind: 'emptyOperator', operator: 'author' }]);
    expect(parseQuery('-before:2024').notices).toEqual([{ kind: 'negatedOperator', operator: 'before' }]);
  });
});
