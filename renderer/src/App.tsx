import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { BroadsheetApi, MenuCommand } from '../../shared/contract';
import type { ListedArticle, Settings, StarredEntry } from '../../shared/types';
import { errorMessage } from './api';
import { EmptyLibrary } from './app/EmptyLibrary';
import { makeDateFormats } from './app/formatDates';
import { isStarred } from './app/libraryState';
import { frameScheduler, LibraryStore, type Scheduler } from './app/libraryStore';
import { ToastStore, Toasts } from './app/toasts';
import { useLibrary } from './app/useLibrary';
import { useThrottled } from './app/useThrottled';
import { flatRows, groupByDay } from './headlines/groupByDay';
import { HeadlineList, type HeadlineListHandle } from './headlines/HeadlineList';
import { type HeadlineItem, itemFromMatch, itemFromStar, itemFromSummary } from './headlines/headlineItem';
import {
  type Facets,
  type ListFilter,
  matchesFacet,
  noFilter,
  rangeStart,
  toSearchFilters,
} from './headlines/listFilter';
import { initialNav, listOfItems, navReducer } from './headlines/navigation';
import { Toolbar, type View } from './headlines/Toolbar';
import { type I18n, I18nContext } from './i18n/I18nContext';
import { makeTranslate, resolveLanguage, resolveLocale } from './i18n/i18n';
import type { DropPlan } from './library/dropPaths';
import { LibraryPanel } from './library/LibraryPanel';
import { ScanProgress } from './library/ScanProgress';
import { useWindowDrop } from './library/useDrop';
import { useBackgroundValue } from './perf/useBackgroundValue';
import { ArticleCache } from './reader/articleCache';
import { MAX_TEXT_SIZE, MIN_TEXT_SIZE, ReadingPane } from './reader/ReadingPane';
import { useArticle } from './reader/useArticle';
import { SearchBox } from './search/SearchBox';
import { useSearch } from './search/useSearch';
import { type Command, commandForKey, focusKindOf } from './shortcuts/keymap';
import { ShortcutsDialog } from './shortcuts/ShortcutsDialog';
import { useAppliedTheme } from './theme/theme';

const DEFAULT_TEXT_SIZE = 17;
/** "Today" and "past 24 hours" need a clock, but not a fast one. */
const CLOCK_TICK_MS = 5 * 60 * 1000;
/** How often the headline list takes in new articles while a scan is running. */
const SCAN_REFRESH_MS = 500;
const NO_FACETS: Facets = { categories: [], authors: [] };

interface Props {
  api: BroadsheetApi;
  /** Tests render synchronously; the app batches library events per animation frame. */
  scheduler?: Scheduler;
}

export function App({ api, scheduler = frameScheduler }: Props) {
  const [store] = useState(() => new LibraryStore(scheduler));
  const [toasts] = useState(() => new ToastStore());
  const cache = useMemo(() => new ArticleCache(api), [api]);
  const [attempt, setAttempt] = useState(0);
  const commandRef = useRef<(command: Command) => void>(() => {});
  const onMenu = useCallback((command: MenuCommand) => {
    const map: Record<MenuCommand, Command> = {
      'focus-search': 'search',
      'show-library': 'library',
      'show-shortcuts': 'help',
      'toggle-star': 'star',
    };
    commandRef.current(map[command]);
  }, []);
  const { state: lib, boot, capabilities } = useLibrary(api, store, onMenu, attempt);

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
  const [query, setQuery] = useState('');
  const [nav, dispatchNav] = useReducer(navReducer, initialNav);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [externalIds, setExternalIds] = useState<ReadonlySet<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HeadlineListHandle>(null);
  const readerRef = useRef<HTMLDivElement>(null);

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
  const searching = query.trim() !== '';
  // A search with no results shows a message instead of the list, so the list must be rendered
  // again (synchronously) before it can take the focus back.
  const clearSearchAndFocusList = () => {
    flushSync(() => setQuery(''));
    listRef.current?.focus();
  };
  const searchFilters = useMemo(
    () => toSearchFilters(filter, view === 'starred', clock),
    [filter, view, clock],
  );
  const searchGeneration = useMemo(
    () => `${lib.progress.done}:${view === 'starred' ? lib.starred.length : ''}`,
    [lib.progress.done, view, lib.starred.length],
  );
  const search = useSearch(api, query, searchFilters, searchGeneration, (m) =>
    toasts.error(t('searchFailed', { message: m })),
  );

  const items = useMemo<readonly HeadlineItem[]>(() => {
    if (searching) {
      const result =
        search.status === 'done' ? search.result : search.status === 'searching' ? search.previous : null;
      const matches = result?.matches ?? [];
      const author = filter.facet?.kind === 'author' ? filter.facet : null;
      return matches
        .map((m) => ({ m, summary: store.summary(m.id) }))
        .filter(({ summary }) => !author || (summary !== undefined && matchesFacet(summary, author)))
        .map(({ m, summary }) => itemFromMatch(m, summary));
    }
    const from = rangeStart(filter.range, clock);
    const keep = (a: ListedArticle) => matchesFacet(a, filter.facet) && (!from || a.date >= from);
    if (view === 'all') {
      if (!filter.facet && !from) return allItems;
      const out: HeadlineItem[] = [];
      for (const a of articles) if (keep(a)) out.push(itemFromSummary(a));
      return out;
    }
    const byHash = new Map<string, ListedArticle>();
    if (lib.starred.length > 0) for (const a of articles) byHash.set(a.contentHash, a);
    const out: HeadlineItem[] = [];
    for (const star of lib.starred) {
      const present = store.summary(star.id) ?? byHash.get(star.contentHash);
      if (present ? keep(present) : !filter.facet && (!from || star.date >= from)) {
        out.push(itemFromStar(star, present));
      }
    }
    return out.sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : 1));
  }, [searching, search, filter, clock, view, articles, allItems, lib.starred, store]);

  const grouped = useMemo(
    () =>
      searching
        ? flatRows(items)
        : groupByDay(items, { now: clock, locale, labels: { today: t('today'), yesterday: t('yesterday') } }),
    [searching, items, clock, locale, t],
  );
  const navList = useMemo(() => listOfItems(items), [items]);
  const cursorIndex = nav.cursorId === null ? -1 : navList.positionOf(nav.cursorId, nav.cursorAt);

  // ---- the open article
  const openSummary = nav.openId ? store.summary(nav.openId) : undefined;
  const missingStar: StarredEntry | null =
    nav.openId && !openSummary ? (lib.starred.find((s) => s.id === nav.openId && s.missing) ?? null) : null;
  const load = useArticle(cache, missingStar ? null : nav.openId, openSummary?.mtimeMs);
  const openArticle = load.status === 'ready' ? load.article : openSummary;
  const openStarred = missingStar ? true : openArticle ? isStarred(lib.stars, openArticle) : false;

  // ---- actions
  const fail = useCallback(
    (key: Parameters<typeof t>[0]) => (e: unknown) => toasts.error(t(key, { message: errorMessage(e) })),
    [t, toasts],
  );

  const toggleStar = useCallback(
    (target: { id: string; contentHash: string }) => {
      const { stars, starred } = store.getState();
      const on = isStarred(stars, target);
      // Unstar the entry the library knows, which may carry an older id (matched by content).
      const entry = on
        ? starred.find((s) => s.id === target.id || s.contentHash === target.contentHash)
        : undefined;
      api
        .setStarred(entry?.id ?? target.id, !on)
        .then((list) => store.setStarred(list))
        .catch(fail('starFailed'));
    },
    [api, store, fail],
  );

  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      const before = store.getState().settings;
      if (before) store.setSettings({ ...before, ...patch });
      api
        .updateSettings(patch)
        .then((s) => store.setSettings(s))
        .catch((e: unknown) => {
          if (before) store.setSettings(before);
          fail('settingsFailed')(e);
        });
    },
    [api, store, fail],
  );

  const textSize = lib.settings?.textSize ?? DEFAULT_TEXT_SIZE;
  const changeTextSize = useCallback(
    (delta: number) => {
      const next = Math.min(MAX_TEXT_SIZE, Math.max(MIN_TEXT_SIZE, textSize + delta));
      if (next !== textSize) updateSettings({ textSize: next });
    },
    [textSize, updateSettings],
  );

  const addFolders = useCallback(
    (paths: string[]) => {
      api
        .addFolders(paths)
        .then((result) => {
          for (const r of result.rejected)
            toasts.error(t('folderRejected', { path: r.path, reason: r.reason }));
          if (result.added.length > 0) toasts.show(t('foldersAdded', { count: result.added.length }));
        })
        .catch(fail('addFoldersFailed'));
    },
    [api, toasts, t, fail],
  );

  const pickFolders = useCallback(() => {
    if (!capabilities?.folderDialog) {
      setLibraryOpen(true);
      return;
    }
    api
      .pickFolders()
      .then((paths) => {
        if (paths.length > 0) addFolders(paths);
      })
      .catch(fail('addFoldersFailed'));
  }, [api, capabilities, addFolders, fail]);

  const openFile = useCallback(
    (path: string) => {
      api
        .openFile(path)
        .then((result) => {
          if (!result.ok) {
            toasts.error(t('openFileFailed', { path, reason: result.reason }));
            return;
          }
          cache.put(result.article);
          setExternalIds((ids) => new Set(ids).add(result.article.id));
          dispatchNav({ type: 'select', id: result.article.id });
        })
        .catch((e: unknown) => toasts.error(t('openFileFailed', { path, reason: errorMessage(e) })));
    },
    [api, cache, toasts, t],
  );

  const onDrop = useCallback(
    (plan: DropPlan) => {
      for (const name of plan.unsupported) toasts.error(t('dropNotSupported', { name }));
      for (const name of plan.unresolved) toasts.error(t('dropNoPath', { name }));
      if (plan.folders.length > 0) addFolders(plan.folders);
      const first = plan.articles[0];
      if (first) openFile(first);
    },
    [toasts, t, addFolders, openFile],
  );
  const dragging = useWindowDrop((file) => api.getPathForFile(file), onDrop);

  const openLink = useCallback(
    (url: string) => {
      api.openExternal(url).catch(fail('linkFailed'));
    },
    [api, fail],
  );

  // ---- keyboard
  const modalOpen = libraryOpen || shortcutsOpen;
  const runCommand = (command: Command) => {
    switch (command) {
      case 'next':
      case 'prev':
        dispatchNav({ type: 'move', delta: command === 'next' ? 1 : -1, open: true, list: navList });
        break;
      case 'cursor-down':
      case 'cursor-up':
        dispatchNav({ type: 'move', delta: command === 'cursor-down' ? 1 : -1, open: false, list: navList });
        listRef.current?.focus();
        break;
      case 'home':
      case 'end':
        dispatchNav({ type: command, list: navList });
        break;
      case 'open':
        dispatchNav({ type: 'open-cursor' });
        break;
      case 'space': {
        const pane = readerRef.current;
        if (nav.openId && pane && nav.openId === (nav.cursorId ?? nav.openId)) {
          const atEnd = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 4;
          if (atEnd) dispatchNav({ type: 'move', delta: 1, open: true, list: navList });
          else pane.scrollTop += pane.clientHeight * 0.85;
        } else dispatchNav({ type: 'open-cursor' });
        break;
      }
      case 'star': {
        if (missingStar) toggleStar(missingStar);
        else if (openArticle) toggleStar(openArticle);
        else if (cursorIndex >= 0) toggleStar(items[cursorIndex]!);
        break;
      }
      case 'search':
        setLibraryOpen(false);
        setShortcutsOpen(false);
        searchRef.current?.focus();
        searchRef.current?.select();
        break;
      case 'help':
        setShortcutsOpen(true);
        break;
      case 'library':
        setLibraryOpen(true);
        break;
      case 'toggle-view':
        setView((v) => (v === 'all' ? 'starred' : 'all'));
        break;
      case 'escape':
        if (query) {
          clearSearchAndFocusList();
        }
        break;
    }
  };
  commandRef.current = runCommand;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || modalOpen || boot.status !== 'ready') return;
      const command = commandForKey(event, focusKindOf(event.target));
      if (!command) return;
      event.preventDefault();
      commandRef.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [modalOpen, boot.status]);

  // Keep the pane at the top of each newly opened article.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per opened article
  useEffect(() => {
    if (readerRef.current) readerRef.current.scrollTop = 0;
  }, [nav.openId]);

  // ---- render
  if (boot.status === 'loading') {
    return (
      <I18nContext.Provider value={i18n}>
        <div className="boot" role="status">
          {t('loading')}
        </div>
      </I18nContext.Provider>
    );
  }
  if (boot.status === 'failed') {
    return (
      <I18nContext.Provider value={i18n}>
        <div className="boot" role="alert">
          <p>{t('loadFailed', { message: boot.message })}</p>
          <button type="button" className="button primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </div>
      </I18nContext.Provider>
    );
  }

  const libraryEmpty = lib.roots.length === 0 && lib.articles.length === 0;
  const total = search.status === 'done' ? search.result.total : 0;
  let listStatus: string;
  if (searching) {
    if (search.status === 'searching' && !search.previous) listStatus = t('searching');
    else if (search.status === 'error') listStatus = t('searchFailed', { message: search.message });
    else {
      listStatus = total === 1 ? t('searchOneResult') : t('searchResults', { count: total });
      if (search.status === 'done' && total > search.result.matches.length) {
        listStatus += ` · ${t('searchShowing', { shown: search.result.matches.length })}`;
      }
      if (search.status === 'done' && search.result.notice) listStatus += ` · ${search.result.notice}`;
    }
  } else if (view === 'starred') listStatus = t('starredCount', { count: items.length });
  else listStatus = items.length === 1 ? t('articleCountOne') : t('articleCount', { count: items.length });

  let listEmpty: React.ReactNode = null;
  if (items.length === 0) {
    if (searching && search.status === 'done') listEmpty = t('searchNoResults', { query: query.trim() });
    else if (!searching && view === 'starred' && lib.starred.length === 0) listEmpty = t('noStarred');
    else if (!searching && (filter.facet || filter.range !== 'any')) listEmpty = t('noArticlesFilter');
  }

  return (
    <I18nContext.Provider value={i18n}>
      <div className={`app${dragging ? ' dragging' : ''}`}>
        <header className="topbar">
          <div className="brand" aria-hidden="true">
            <span className="brand-mark">B</span>
            <span className="brand-name">{t('appName')}</span>
          </div>
          <SearchBox
            ref={searchRef}
            value={query}
            onChange={setQuery}
            onEscape={clearSearchAndFocusList}
            onEnterResults={() => {
              dispatchNav({ type: 'home', list: navList });
              listRef.current?.focus();
            }}
          />
          <div className="topbar-actions">
            <button type="button" className="button" onClick={() => setLibraryOpen(true)}>
              {t('libraryButton')}
            </button>
            <button
              type="button"
              className="icon-button round"
              aria-label={t('shortcutsButton')}
              title={`${t('shortcutsButton')} (?)`}
              onClick={() => setShortcutsOpen(true)}
            >
              ?
            </button>
          </div>
        </header>
        <main className="main">
          <ScanProgress progress={lib.progress} />
          {libraryEmpty && !searching ? (
            <EmptyLibrary onOpenFolder={pickFolders} />
          ) : (
            <>
              <section className="sidebar" aria-label={t('headlinesLabel')}>
                <Toolbar
                  view={view}
                  onView={setView}
                  starredCount={lib.starred.length}
                  facets={facets}
                  filter={filter}
                  onFilter={setFilter}
                />
                <div className="list-status" role="status">
                  {listStatus}
                </div>
                {listEmpty ? (
                  <div className="list-empty">
                    <p>{listEmpty}</p>
                    {(filter.facet || filter.range !== 'any') && (
                      <button type="button" className="button" onClick={() => setFilter(noFilter)}>
                        {t('clearFilters')}
                      </button>
                    )}
                  </div>
                ) : (
                  <HeadlineList
                    ref={listRef}
                    items={items}
                    grouped={grouped}
                    mode={searching ? 'search' : 'headlines'}
                    cursorIndex={cursorIndex}
                    openId={nav.openId}
                    isStarred={(item) => (item.missing ? true : isStarred(lib.stars, item))}
                    onOpen={(id, at) => dispatchNav({ type: 'select', id, at })}
                    onToggleStar={toggleStar}
                    formats={formats}
                    label={t('headlinesLabel')}
                  />
                )}
              </section>
              <ReadingPane
                ref={readerRef}
                load={load}
                missingStar={missingStar}
                external={!!nav.openId && externalIds.has(nav.openId) && !openSummary}
                starred={openStarred}
                onToggleStar={() => {
                  if (missingStar) toggleStar(missingStar);
                  else if (openArticle) toggleStar(openArticle);
                }}
                textSize={textSize}
                onTextSize={changeTextSize}
                formats={formats}
                onOpenLink={openLink}
              />
            </>
          )}
        </main>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <div className="drop-card">{t('dropHere')}</div>
          </div>
        )}
        {libraryOpen && (
          <LibraryPanel
            roots={lib.roots}
            problems={lib.problems}
            settings={lib.settings}
            folderDialog={!!capabilities?.folderDialog}
            onPickFolders={pickFolders}
            onAddPath={(path) => addFolders([path])}
            onRemove={(path) => api.removeFolder(path).catch(fail('removeFolderFailed'))}
            onSettings={updateSettings}
            onClose={() => setLibraryOpen(false)}
          />
        )}
        {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
        <Toasts store={toasts} />
      </div>
    </I18nContext.Provider>
  );
}
