// The window's search: the database's search with the list's own filters applied in the engine
// (the window no longer holds the summaries to apply them): the source (author) and folder facets,
// the Unread view (with the ids it keeps), and no undated article under a date range (its file time
// is no date). Each match carries what its headline row shows (source, read, starred, undated).
//
// The database search applies one per-article test to every candidate when starredOnly is set (the
// stars live outside the database); the list's filters join that test, so totals count after them.
// Walking every candidate costs more than an SQL condition would for a broad query: the database's
// own columns (author, path, date_source) could answer all but the read state.

import { isUndated } from '../../../shared/articleOrder';
import { facetMatcher } from '../../../shared/listSelection';
import type {
  ArticleSummary,
  FolderRef,
  ListedArticle,
  SearchFilters,
  SearchMatch,
  SearchQuery,
  SearchResult,
} from '../../../shared/types';

export interface WindowSearchDeps {
  /** The database's search: `keep` is asked of every candidate when the query's starredOnly is set. */
  search(query: SearchQuery, keep: (id: string) => boolean): SearchResult;
  summary(id: string): ArticleSummary | undefined;
  listedOf(summary: ArticleSummary): ListedArticle;
  folders(): readonly FolderRef[];
  isRead(id: string): boolean;
  isStarred(id: string): boolean;
}

/** The test of the list's own filters, or null when none applies. */
export function listFilterTest(
  filters: SearchFilters,
  deps: WindowSearchDeps,
): ((id: string) => boolean) | null {
  const facets = [
    filters.author !== undefined && facetMatcher({ kind: 'author', value: filters.author }),
    filters.folder !== undefined && facetMatcher({ kind: 'folder', value: filters.folder }, deps.folders()),
  ].filter((test) => test !== false);
  const unreadOnly = filters.unreadOnly === true;
  const kept = new Set(filters.keptUnread ?? []);
  const dated = filters.from !== undefined || filters.to !== undefined;
  if (facets.length === 0 && !unreadOnly && !dated) return null;
  return (id) => {
    if (unreadOnly && deps.isRead(id) && !kept.has(id)) return false;
    // An article the list does not hold cannot be judged by its facets or its date: left out.
    const summary = deps.summary(id);
    if (!summary) return false;
    if (dated && isUndated(summary)) return false;
    if (facets.length === 0) return true;
    const listed = deps.listedOf(summary);
    return facets.every((test) => test(listed));
  };
}

export function searchForWindow(query: SearchQuery, deps: WindowSearchDeps): SearchResult {
  const filters = query.filters ?? {};
  const listTest = listFilterTest(filters, deps);
  const result = listTest
    ? deps.search(
        { ...query, filters: { ...filters, starredOnly: true } },
        (id) => (!filters.starredOnly || deps.isStarred(id)) && listTest(id),
      )
    : deps.search(query, (id) => deps.isStarred(id));
  return { ...result, matches: result.matches.map((match) => withRow(match, deps)) };
}

/** A match with what its headline row shows. */
function withRow(match: SearchMatch, deps: WindowSearchDeps): SearchMatch {
  const summary = deps.summary(match.id);
  const out: SearchMatch = { ...match, read: deps.isRead(match.id), starred: deps.isStarred(match.id) };
  if (summary) {
    out.contentHash = summary.contentHash;
    out.source = summary.author?.trim() || summary.categories[0] || '';
    if (isUndated(summary)) out.undated = true;
  }
  return out;
}
