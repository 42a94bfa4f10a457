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
    const bound = { unigram: null, exact: true, titleUnigram: null };
    expect(plan('category:金融')).toEqual({ main: '{categories} : ("金融")', ...bound });
    expect(plan('author:reuters')).toEqual({ main: '{author} : ("reuters"*)', ...bound });
    expect(plan('source:新浪财经')).toEqual({
      main: '{author categories} : ("新浪 浪财 财经")',
      ...bound,
    });
    // A single CJK character: among the field's marked units, exactly.
    expect(plan('金')).toMatchObject({ main: null, unigram: '"金"', exact: true });
    for (const field of ['category', 'author', 'source']) {
      expect(plan(`${field}:金`)).toMatchObject({ main: null, exact: true, titleUnigram: null });
    }
    expect(plan('source:金').unigram).toBe(`${plan('author:金').unigram} OR ${plan('category:金').unigram}`);
    // A phrase holding one: the unigram table cannot bind it to the field; a superset, verified.
    expect(plan('category:"金 融资"')).toMatchObject({ exact: false });
  });

  it("marks the title's, the author's and the categories' characters in the unigram table", () => {
    const { unigrams } = articleTokens({ title: '金', author: '新', categories: ['财'], text: '金融' });
    const titleOnly = plan('金').titleUnigram!.slice(1, -1);
    const authorOnly = plan('author:新').unigram!.slice(1, -1);
    const categoryOnly = plan('category:财').unigram!.slice(1, -1);
    expect(unigrams.trim().split(' ').sort()).toEqual(
      ['融', '金', '新', '财', titleOnly, authorOnly, categoryOnly].sort(),
    );
    expect(articleTokens({ title: '', categories: [], text: '金' }).unigrams).not.toContain(titleOnly);
  });
});
