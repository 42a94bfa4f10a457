// The one boundary between the window and everything behind it.
//
// The preload exposes exactly `BroadsheetApi` as `window.broadsheet` (Electron), and the dev-web
// bridge implements the same interface over loopback HTTP (browser). Every request is validated on
// the receiving side with `validateRequest` before it reaches the engine: the page renders untrusted
// archive content and is treated as possibly compromised.

import type { ListPosition, ListQuery, ListRows, ListShape, SidebarCounts } from './listQuery';
import type {
  Article,
  ExportProgress,
  ExportRequest,
  ExportSummary,
  FolderRef,
  ImageCacheInfo,
  ListedArticle,
  PrefetchStatus,
  Problem,
  ReadMarksSnapshot,
  ReadProgress,
  RootInfo,
  ScanProgress,
  SearchQuery,
  SearchResult,
  Settings,
  StarredEntry,
  WindowSession,
} from './types';

export interface LibrarySnapshot {
  roots: RootInfo[];
  progress: ScanProgress;
  /** Every article currently listed, newest first. */
  articles: ListedArticle[];
  /** The folder table the articles' `folder` indexes. */
  folders: FolderRef[];
  problems: Problem[];
  starred: StarredEntry[];
  readMarks: ReadMarksSnapshot;
}

export type LibraryEvent =
  /** `folders`: the whole folder table (small, append-only), so every `folder` index in the batch resolves. */
  | { type: 'articles-upserted'; articles: ListedArticle[]; folders: FolderRef[] }
  | { type: 'articles-removed'; ids: string[] }
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'roots'; roots: RootInfo[] }
  /** The full, current problem list (it is bounded, so replacing beats diffing). */
  | { type: 'problems'; problems: Problem[] }
  | { type: 'stars'; starred: StarredEntry[] }
  /** Articles that became read or unread (by a window, the CLI, or a mark following its article). */
  | { type: 'read'; read: string[]; unread: string[]; progress: ReadProgress[] }
  | { type: 'settings'; settings: Settings }
  /** The user chose File > Open Folder… or similar in a native menu; the window should react. */
  | { type: 'menu'; command: MenuCommand }
  /** How far the running export is (after every article). */
  | { type: 'export-progress'; progress: ExportProgress }
  /** How far the library prefetch is (at most twice a second while it runs, and on each change). */
  | { type: 'prefetch'; status: PrefetchStatus }
  /**
   * What the headline list shows changed (articles, stars or read marks): ask again for the shape and
   * the rows on screen. At most every 250 ms while a scan or a burst of changes runs.
   */
  | { type: 'list-changed'; version: number };

export type MenuCommand = 'focus-search' | 'show-library' | 'show-shortcuts' | 'toggle-star' | 'export';

export interface AddFoldersResult {
  added: string[];
  rejected: { path: string; reason: string }[];
}

export interface GetArticleOptions {
  /** The body as written, without the clean-up rules (the reading pane's "Show original"). */
  original?: boolean;
}

export type OpenFileResult = { ok: true; article: Article } | { ok: false; reason: string };

export interface Capabilities {
  /** `electron` in the desktop app, `web` in the dev-web bridge. */
  host: 'electron' | 'web';
  /** Native open-folder dialog available. */
  folderDialog: boolean;
  /** The host can show a file in the system's file manager (showInFolder). */
  showInFolder: boolean;
  platform: string;
}

/** The request/response part of the API: each method is one IPC channel / one bridge route. */
export interface BroadsheetRequests {
  getCapabilities(): Promise<Capabilities>;
  getSnapshot(): Promise<LibrarySnapshot>;
  getArticle(id: string, options?: GetArticleOptions): Promise<Article | null>;
  search(query: SearchQuery): Promise<SearchResult>;
  setStarred(id: string, starred: boolean): Promise<StarredEntry[]>;
  /** Marks articles read or unread; resolves to the ids whose state changed (for undo). */
  setRead(ids: string[], read: boolean): Promise<string[]>;
  /** Remembers how far into an article the reader is, 0 (top) to 1 (the end). */
  setReadProgress(id: string, progress: number): Promise<void>;
  /** The one-line previews of these articles (same order; '' for one not in the library). */
  getExcerpts(ids: string[]): Promise<string[]>;
  /** Where the window was when it was last open (null the first time). */
  getSession(): Promise<WindowSession | null>;
  saveSession(session: WindowSession): Promise<void>;
  addFolders(paths: string[]): Promise<AddFoldersResult>;
  removeFolder(path: string): Promise<void>;
  /** Open one dropped article file for reading (it is not added to the library). */
  openFile(path: string): Promise<OpenFileResult>;
  /** Native folder picker; resolves to the chosen folders (empty when cancelled). */
  pickFolders(): Promise<string[]>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Opens http(s) and mailto links in the system browser; anything else is refused. */
  openExternal(url: string): Promise<void>;
  /**
   * Shows the article's file in the system's file manager (the app only): only a file inside one of
   * the library's folders, so an id never reveals anything else.
   */
  showInFolder(id: string): Promise<void>;
  /**
   * Exports articles (the host asks the user where, with its own dialog); resolves when done or
   * cancelled, with what could not be exported. `export-progress` events come after every article.
   */
  exportArticles(request: ExportRequest): Promise<ExportSummary>;
  /** Stops the running export after the article it is on. */
  cancelExport(): Promise<void>;
  /** Size of the image cache (the Library panel). */
  getImageCache(): Promise<ImageCacheInfo>;
  /** Deletes every cached picture; answers the (now empty) cache. */
  clearImageCache(): Promise<ImageCacheInfo>;
  /** How far the library prefetch (the `prefetchScope` setting) is. */
  getPrefetch(): Promise<PrefetchStatus>;
  /** Pauses or resumes the library prefetch (until the app restarts). */
  setPrefetchPaused(paused: boolean): Promise<PrefetchStatus>;
  /** The headline list a query selects: its length, unread count and day groups (shared/listQuery). */
  getListShape(query: ListQuery): Promise<ListShape>;
  /** Rows `offset`… of that list, at most `limit` (<= LIST_ROWS_LIMIT). */
  getListRows(query: ListQuery, offset: number, limit: number): Promise<ListRows>;
  /** Where an article is in that list; -1 when it is not listed. */
  getListPosition(query: ListQuery, id: string): Promise<number>;
  /** The nearest unread row after (1) or before (-1) index `from`, or null. */
  findUnread(query: ListQuery, from: number, direction: 1 | -1): Promise<ListPosition | null>;
  /** Marks rows `from`… to the end read or unread; resolves to the ids whose state changed (undo: setRead(ids, !read)). */
  markListRead(query: ListQuery, from: number, read: boolean): Promise<string[]>;
  /** The sidebar's categories, sources and folders with their counts over the whole library. */
  getSidebarCounts(): Promise<SidebarCounts>;
}

export interface BroadsheetApi extends BroadsheetRequests {
  /** Subscribe to library changes; returns the unsubscribe function. */
  onEvent(listener: (event: LibraryEvent) => void): () => void;
  /**
   * Absolute path of a dropped file or folder (Electron's webUtils.getPathForFile). Empty string
   * where the host cannot tell (a plain browser).
   */
  getPathForFile(file: File): string;
}

export type RequestMethod = keyof BroadsheetRequests;

export const REQUEST_METHODS = [
  'getCapabilities',
  'getSnapshot',
  'getArticle',
  'search',
  'setStarred',
  'setRead',
  'setReadProgress',
  'getExcerpts',
  'getSession',
  'saveSession',
  'addFolders',
  'removeFolder',
  'openFile',
  'pickFolders',
  'getSettings',
  'updateSettings',
  'openExternal',
  'showInFolder',
  'exportArticles',
  'cancelExport',
  'getImageCache',
  'clearImageCache',
  'getPrefetch',
  'setPrefetchPaused',
  'getListShape',
  'getListRows',
  'getListPosition',
  'findUnread',
  'markListRead',
  'getSidebarCounts',
] as const satisfies readonly RequestMethod[];

// Compile-time proof that REQUEST_METHODS lists every method exactly: adding a method to
// BroadsheetRequests without listing it here fails the typecheck.
type Missing = Exclude<RequestMethod, (typeof REQUEST_METHODS)[number]>;
const _everyMethodListed: Missing extends never ? true : Missing = true;
void _everyMethodListed;

/**
 * The methods the window's host answers itself (Electron main, or the dev-web bridge): dialogs,
 * the system browser, what the host can do. Every other method is answered by the engine.
 */
export const HOST_METHODS = [
  'getCapabilities',
  'pickFolders',
  'openExternal',
  'showInFolder',
] as const satisfies readonly RequestMethod[];

export type HostMethod = (typeof HOST_METHODS)[number];
/** Requests answered by the library engine. */
export type EngineMethod = Exclude<RequestMethod, HostMethod>;

export function isHostMethod(method: string): method is HostMethod {
  return (HOST_METHODS as readonly string[]).includes(method);
}

/**
 * One handler per method, typed by the contract: a table of these that misses a method, or answers
 * one with the wrong type, does not compile (the engine's table: electron/engine/library).
 */
export type RequestHandlers<M extends RequestMethod> = {
  [K in M]: (...args: RequestArgs<K>) => Promise<RequestResult<K>>;
};

const IPC_PREFIX = 'broadsheet:';
export const EVENT_CHANNEL = 'broadsheet:event';

export function channelFor(method: RequestMethod): string {
  return IPC_PREFIX + method;
}

export type RequestArgs<M extends RequestMethod> = Parameters<BroadsheetRequests[M]>;
export type RequestResult<M extends RequestMethod> = Awaited<ReturnType<BroadsheetRequests[M]>>;
