import { describe, expect, it } from 'vitest';
import { makeDayKey } from '../../../shared/listSelection';
import type { ArticleSummary } from '../../../shared/types';
import { FacetCounts, facetFromValue, facetToValue, matchesFacet, toSearchFilters } from './listFilter';

const base = { contentHash: '', path: '', root: '', title: '', date: '2022-01-01T00:00:00.000Z' };
const article = (id: string, categories: string[], author?: string, folder?: number) =>
  ({ ...base, id, categories, author, folder }) as ArticleSummary & { folder?: number };

/** A fresh count of a whole list: what the counts kept up to date must always equal. */
function countAll(list: readonly ArticleSummary[]) {
  const counts = new FacetCounts();
  for (const a of list) counts.add(a);
  return counts.facets();
}

describe('facets', () => {
  const articles = [
    article('1', ['金融', '新浪财经'], '新浪财经', 0),
    article('2', ['金融'], '新浪财经', 1),
    article('3', ['编程'], ' ', 0),
  ];

  it('counts categories and authors, most used first', () => {
    const facets = countAll(articles);
    expect(facets.categories.map((f) => [f.value, f.count])).toEqual(
      [
        ['金融', 2],
        ['新浪财经', 1],
        ['编程', 1],
      ].sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]))),
    );
    expect(facets.authors).toEqual([{ kind: 'author', value: '新浪财经', count: 2 }]);
    expect([...facets.folders]).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });

  it('keeps counts in step as articles come, change and go', () => {
    const counts = new FacetCounts();
    for (const a of articles) counts.add(a);
    const first = counts.facets();
    expect(counts.facets()).toBe(first); // unchanged counts: the same object, nothing re-sorted
    const renamed = article('2', ['编程'], 'Reuters', 0);
    counts.remove(articles[1]!);
    counts.add(renamed);
    expect(counts.facets()).toEqual(countAll([articles[0]!, renamed, articles[2]!]));
    counts.remove(articles[0]!);
    counts.remove(renamed);
    counts.remove(articles[2]!);
    expect(counts.facets()).toEqual({ categories: [], authors: [], folders: new Map() });
  });

  it('filters by category or author', () => {
    expect(articles.filter((a) => matchesFacet(a, { kind: 'category', value: '金融' })).length).toBe(2);
    expect(articles.filter((a) => matchesFacet(a, { kind: 'author', value: '新浪财经' })).length).toBe(2);
    expect(articles.filter((a) => matchesFacet(a, null)).length).toBe(3);
  });

  it('round-trips facets through select values, colons included', () => {
    const facet = { kind: 'category' as const, value: 'a:b' };
    expect(facetFromValue(facetToValue(facet))).toEqual(facet);
    expect(facetFromValue('')).toBeNull();
    expect(facetFromValue('evil:x')).toBeNull();
  });

  it('hands category, date and starred filters to search', () => {
    const now = Date.parse('2022-08-08T00:00:00.000Z');
    const day = makeDayKey('UTC');
    expect(
      toSearchFilters({ facet: { kind: 'category', value: '金融' }, range: 'week' }, true, now, day),
    ).toEqual({
      starredOnly: true,
      category: '金融',
      from: '2022-08-01T00:00:00.000Z',
    });
    expect(toSearchFilters({ facet: { kind: 'author', value: 'x' }, range: 'any' }, false, now, day)).toEqual(
      {},
    );
    // Between two calendar days: from the first day's midnight to the last instant of the second,
    // in the list's zone (Shanghai is UTC+8).
    const shanghai = makeDayKey('Asia/Shanghai');
    expect(
      toSearchFilters(
        { facet: null, range: 'between', from: '2022-08-01', to: '2022-08-06' },
        false,
        now,
        shanghai,
      ),
    ).toEqual({ from: '2022-07-31T16:00:00.000Z', to: '2022-08-06T15:59:59.999Z' });
    expect(toSearchFilters({ facet: null, range: 'between', to: '2022-08-06' }, false, now, day)).toEqual({
      to: '2022-08-06T23:59:59.999Z',
    });
  });
});
