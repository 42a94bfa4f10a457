// The headline list as the window shows it, derived from the library and the sidebar's choices:
// the listed articles (throttled while a scan runs), the facets and their unread counts, the search,
// the list itself (selectHeadlines), its day groups, its navigation list and timeline, and the unread
// counts of the library and of each day. The pure rules live in the modules it calls; this hook only
// decides what is recomputed when.

import { useCallback, useDeferredValue, useMemo } from 'react';
import type { ListOrder } from '../../../shared/articleOrder';
import type { BroadsheetApi } from '../../../shared/contract';
import type { DayKey } from '../../../shared/listSelection';
import { monthCounts } from '../../../shared/timeline';
import type { SearchOrder } from '../../../shared/types';
import type { LibraryState } from '../app/libraryState';
import type { LibraryStore } from '../app/libraryStore';
import { useThrottled } from '../app/useThrottled';
import type { Translate } from '../i18n/i18n';
import { useBackgroundValue } from '../perf/useBackgroundValue';
import { ReadIndex } from '../read/readIndex';
import { useDayUnread, useLibraryUnread } from '../read/useUnreadCounts';
import { useSearch } from '../search/useSearch';
import { folderEntries } from '../sources/folderEntries';
import { flatRows, groupByDay } from './groupByDay';
import { type Facets, type ListFilter, toSearchFilters } from './listFilter';
import { listOfItems } from './navigation';
import { selectHeadlines } from './selectHeadlines';
import type { View } from './Toolbar';

/** How often the headline list takes in new articles while a scan is running. */
const SCAN_REFRESH_MS = 500;
const NO_FACETS: Facets = { categories: [], authors: [], folders: new Map() };
/** What the All and Starred lists are built with: they do not depend on the read marks. */
const emptyReads = ReadIndex.empty();

export interface HeadlinesInput {
  api: BroadsheetApi;
  store: LibraryStore;
  lib: LibraryState;
  view: View;
  filter: ListFilter;
  order: ListOrder;
  query: string;
  exactCharacters: boolean;
  searchOrder: SearchOrder;
  /** Now, as the window's slow clock says ("today", "past 24 hours"). */
  clock: number;
  /** The day of a time, in the zone the day headers use. */
  dayKey: (ms: number) => DayKey;
  /** Read one by one in the Unread view: kept in it until the view or filters change. */
  keptUnread: ReadonlySet<string>;
  /** Bumped when many marks change at once: the Unread view's list is made again. */
  manyMarked: number;
  locale: string;
  t: Translate;
  onSearchError(message: string): void;
}

export function useHeadlines(input: HeadlinesInput) {
  const { api, store, lib, view, filter, order, query, exactCharacters, searchOrder } = input;
  const { clock, dayKey, keptUnread, manyMarked, locale, t } = input;
  // A scan delivers batches every frame; derived lists follow at lower priority so typing and
  // scrolling stay responsive.
  // Articles and their headline items change together (one state), so they are throttled as a pair.
  const listed = useMemo(() => ({ articles: lib.articles, items: lib.items }), [lib.articles, lib.items]);
  const { articles, items: allItems } = useDeferredValue(
    useThrottled(listed, lib.progress.done ? 0 : SCAN_REFRESH_MS),
  );
  // `articles` only says when: the store keeps the counts up to date batch by batch.
  const facetsOfStore = useCallback(() => store.facets(), [store]);
  const facets = useBackgroundValue(articles, facetsOfStore, NO_FACETS);
  // Unread in all, per category and per source: counted after a library change, then mark by mark.
  const summaryOf = useCallback((id: string) => store.summary(id), [store]);
  const latestReads = useCallback(() => store.getState().reads, [store]);
  const unreadFacets = useLibraryUnread({ articles, latestReads, summaryOf }, lib.reads);
  const searching = query.trim() !== '';
  // The sidebar's Folders list: each root, then its top-level folders, with their counts.
  const rootPaths = useMemo(() => lib.roots.map((r) => r.path), [lib.roots]);
  const folderList = useMemo(
    () =>
      folderEntries(rootPaths, lib.folders, facets.folders, unreadFacets?.folders, new Intl.Collator(locale)),
    [rootPaths, lib.folders, facets.folders, unreadFacets, locale],
  );
  const searchFilters = useMemo(
    () => toSearchFilters(filter, view === 'starred', clock, dayKey),
    [filter, view, clock, dayKey],
  );
  const searchGeneration = useMemo(
    () => `${lib.progress.done}:${view === 'starred' ? lib.starred.length : ''}`,
    [lib.progress.done, view, lib.starred.length],
  );
  const searchOptions = useMemo(
    () => ({ exactCharacters, order: searchOrder }),
    [exactCharacters, searchOrder],
  );
  const search = useSearch(api, query, searchFilters, searchOptions, searchGeneration, input.onSearchError);

  // Only the Unread view's list depends on the read marks: elsewhere a `j` must not rebuild the list.
  const unreadList = view === 'unread';
  const readsForList = unreadList ? manyMarked : -1;
  const readsLineage = unreadList ? lib.reads.lineage : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: readsForList and readsLineage say when the marks matter
  const items = useMemo(
    () =>
      selectHeadlines({
        searching,
        search,
        view,
        filter,
        order,
        now: clock,
        dayKey,
        articles,
        folders: lib.folders,
        allItems,
        starred: lib.starred,
        summaryOf,
        reads: unreadList ? store.getState().reads : emptyReads,
        keptUnread,
      }),
    [
      searching,
      search,
      filter,
      order,
      clock,
      dayKey,
      view,
      articles,
      lib.folders,
      allItems,
      lib.starred,
      summaryOf,
      store,
      unreadList,
      readsForList,
      readsLineage,
      keptUnread,
    ],
  );
  const grouped = useMemo(
    () =>
      searching
        ? flatRows(items)
        : groupByDay(items, {
            now: clock,
            locale,
            labels: { today: t('today'), yesterday: t('yesterday'), undated: t('undated') },
          }),
    [searching, items, clock, locale, t],
  );
  const navList = useMemo(() => listOfItems(items), [items]);
  // The timeline maps the list as shown (search results are in relevance order: no timeline).
  const months = useMemo(
    () => (searching ? [] : monthCounts(items, order, dayKey)),
    [searching, items, order, dayKey],
  );

  // ---- read state: counts
  const reads = lib.reads;
  const unreadTotal = unreadFacets?.total ?? 0;
  const dayUnread = useDayUnread(items, reads, summaryOf, dayKey);
  return {
    articles,
    allItems,
    facets,
    unreadFacets,
    folderList,
    searching,
    search,
    items,
    grouped,
    navList,
    months,
    unreadTotal,
    dayUnread,
  };
}
