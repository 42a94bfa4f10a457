// The window: holds its state (view, filters, search, navigation, open dialogs) and hands it to the
// panes and the commands. Over 400 lines because that wiring is one job; what can be worked out
// apart lives beside it: useHeadlines (the list), useOpenArticle, useResume, useCommandKeys with the
// commands table, useAppActions and useReadActions, AppLayout (the frame), and pure modules.

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ListOrder } from '../../shared/articleOrder';
import type { BroadsheetApi } from '../../shared/contract';
import { makeDayKey, parseDay, positionOfDay } from '../../shared/listSelection';
import { DEFAULT_SETTINGS, TEXT_SIZE } from '../../shared/settingsRules';
import type { SearchOrder, Settings } from '../../shared/types';
import { AppLayout, BootScreen, TopBar } from './app/AppLayout';
import { EmptyLibrary } from './app/EmptyLibrary';
import { makeDateFormats } from './app/formatDates';
import { isStarred } from './app/libraryState';
import { frameScheduler, LibraryStore, type Scheduler } from './app/libraryStore';
import { ToastStore, Toasts } from './app/toasts';
import { useAppActions } from './app/useAppActions';
import { useLibrary } from './app/useLibrary';
import { useResume } from './app/useResume';
import { ExportDialog } from './export/ExportDialog';
import { ExcerptCache } from './headlines/excerpts';
import type { HeadlineListHandle } from './headlines/HeadlineList';
import { HeadlinesPane } from './headlines/HeadlinesPane';
import { type Facets, type ListFilter, noFilter } from './headlines/listFilter';
import { type ListSituation, listEmptyText, listStatusText } from './headlines/listStatus';
import { initialNav, navReducer } from './headlines/navigation';
import type { View } from './headlines/Toolbar';
import { useHeadlines } from './headlines/useHeadlines';
import { type I18n, I18nContext } from './i18n/I18nContext';
import { makeTranslate, resolveLanguage, resolveLocale } from './i18n/i18n';
import { LibraryPanel } from './library/LibraryPanel';
import { useWindowDrop } from './library/useDrop';
import { allUnread, nextUnread, olderUnread } from './read/readCounts';
import { useReadActions, useReadTracking } from './read/useReadState';
import { ArticleCache } from './reader/articleCache';
import { stepMatch } from './reader/highlightMatches';
import type { MatchPosition } from './reader/MatchNav';
import { ReadingPane } from './reader/ReadingPane';
import { useOpenArticle } from './reader/useOpenArticle';
import type { CommandContext } from './shortcuts/commands';
import { ShortcutsDialog } from './shortcuts/ShortcutsDialog';
import { useCommandKeys } from './shortcuts/useCommandKeys';
import { FoldersSection } from './sources/FoldersSection';
import { SourcesSidebar } from './sources/SourcesSidebar';
import { TimelineSection } from './sources/TimelineSection';
import { useAppliedTheme } from './theme/theme';

/** "Today" and "past 24 hours" need a clock, but not a fast one. */
const CLOCK_TICK_MS = 5 * 60 * 1000;
/** How often the headline list takes in new articles while a scan is running. */
const _SCAN_REFRESH_MS = 500;
const _NO_FACETS: Facets = { categories: [], authors: [], folders: new Map() };
/** The reading pane's and the list's comfort settings (the defaults until the settings arrive). */
function readingOf(settings: Settings | null) {
  const s = settings ?? DEFAULT_SETTINGS;
  return {
    readingFont: s.readingFont,
    columnWidth: s.columnWidth,
    lineHeight: s.lineHeight,
    listDensity: s.listDensity,
  };
}

interface Props {
  api: BroadsheetApi;
  /** Tests render synchronously; the app batches library events per animation frame. */
  scheduler?: Scheduler;
}

export function App({ api, scheduler = frameScheduler }: Props) {
  const [store] = useState(() => new LibraryStore(scheduler));
  const [toasts] = useState(() => new ToastStore());
  const cache = useMemo(() => new ArticleCache(api), [api]);
  const excerpts = useMemo(() => new ExcerptCache(api), [api]);
  const [attempt, setAttempt] = useState(0);
  const { state: lib, boot, capabilities, session } = useLibrary(api, store, attempt);

  // ---- language, theme, clock
  const systemLanguage = typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
  const language = resolveLanguage(lib.settings?.language, systemLanguage);
  const locale = resolveLocale(language, systemLanguage);
  const i18n = useMemo<I18n>(
    () => ({ language, locale, t: makeTranslate(language, locale) }),
    [language, locale],
  );
  const { t } = i18n;
  const formats = useMemo(() => makeDateFormats(locale), [locale]);
  useAppliedTheme(lib.settings?.theme);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setClock(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  // ---- what the sidebar shows
  const [view, setView] = useState<View>('all');
  const [filter, setFilter] = useState<ListFilter>(noFilter);
  const [order, setOrder] = useState<ListOrder>('newest');
  // Days are the system zone's, as the day headers are (one rule for grouping and ranges).
  const dayKey = useMemo(() => makeDayKey(), []);
  const [query, setQuery] = useState('');
  const [exactCharacters, setExactCharacters] = useState(false);
  const [searchOrder, setSearchOrder] = useState<SearchOrder>('relevance');
  const [nav, dispatchNav] = useReducer(navReducer, initialNav);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [externalIds, setExternalIds] = useState<ReadonlySet<string>>(new Set());
  // Articles read one by one in the Unread view stay in it until the view or its filters change.
  // The set is filled in place: keeping an article must not make a list of 100,000 again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view or filter starts afresh
  const keptUnread = useMemo(() => new Set<string>(), [view, filter]);
  const keepInUnread = useCallback((id: string) => keptUnread.add(id), [keptUnread]);
  // The Unread view's list follows the marks only when many change at once (mark all / older and
  // undo): a single mark (m, n, opening an article) leaves the article in it.
  const [manyMarked, noteManyMarked] = useReducer((n: number) => n + 1, 0);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HeadlineListHandle>(null);
  const readerRef = useRef<HTMLDivElement>(null);

  const headlines = useHeadlines({
    api,
    store,
    lib,
    view,
    filter,
    order,
    query,
    exactCharacters,
    searchOrder,
    clock,
    dayKey,
    keptUnread,
    manyMarked,
    locale,
    t,
    onSearchError: (m) => toasts.error(t('searchFailed', { message: m })),
  });
  const { articles, facets, unreadFacets, folderList, searching, search, items, grouped, navList, months } =
    headlines;
  const { unreadTotal, dayUnread } = headlines;
  const reads = lib.reads;
  // A search with no results shows a message instead of the list, so the list must be rendered
  // again (synchronously) before it can take the focus back.
  const clearSearchAndFocusList = () => {
    flushSync(() => setQuery(''));
    listRef.current?.focus();
  };
  const articleHighlight = useMemo(
    () => (searching ? { query, exactCharacters } : undefined),
    [searching, query, exactCharacters],
  );
  const cursorIndex = nav.cursorId === null ? -1 : navList.positionOf(nav.cursorId, nav.cursorAt);

  // ---- the open article
  const opened = useOpenArticle({
    cache,
    openId: nav.openId,
    summaryOf: (id) => store.summary(id),
    starred: lib.starred,
    stars: lib.stars,
  });
  const { openSummary, missingStar, load, openArticle, openStarred, toggleWholePage } = opened;

  const readingSettings = readingOf(lib.settings);

  // ---- resume: come back to the last session's view, filters, search and article, and keep it saved
  const resumeAnywhere = useResume({
    api,
    booted: boot.status === 'ready',
    saved: session,
    current: { view, filter, query, openId: nav.openId, order, exactCharacters, searchOrder },
    restore: (last) => {
      setView(last.view);
      setFilter(last.filter);
      setOrder(last.order);
      setQuery(last.query);
      setExactCharacters(last.exactCharacters);
      setSearchOrder(last.searchOrder);
    },
    open: (id) => dispatchNav({ type: 'select', id }),
    isListed: (id) => !!store.summary(id),
    articles,
    starred: lib.starred,
    progress: lib.progress,
    roots: lib.roots,
  });

  // ---- actions
  const showLibrary = useCallback(() => setLibraryOpen(true), []);
  const onFileOpened = useCallback((id: string) => {
    setExternalIds((ids) => new Set(ids).add(id));
    dispatchNav({ type: 'select', id });
  }, []);
  const actions = useAppActions({
    api,
    store,
    toasts,
    t,
    cache,
    folderDialog: !!capabilities?.folderDialog,
    showLibrary,
    onFileOpened,
  });
  const readActions = useReadActions({
    api,
    store,
    toasts,
    t,
    onReadOne: keepInUnread,
    onManyChanged: noteManyMarked,
  });
  const inLibrary = !!openSummary && !missingStar;
  useReadTracking({
    api,
    store,
    readerRef,
    readyId: inLibrary && load.status === 'ready' && load.article.id === nav.openId ? nav.openId : null,
    actions: readActions,
    onReadOne: keepInUnread,
    resumeAnywhere,
  });
  const currentItem = (): { id: string; at: number } | null => {
    if (cursorIndex >= 0) return { id: items[cursorIndex]!.id, at: cursorIndex };
    if (nav.openId && openSummary) return { id: nav.openId, at: navList.positionOf(nav.openId) };
    return null;
  };
  const markAllRead = () => {
    const ids = allUnread(items, reads);
    if (ids.length === 0) toasts.show(t('nothingToMark'));
    else readActions.markMany(ids);
  };
  const markOlderRead = () => {
    const current = currentItem();
    if (!current || current.at < 0) return;
    const ids = olderUnread(items, current.at, reads);
    if (ids.length === 0) toasts.show(t('noOlderUnread'));
    else readActions.markMany(ids);
  };
  /** "Go to date" and the timeline: the cursor to an article, shown with its day at the top of the list. */
  const jumpTo = (at: number) => {
    listRef.current?.showAtTop(at);
    dispatchNav({ type: 'cursor', at, list: navList });
    listRef.current?.focus();
  };
  const loadOriginal = useCallback((id: string) => api.getArticle(id, { original: true }), [api]);
  const dragging = useWindowDrop((file) => api.getPathForFile(file), actions.drop);
  const toggleOpenStar = () => {
    if (missingStar) actions.toggleStar(missingStar);
    else if (openArticle) actions.toggleStar(openArticle);
  };

  // The search's matches in the open article: "3 of 12", moved by [ and ] (and the pane's buttons).
  const [matchAt, setMatchAt] = useState<MatchPosition>({ index: 0, count: 0 });
  const onMatchCount = useCallback(
    (count: number) => setMatchAt((m) => (m.index === 0 && m.count === count ? m : { index: 0, count })),
    [],
  );
  const stepToMatch = (delta: 1 | -1) => {
    const root = readerRef.current?.querySelector('.article-body')?.shadowRoot;
    const at = root ? stepMatch(root, delta) : null;
    if (at) setMatchAt(at);
  };

  // ---- commands (keys and menu items): see shortcuts/commands.ts
  const commandContext: CommandContext = {
    moveHeadline: (delta, open) => {
      dispatchNav({ type: 'move', delta, open, list: navList });
      if (!open) listRef.current?.focus();
    },
    jumpHeadline: (to) => dispatchNav({ type: to, list: navList }),
    openHighlighted: () => dispatchNav({ type: 'open-cursor' }),
    pageArticle: (direction) => {
      const pane = readerRef.current;
      if (direction < 0) {
        if (nav.openId && pane) pane.scrollTop -= pane.clientHeight * 0.85;
        return;
      }
      if (nav.openId && pane && nav.openId === (nav.cursorId ?? nav.openId)) {
        const atEnd = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 4;
        if (atEnd) dispatchNav({ type: 'move', delta: 1, open: true, list: navList });
        else pane.scrollTop += pane.clientHeight * 0.85;
      } else dispatchNav({ type: 'open-cursor' });
    },
    toggleCurrentStar: () => {
      if (missingStar || openArticle) toggleOpenStar();
      else if (cursorIndex >= 0) actions.toggleStar(items[cursorIndex]!);
    },
    focusSearch: () => {
      setLibraryOpen(false);
      setShortcutsOpen(false);
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    showShortcuts: () => setShortcutsOpen(true),
    showLibrary,
    showExport: () => setExportOpen(true),
    toggleStarredView: () => setView((v) => (v === 'all' ? 'unread' : v === 'unread' ? 'starred' : 'all')),
    toggleRead: () => {
      const id = openSummary ? openSummary.id : cursorIndex >= 0 ? items[cursorIndex]!.id : null;
      if (id && !(cursorIndex >= 0 && !openSummary && items[cursorIndex]!.missing)) readActions.toggle(id);
    },
    nextUnread: () => {
      const from = cursorIndex >= 0 ? cursorIndex : nav.openId ? navList.positionOf(nav.openId) : -1;
      const next = nextUnread(items, from, reads);
      if (next < 0) toasts.show(t('noMoreUnread'));
      else dispatchNav({ type: 'select', id: items[next]!.id, at: next });
    },
    markAllRead,
    markOlderRead,
    stepMatch: (delta) => stepToMatch(delta),
    undoMarkAll: () => readActions.undoMarkMany(),
    toggleWholePage,
    changeTextSize: (delta) => actions.changeTextSize(delta),
    clearSearch: () => {
      if (query) clearSearchAndFocusList();
    },
  };
  useCommandKeys(api, commandContext, libraryOpen || shortcutsOpen || exportOpen || boot.status !== 'ready');

  // Keep the pane at the top of each newly opened article.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per opened article
  useEffect(() => {
    if (readerRef.current) readerRef.current.scrollTop = 0;
  }, [nav.openId]);

  // ---- render
  if (boot.status !== 'ready') {
    return (
      <I18nContext.Provider value={i18n}>
        <BootScreen
          failure={boot.status === 'failed' ? boot.message : null}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      </I18nContext.Provider>
    );
  }

  const libraryEmpty = lib.roots.length === 0 && lib.articles.length === 0;
  const situation: ListSituation = {
    searching,
    query,
    search,
    view,
    filter,
    shown: items.length,
    starredCount: lib.starred.length,
  };

  return (
    <I18nContext.Provider value={i18n}>
      <AppLayout
        dragging={dragging}
        progress={lib.progress}
        topBar={
          <TopBar
            searchRef={searchRef}
            query={query}
            onQuery={setQuery}
            onSearchEscape={clearSearchAndFocusList}
            onEnterResults={() => {
              dispatchNav({ type: 'home', list: navList });
              listRef.current?.focus();
            }}
            exactCharacters={exactCharacters}
            onExactCharacters={setExactCharacters}
            searchOrder={searchOrder}
            onSearchOrder={setSearchOrder}
            onShowLibrary={showLibrary}
            onShowExport={() => setExportOpen(true)}
            onShowShortcuts={() => setShortcutsOpen(true)}
          />
        }
        overlays={
          <>
            {libraryOpen && (
              <LibraryPanel
                roots={lib.roots}
                problems={lib.problems}
                settings={lib.settings}
                folderDialog={!!capabilities?.folderDialog}
                onPickFolders={actions.pickFolders}
                onAddPath={(path) => actions.addFolders([path], true)}
                onRemove={actions.removeFolder}
                onSettings={actions.updateSettings}
                onClose={() => setLibraryOpen(false)}
                imageCache={api}
              />
            )}
            {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
            {exportOpen && (
              <ExportDialog
                api={api}
                listIds={items.filter((item) => !item.missing).map((item) => item.id)}
                starredCount={lib.starred.filter((s) => !s.missing).length}
                articleId={openSummary ? openSummary.id : null}
                onClose={() => setExportOpen(false)}
              />
            )}
            <Toasts store={toasts} />
          </>
        }
      >
        {libraryEmpty && !searching ? (
          <EmptyLibrary onOpenFolder={actions.pickFolders} />
        ) : (
          <>
            <SourcesSidebar
              facets={facets}
              facet={filter.facet}
              onFacet={(facet) => setFilter((f) => ({ ...f, facet }))}
              total={lib.articles.length}
              unread={unreadFacets}
              folders={
                <FoldersSection
                  entries={folderList}
                  facet={filter.facet}
                  onFacet={(facet) => setFilter((f) => ({ ...f, facet }))}
                  counted={unreadFacets !== null}
                />
              }
              timeline={
                <TimelineSection
                  months={months}
                  current={cursorIndex >= 0 ? cursorIndex : nav.openId ? navList.positionOf(nav.openId) : -1}
                  onJump={jumpTo}
                />
              }
            />
            <HeadlinesPane
              listRef={listRef}
              view={view}
              onView={setView}
              starredCount={lib.starred.length}
              unreadCount={unreadTotal}
              filter={filter}
              onFilter={setFilter}
              order={order}
              onOrder={setOrder}
              onGoToDate={
                searching
                  ? undefined
                  : (day) => {
                      const key = parseDay(day);
                      if (key === null) return;
                      const at = positionOfDay(items, key, order, dayKey);
                      if (at < 0) toasts.show(t('goToDateNone', { day }));
                      else jumpTo(at);
                    }
              }
              status={listStatusText(situation, t)}
              emptyText={listEmptyText(situation, t)}
              items={items}
              grouped={grouped}
              searching={searching}
              cursorIndex={cursorIndex}
              openId={nav.openId}
              isStarred={(item) => (item.missing ? true : isStarred(lib.stars, item))}
              isRead={(item) => reads.isRead(item.id)}
              progressOf={(item) => reads.progressOf(item.id)}
              dayUnread={dayUnread}
              onMarkAllRead={items.length > 0 ? markAllRead : null}
              onMarkOlderRead={cursorIndex >= 0 || openSummary ? markOlderRead : null}
              density={readingSettings.listDensity}
              excerpts={excerpts}
              onOpen={(id, at) => dispatchNav({ type: 'select', id, at })}
              onToggleStar={actions.toggleStar}
              formats={formats}
            />
            <ReadingPane
              ref={readerRef}
              load={load}
              highlight={articleHighlight}
              match={matchAt}
              onMatchCount={onMatchCount}
              onStepMatch={stepToMatch}
              missingStar={missingStar}
              onOpenFolder={(folder) => void actions.addFolders([folder])}
              external={!!nav.openId && externalIds.has(nav.openId) && !openSummary}
              starred={openStarred}
              onToggleStar={toggleOpenStar}
              textSize={lib.settings?.textSize ?? TEXT_SIZE.default}
              onTextSize={actions.changeTextSize}
              formats={formats}
              onOpenLink={actions.openLink}
              onCopyLink={actions.copyLink}
              onShowInFolder={capabilities?.showInFolder ? actions.showInFolder : undefined}
              loadOriginal={loadOriginal}
              reading={readingSettings}
              onReading={actions.updateSettings}
              wholePage={opened.wholePage}
              onToggleWholePage={toggleWholePage}
            />
          </>
        )}
      </AppLayout>
    </I18nContext.Provider>
  );
}
