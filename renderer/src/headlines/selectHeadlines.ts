// Which headlines the list shows: search matches, the whole library, or the starred articles, each
// narrowed by the toolbar's filter. Pure, so every view and filter is testable without React.

import { compareNewestFirst } from '../../../shared/articleOrder';
import type { ListedArticle, SearchResult, StarredEntry } from '../../../shared/types';
import type { ReadIndex } from '../read/readIndex';
import type { SearchState } from '../search/useSearch';
import { type HeadlineItem, itemFromMatch, itemFromStar, itemFromSummary } from './headlineItem';
import { type ListFilter, matchesFacet, rangeStart } from './listFilter';
import type { View } from './Toolbar';

export interface HeadlineSources {
  /** The search box holds text: the list shows the search's matches. */
  searching: boolean;
  search: SearchState;
  view: View;
  filter: ListFilter;
  /** Now, in ms (the date ranges count back from it). */
  now: number;
  /** Every listed article, newest first, and the same as headline items (same order). */
  articles: readonly ListedArticle[];
  allItems: readonly HeadlineItem[];
  starred: readonly StarredEntry[];
  /** The listed article with this id, if any. */
  summaryOf: (id: string) => ListedArticle | undefined;
  reads: ReadIndex;
  /**
   * Articles read while the Unread view was showing: they stay in it until the view is left, so the
   * article being read does not vanish from under the reader (what NetNewsWire and Reeder do).
   */
  keptUnread: ReadonlySet<string>;
}

/** The result a search list shows: the finished one, or the previous one while the next runs. */
export function shownSearchResult(search: SearchState): SearchResult | null {
  if (search.status === 'done') return search.result;
  if (search.status === 'searching') return search.previous;
  return null;
}

export function selectHeadlines(s: HeadlineSources): readonly HeadlineItem[] {
  if (s.searching) {
    const matches = shownSearchResult(s.search)?.matches ?? [];
    // The engine filters by category, dates and stars; the author facet is the window's own.
    const author = s.filter.facet?.kind === 'author' ? s.filter.facet : null;
    const unreadOnly = s.view === 'unread';
    const out: HeadlineItem[] = [];
    for (const m of matches) {
      const summary = s.summaryOf(m.id);
      if (author && (summary === undefined || !matchesFacet(summary, author))) continue;
      if (unreadOnly && s.reads.isRead(m.id) && !s.keptUnread.has(m.id)) continue;
      out.push(itemFromMatch(m, summary));
    }
    return out;
  }
  const from = rangeStart(s.filter.range, s.now);
  const keep = (a: ListedArticle) => matchesFacet(a, s.filter.facet) && (!from || a.date >= from);
  if (s.view === 'unread') {
    const shown = (id: string) => !s.reads.isRead(id) || s.keptUnread.has(id);
    const out: HeadlineItem[] = [];
    if (!s.filter.facet && !from) {
      for (const item of s.allItems) if (shown(item.id)) out.push(item);
    } else for (const a of s.articles) if (shown(a.id) && keep(a)) out.push(itemFromSummary(a));
    return out;
  }
  if (s.view === 'all') {
    if (!s.filter.facet && !from) return s.allItems;
    const out: HeadlineItem[] = [];
    for (const a of s.articles) if (keep(a)) out.push(itemFromSummary(a));
    return out;
  }
  // Starred: a star follows its article by content when the file was moved (a new id).
  const byHash = new Map<string, ListedArticle>();
  if (s.starred.length > 0) for (const a of s.articles) byHash.set(a.contentHash, a);
  const out: HeadlineItem[] = [];
  for (const star of s.starred) {
    const present = s.summaryOf(star.id) ?? byHash.get(star.contentHash);
    // A star whose file is gone has no categories or author: a facet hides it, a date range not.
    if (present ? keep(present) : !s.filter.facet && (!from || star.date >= from)) {
      out.push(itemFromStar(star, present));
    }
  }
  return out.sort(compareNewestFirst);
}
