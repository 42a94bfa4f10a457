// The line above the headline list (how many, or what the search found) and the message shown in
// place of an empty list. Pure, in the UI language passed in.

import type { Translate } from '../i18n/i18n';
import { noticeText } from '../search/noticeText';
import type { SearchState } from '../search/useSearch';
import type { ListFilter } from './listFilter';
import type { View } from './Toolbar';

export interface ListSituation {
  searching: boolean;
  /** The query as typed. */
  query: string;
  search: SearchState;
  view: View;
  filter: ListFilter;
  /** Headlines listed right now. */
  shown: number;
  /** Starred entries in the library (the starred view is empty because there are none). */
  starredCount: number;
}

export function listStatusText(s: ListSituation, t: Translate): string {
  if (s.searching) {
    const { search } = s;
    if (search.status === 'searching' && !search.previous) return t('searching');
    if (search.status === 'error') return t('searchFailed', { message: search.message });
    // While the next search runs, the previous answer stays on screen, and so does its count.
    const total =
      search.status === 'done'
        ? search.result.total
        : search.status === 'searching'
          ? (search.previous?.total ?? 0)
          : 0;
    // A query matching more than 100,000 articles may come with an estimated total (marked so).
    const estimated =
      search.status === 'done'
        ? search.result.totalEstimated === true
        : search.status === 'searching' && search.previous?.totalEstimated === true;
    let text = estimated
      ? t('searchResultsAbout', { count: total.toLocaleString() })
      : total === 1
        ? t('searchOneResult')
        : t('searchResults', { count: total });
    if (search.status === 'done' && total > search.result.matches.length) {
      text += ` · ${t('searchShowing', { shown: search.result.matches.length })}`;
    }
    if (search.status === 'done')
      for (const n of search.result.notices ?? []) text += ` · ${noticeText(n, t)}`;
    return text;
  }
  if (s.view === 'starred') return t('starredCount', { count: s.shown });
  if (s.view === 'unread') return t('unreadCount', { count: s.shown });
  return s.shown === 1 ? t('articleCountOne') : t('articleCount', { count: s.shown });
}

export function isFiltered(filter: ListFilter): boolean {
  return filter.facet !== null || filter.range !== 'any';
}

/** Why the list is empty, or null when it is not (or when an empty list needs no words). */
export function listEmptyText(s: ListSituation, t: Translate): string | null {
  if (s.shown > 0) return null;
  if (s.searching) return s.search.status === 'done' ? t('searchNoResults', { query: s.query.trim() }) : null;
  if (s.view === 'starred' && s.starredCount === 0) return t('noStarred');
  if (s.view === 'unread') return t('noUnread');
  if (isFiltered(s.filter)) return t('noArticlesFilter');
  return null;
}
