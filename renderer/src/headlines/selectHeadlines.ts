// Which headlines the list shows: search matches, or the list the view, filter and order choose
// (shared/listSelection.ts: the same function the CLI's `broadsheet list` prints).

import { isUndated, type ListOrder } from '../../../shared/articleOrder';
import { type DayKey, facetMatcher, rangeBounds, selectList, type View } from '../../../shared/listSelection';
import type { FolderRef, ListedArticle, SearchResult, StarredEntry } from '../../../shared/types';
import type { ReadIndex } from '../read/readIndex';
import type { SearchState } from '../search/useSearch';
import { type HeadlineItem, itemFromMatch, itemFromStar, itemFromSummary } from './headlineItem';
import type { ListFilter } from './listFilter';

export interface HeadlineSources {
  /** The search box holds text: the list shows the search's matches. */
  searching: boolean;
  search: SearchState;
  view: View;
  filter: ListFilter;
  order: ListOrder;
  /** Now, in ms (the relative date ranges count back from it). */
  now: number;
  /** The calendar day of an instant, in the list's time zone (absolute ranges are whole days). */
  dayKey: (ms: number) => DayKey;
  /** Every listed article, in the library's order, and the same as headline items (same order). */
  articles: readonly ListedArticle[];
  /** The folder table the articles' `folder` numbers index. */
  folders: readonly FolderRef[];
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
    // The engine filters by category, dates and stars; the author and folder facets are the window's
    // own, and so is leaving out undated articles when a date range is chosen (their file time is no date).
    const own =
      s.filter.facet?.kind === 'author' || s.filter.facet?.kind === 'folder' ? s.filter.facet : null;
    const inFacet = facetMatcher(own, s.folders);
    const unreadOnly = s.view === 'unread';
    const bounds = rangeBounds(s.filter, s.now, s.dayKey);
    const out: HeadlineItem[] = [];
    for (const m of matches) {
      const summary = s.summaryOf(m.id);
      if (own && (summary === undefined || !inFacet(summary))) continue;
      if (unreadOnly && s.reads.isRead(m.id) && !s.keptUnread.has(m.id)) continue;
      if (bounds && summary && isUndated(summary)) continue;
      out.push(itemFromMatch(m, summary));
    }
    return out;
  }
  // Starred: a star follows its article by content when the file was moved (a new id).
  let byHash: Map<string, ListedArticle> | null = null;
  return selectList<HeadlineItem>({
    choice: { view: s.view, filter: s.filter, order: s.order },
    now: s.now,
    dayKey: s.dayKey,
    articles: s.articles,
    folders: s.folders,
    starred: s.starred,
    presentOf: (star) => {
      const byId = s.summaryOf(star.id);
      if (byId) return byId;
      if (!byHash) {
        byHash = new Map();
        for (const a of s.articles) byHash.set(a.contentHash, a);
      }
      return byHash.get(star.contentHash);
    },
    fromArticle: (article, index) => s.allItems[index] ?? itemFromSummary(article),
    unread: (article) => !s.reads.isRead(article.id) || s.keptUnread.has(article.id),
    fromStar: itemFromStar,
    allMapped: s.allItems,
  });
}
