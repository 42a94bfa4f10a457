import {
  DATE_RANGES,
  type DateRange,
  type DayKey,
  type FacetChoice,
  type FacetKind,
  type ListFilter,
  parseDay,
  rangeBounds,
} from '../../../shared/listSelection';
import type { ListedArticle, SearchFilters } from '../../../shared/types';

// The filter's rules (facets, date ranges) live with the list's selection in shared/listSelection.ts,
// which the CLI's `list` uses too; this module keeps the window's facet counts and <select> values.
export {
  DATE_RANGES,
  type DateRange,
  type FacetChoice,
  type ListFilter,
  matchesFacet,
  noFilter,
} from '../../../shared/listSelection';

export interface FacetCount extends FacetChoice {
  count: number;
}

export interface Facets {
  categories: FacetCount[];
  authors: FacetCount[];
  /** Articles per folder number (ListedArticle's `folder`, an index into the folder table). */
  folders: ReadonlyMap<number, number>;
}

function byCountThenName(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || a.value.localeCompare(b.value);
}

/**
 * Category and author counts kept up to date one article at a time: a scan batch or a change costs
 * its own size, not a pass over the whole library (30 ms at 100,000 articles, on every batch).
 */
export class FacetCounts {
  private readonly categories = new Map<string, number>();
  private readonly authors = new Map<string, number>();
  private readonly folders = new Map<number, number>();
  private cached: Facets | null = null;

  add(article: ListedArticle): void {
    this.change(article, 1);
  }

  remove(article: ListedArticle): void {
    this.change(article, -1);
  }

  /** Most used first; the same object until the counts change. */
  facets(): Facets {
    this.cached ??= {
      categories: toList('category', this.categories),
      authors: toList('author', this.authors),
      folders: new Map(this.folders),
    };
    return this.cached;
  }

  private change(article: ListedArticle, by: 1 | -1): void {
    for (const category of article.categories) bump(this.categories, category, by);
    const author = article.author?.trim();
    if (author) bump(this.authors, author, by);
    if (article.folder !== undefined) bump(this.folders, article.folder, by);
    this.cached = null;
  }
}

function bump<K>(counts: Map<K, number>, key: K, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

function toList(kind: FacetKind, counts: ReadonlyMap<string, number>): FacetCount[] {
  return [...counts].map(([value, count]) => ({ kind, value, count })).sort(byCountThenName);
}

/** The part of a filter the search engine applies itself; authors are filtered on this side. */
export function toSearchFilters(
  filter: ListFilter,
  starredOnly: boolean,
  now: number,
  dayKey: (ms: number) => DayKey,
): SearchFilters {
  const out: SearchFilters = {};
  if (starredOnly) out.starredOnly = true;
  const bounds = rangeBounds(filter, now, dayKey);
  if (bounds?.from) out.from = bounds.from;
  if (bounds?.to) out.to = bounds.to;
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
  if (kind !== 'category' && kind !== 'author' && kind !== 'folder') return null;
  return { kind, value: value.slice(colon + 1) };
}

/** A filter saved by an earlier run (see app/session), checked value by value: what is not understood is dropped. */
export function restoreFilter(saved: Record<string, unknown>): ListFilter {
  const range = DATE_RANGES.includes(saved.range as DateRange) ? (saved.range as DateRange) : 'any';
  const f = saved.facet as { kind?: unknown; value?: unknown } | null | undefined;
  const facet: FacetChoice | null =
    f &&
    (f.kind === 'category' || f.kind === 'author' || f.kind === 'folder') &&
    typeof f.value === 'string' &&
    f.value !== ''
      ? { kind: f.kind, value: f.value }
      : null;
  const day = (value: unknown) => (typeof value === 'string' && parseDay(value) !== null ? value : undefined);
  const from = range === 'between' ? day(saved.from) : undefined;
  const to = range === 'between' ? day(saved.to) : undefined;
  return { facet, range, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
