import type { ListedArticle, SearchFilters } from '../../../shared/types';

export type FacetKind = 'category' | 'author';

export interface FacetChoice {
  kind: FacetKind;
  value: string;
}

export interface FacetCount extends FacetChoice {
  count: number;
}

export interface Facets {
  categories: FacetCount[];
  authors: FacetCount[];
}

export type DateRange = 'any' | 'day' | 'week' | 'month' | 'year';

export const DATE_RANGES: readonly DateRange[] = ['any', 'day', 'week', 'month', 'year'];

export interface ListFilter {
  facet: FacetChoice | null;
  range: DateRange;
}

export const noFilter: ListFilter = { facet: null, range: 'any' };

function byCountThenName(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || a.value.localeCompare(b.value);
}

/** Categories and authors from the front matter with article counts, in one pass. */
export function computeFacets(articles: readonly ListedArticle[]): Facets {
  const categories = new Map<string, number>();
  const authors = new Map<string, number>();
  for (const a of articles) {
    for (const c of a.categories) categories.set(c, (categories.get(c) ?? 0) + 1);
    const author = a.author?.trim();
    if (author) authors.set(author, (authors.get(author) ?? 0) + 1);
  }
  const toList = (kind: FacetKind, counts: Map<string, number>) =>
    [...counts].map(([value, count]) => ({ kind, value, count })).sort(byCountThenName);
  return { categories: toList('category', categories), authors: toList('author', authors) };
}

const DAY = 24 * 60 * 60 * 1000;
const RANGE_MS: Record<Exclude<DateRange, 'any'>, number> = {
  day: DAY,
  week: 7 * DAY,
  month: 31 * DAY,
  year: 366 * DAY,
};

/** Earliest ISO date the range allows, or undefined for any time. */
export function rangeStart(range: DateRange, now: number): string | undefined {
  return range === 'any' ? undefined : new Date(now - RANGE_MS[range]).toISOString();
}

export function matchesFacet(article: ListedArticle, facet: FacetChoice | null): boolean {
  if (!facet) return true;
  if (facet.kind === 'category') return article.categories.includes(facet.value);
  return article.author?.trim() === facet.value;
}

/** The part of a filter the search engine applies itself; authors are filtered on this side. */
export function toSearchFilters(filter: ListFilter, starredOnly: boolean, now: number): SearchFilters {
  const out: SearchFilters = {};
  if (starredOnly) out.starredOnly = true;
  const from = rangeStart(filter.range, now);
  if (from) out.from = from;
  if (filter.facet?.kind === 'category') out.category = filter.facet.value;
  return out;
}

/** Encodes a facet for a <select> value (kinds cannot contain ':'). */
export function facetToValue(facet: FacetChoice | null): string {
  return facet ? `${facet.kind}:${facet.value}` : '';
}

export function facetFromValue(value: string): FacetChoice | null {
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const kind = value.slice(0, colon);
  if (kind !== 'category' && kind !== 'author') return null;
  return { kind, value: value.slice(colon + 1) };
}
