import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/parseQuery';
import { articleTokens, planClause } from './ftsTokens';

const plan = (text: string) => planClause(parseQuery(text).clauses[0]!);

describe('ftsTokens', () => {
  it('gives each field its own column, categories kept apart', () => {
    const { tokens } = articleTokens({
      title: '中国',
      author: 'Reuters',
      categories: ['金融', '国际'],
      text: 'ab 国家',
    });
    expect(tokens.title).toBe('中国');
    expect(tokens.author).toBe('reuters');
    expect(tokens.categories.split(' ')).toHaveLength(3);
    expect(tokens.categories).toMatch(/^金融 \S+ 国际$/u);
    expect(tokens.text).toBe('ab 国家');
  });

  it('answers field-bound clauses with column filters, exactly when the main table alone can', () => {
    expect(plan('category:金融')).toEqual({ main: '{categories} : ("金融")', unigram: null, exact: true });
    expect(plan('author:reuters')).toEqual({ main: '{author} : ("reuters"*)', unigram: null, exact: true });
    expect(plan('source:新浪财经')).toEqual({
      main: '{author categories} : ("新浪 浪财 财经")',
      unigram: null,
      exact: true,
    });
    // A single CJK character is in the unigram table, which has no columns: a superset, verified.
    expect(plan('category:金')).toEqual({ main: null, unigram: '"金"', exact: false });
    expect(plan('金')).toEqual({ main: null, unigram: '"金"', exact: true });
  });
});
