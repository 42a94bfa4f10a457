// An in-memory BroadsheetApi for component tests: real data shapes, scripted behaviour, and a
// record of every call so tests can assert what the window asked for.
import type { BroadsheetApi, LibraryEvent, LibrarySnapshot } from '../../../shared/contract';
import {
  countUnread,
  findUnreadIn,
  isUnreadEntry,
  type ListLibrary,
  listDays,
  SidebarTally,
  selectEntries,
  starredTest,
  toListRow,
} from '../../../shared/listAnswers';
import type { ListQuery } from '../../../shared/listQuery';
import { makeDayKey } from '../../../shared/listSelection';
import { DEFAULT_SETTINGS } from '../../../shared/settingsRules';
import type {
  Article,
  ArticleSummary,
  PrefetchStatus,
  SearchQuery,
  SearchResult,
  Settings,
  StarredEntry,
  WindowSession,
} from '../../../shared/types';

export function makeSummary(id: string, date: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    contentHash: `hash-${id}`,
    path: `/archive/${id}.md`,
    root: '/archive',
    title: `Title ${id}`,
    date,
    dateSource: 'front-matter',
    categories: ['新闻'],
    images: {},
    chars: 100,
    excerpt: `Excerpt ${id}`,
    bodyFormat: 'html',
    mtimeMs: 1,
    size: 100,
    degraded: false,
    ...extra,
  };
}

export function makeArticle(summary: ArticleSummary, html: string): Article {
  return { ...summary, html, text: html.replace(/<[^>]*>/g, ''), extra: {}, problems: [] };
}

const defaultSettings: Settings = { ...DEFAULT_SETTINGS, roots: ['/archive'], language: 'en' };

const fakePrefetch: PrefetchStatus = {
  state: 'off',
  articlesTotal: 0,
  articlesDone: 0,
  picturesFetched: 0,
  picturesFailed: 0,
  bytesFetched: 0,
  bytesPerSecond: 0,
};

export interface FakeApi extends BroadsheetApi {
  calls: { method: string; args: unknown[] }[];
  emit(event: LibraryEvent): void;
  articles: Map<string, Article>;
  starred: StarredEntry[];
  /** The window's saved session (what getSession answers). */
  session: WindowSession | null;
  /** What setRead has marked read (starting from the snapshot's read marks). */
  readIds: Set<string>;
  searchImpl: (query: SearchQuery) => Promise<SearchResult>;
}

export function createFakeApi(snapshot: Partial<LibrarySnapshot>, articles: Article[] = []): FakeApi {
  const listeners = new Set<(event: LibraryEvent) => void>();
  let settings = { ...defaultSettings };
  const full: LibrarySnapshot = {
    roots: [{ path: '/archive', status: 'ready', articleCount: snapshot.articles?.length ?? 0 }],
    progress: { found: 0, parsed: 0, done: true },
    articles: [],
    folders: [],
    problems: [],
    starred: [],
    readMarks: { read: [], progress: [] },
    ...snapshot,
  };
  // The headline list answered over the snapshot's articles with the engine's own rules
  // (shared/listAnswers), selected again for every request (the engine keeps its selections).
  const library = (): ListLibrary => ({
    articles: full.articles,
    folders: full.folders,
    starred: api.starred,
    presentOf: (star) =>
      full.articles.find((a) => a.id === star.id) ??
      full.articles.find((a) => a.contentHash === star.contentHash),
    isRead: (id) => api.readIds.has(id),
  });
  const select = (query: ListQuery) => {
    const dayKey = makeDayKey(query.timeZone || undefined);
    return { list: selectEntries(library(), query, dayKey), dayKey };
  };
  const unread = (entry: Parameters<typeof isUnreadEntry>[0]) =>
    isUnreadEntry(entry, (id) => api.readIds.has(id));
  let listVersion = 0;
  const api: FakeApi = {
    calls: [],
    articles: new Map(articles.map((a) => [a.id, a])),
    starred: [...full.starred],
    readIds: new Set(full.readMarks.read),
    session: null,
    emit: (event) => {
      for (const l of listeners) l(event);
    },
    searchImpl: async (query) => ({ query: query.text, total: 0, matches: [], elapsedMs: 1 }),
    async getCapabilities() {
      api.calls.push({ method: 'getCapabilities', args: [] });
      return { host: 'web', folderDialog: false, showInFolder: false, platform: 'linux' };
    },
    async getSnapshot() {
      api.calls.push({ method: 'getSnapshot', args: [] });
      return { ...full, starred: api.starred, readMarks: { ...full.readMarks, read: [...api.readIds] } };
    },
    async getArticle(id) {
      api.calls.push({ method: 'getArticle', args: [id] });
      return api.articles.get(id) ?? null;
    },
    search(query) {
      api.calls.push({ method: 'search', args: [query] });
      return api.searchImpl(query);
    },
    async setStarred(id, on) {
      api.calls.push({ method: 'setStarred', args: [id, on] });
      const article = api.articles.get(id) ?? full.articles.find((a) => a.id === id);
      if (on && article) {
        api.starred = [
          ...api.starred,
          {
            id,
            contentHash: article.contentHash,
            path: api.articles.get(id)?.path ?? `/archive/${id}.md`,
            title: article.title,
            date: article.date,
            starredAt: '2024-01-01T00:00:00.000Z',
            missing: false,
          },
        ];
      } else if (!on) api.starred = api.starred.filter((s) => s.id !== id);
      return api.starred;
    },
    async setRead(ids, read) {
      api.calls.push({ method: 'setRead', args: [ids, read] });
      const changed = ids.filter((id) => api.readIds.has(id) !== read);
      for (const id of changed) {
        if (read) api.readIds.add(id);
        else api.readIds.delete(id);
      }
      if (changed.length > 0) listVersion++;
      return changed;
    },
    async setReadProgress(id, progress) {
      api.calls.push({ method: 'setReadProgress', args: [id, progress] });
    },
    async getExcerpts(ids) {
      api.calls.push({ method: 'getExcerpts', args: [ids] });
      return ids.map((id) => (full.articles.find((a) => a.id === id) ? `Excerpt ${id}` : ''));
    },
    async getSession() {
      api.calls.push({ method: 'getSession', args: [] });
      return api.session;
    },
    async saveSession(session) {
      api.calls.push({ method: 'saveSession', args: [session] });
      api.session = session;
    },
    async addFolders(paths) {
      api.calls.push({ method: 'addFolders', args: [paths] });
      return { added: paths, rejected: [] };
    },
    async removeFolder(path) {
      api.calls.push({ method: 'removeFolder', args: [path] });
    },
    async openFile(path) {
      api.calls.push({ method: 'openFile', args: [path] });
      return { ok: false, reason: 'not found' };
    },
    async getImageCache() {
      api.calls.push({ method: 'getImageCache', args: [] });
      return {
        bytes: 0,
        images: 0,
        starredImages: 0,
        capBytes: 4096 * 1024 * 1024,
        folder: '/data/image-cache',
      };
    },
    async clearImageCache() {
      api.calls.push({ method: 'clearImageCache', args: [] });
      return {
        bytes: 0,
        images: 0,
        starredImages: 0,
        capBytes: 4096 * 1024 * 1024,
        folder: '/data/image-cache',
      };
    },
    async getPrefetch() {
      api.calls.push({ method: 'getPrefetch', args: [] });
      return { ...fakePrefetch };
    },
    async setPrefetchPaused(paused) {
      api.calls.push({ method: 'setPrefetchPaused', args: [paused] });
      return { ...fakePrefetch, state: paused ? 'paused' : 'running' };
    },
    async pickFolders() {
      api.calls.push({ method: 'pickFolders', args: [] });
      return [];
    },
    async getSettings() {
      return settings;
    },
    async updateSettings(patch) {
      api.calls.push({ method: 'updateSettings', args: [patch] });
      settings = { ...settings, ...patch };
      return settings;
    },
    async openExternal(url) {
      api.calls.push({ method: 'openExternal', args: [url] });
    },
    async showInFolder(id) {
      api.calls.push({ method: 'showInFolder', args: [id] });
    },
    async exportArticles(request) {
      api.calls.push({ method: 'exportArticles', args: [request] });
      throw new Error('The fake API does not export.');
    },
    async cancelExport() {
      api.calls.push({ method: 'cancelExport', args: [] });
    },
    async getListShape(query) {
      api.calls.push({ method: 'getListShape', args: [query] });
      const { list, dayKey } = select(query);
      return {
        version: listVersion,
        total: list.length,
        unread: countUnread(list, unread),
        days: listDays(list, dayKey, unread),
      };
    },
    async getListRows(query, offset, limit) {
      api.calls.push({ method: 'getListRows', args: [query, offset, limit] });
      const isStarred = starredTest(api.starred);
      const rows = select(query)
        .list.slice(offset, offset + limit)
        .map((entry) =>
          toListRow(entry, {
            isRead: (id) => api.readIds.has(id),
            progress: (id) => full.readMarks.progress.find(([p]) => p === id)?.[1] ?? 0,
            isStarred,
          }),
        );
      return { version: listVersion, offset, rows };
    },
    async getListPosition(query, id) {
      api.calls.push({ method: 'getListPosition', args: [query, id] });
      return select(query).list.findIndex((entry) => entry.id === id);
    },
    async findUnread(query, from, direction) {
      api.calls.push({ method: 'findUnread', args: [query, from, direction] });
      return findUnreadIn(select(query).list, from, direction, unread);
    },
    async markListRead(query, from, read) {
      api.calls.push({ method: 'markListRead', args: [query, from, read] });
      const ids = select(query)
        .list.slice(Math.max(0, from))
        .filter((entry) => !('missing' in entry && entry.missing))
        .map((entry) => entry.id);
      const changed = ids.filter((id) => api.readIds.has(id) !== read);
      for (const id of changed) {
        if (read) api.readIds.add(id);
        else api.readIds.delete(id);
      }
      if (changed.length > 0) listVersion++;
      return changed;
    },
    async getSidebarCounts() {
      api.calls.push({ method: 'getSidebarCounts', args: [] });
      const tally = new SidebarTally();
      for (const article of full.articles) tally.set(article, !api.readIds.has(article.id));
      return { version: listVersion, ...tally.counts(full.folders) };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getPathForFile: () => '',
  };
  return api;
}
