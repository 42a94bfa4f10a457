// The engine's one request table: a handler for every engine method of the contract (typed by
// RequestHandlers, so a method without one is a compile error: engineRequests.typecheck.ts), each
// handed to the room that answers it. Each handler waits for what it needs: a search for the index,
// a change to the folders or settings for the start to finish.

import type { GetArticleOptions, LibrarySnapshot, OpenFileResult } from '../../../shared/contract';
import type {
  Article,
  ExportRequest,
  ExportSummary,
  ImageCacheInfo,
  SearchQuery,
  SearchResult,
  Settings,
} from '../../../shared/types';
import type { ExportJobs } from '../export/exportJob';
import type { SessionStore } from '../store/SessionStore';
import type { SettingsStore } from '../store/SettingsStore';
import type { LibraryFolders } from './LibraryFolders';
import type { LibraryList } from './LibraryList';
import { type LibraryPictures, prefetchOff } from './LibraryPictures';
import type { LibraryReadMarks } from './LibraryReadMarks';
import type { EngineRequests } from './LibraryService';
import type { LibraryStars } from './LibraryStars';
import type { LibraryState } from './LibraryState';

/** The rooms and the facade's own answers the table hands requests to. */
export interface RequestRooms {
  /** Settles once the library has started (whether or not it started well). */
  afterStart(): Promise<void>;
  snapshot(): LibrarySnapshot;
  getArticle(id: string, options?: GetArticleOptions): Promise<Article | null>;
  /** Searches once the index is loaded. */
  search(query: SearchQuery): Promise<SearchResult>;
  openFile(path: string): Promise<OpenFileResult>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  exportArticles(request: ExportRequest): Promise<ExportSummary>;
  imageCacheInfo(): ImageCacheInfo;
  pictures(): LibraryPictures | null;
  state: LibraryState;
  stars: LibraryStars;
  reads: LibraryReadMarks;
  list: LibraryList;
  folders: LibraryFolders;
  settings: SettingsStore;
  session: SessionStore;
  exports: ExportJobs;
}

export function engineRequests(rooms: RequestRooms): EngineRequests {
  const { state, stars, reads, list, folders, settings, session, exports } = rooms;
  return {
    getSnapshot: async () => rooms.snapshot(),
    getArticle: (id, options) => rooms.getArticle(id, options),
    search: (query) => rooms.search(query),
    setStarred: (id, starred) => stars.set(id, starred),
    setRead: (ids, read) => reads.setRead(ids, read),
    setReadProgress: (id, progress) => reads.setProgress(id, progress),
    getSession: async () => session.get(),
    getExcerpts: async (ids) => ids.map((id) => state.get(id)?.excerpt ?? ''),
    saveSession: (value) => session.save(value),
    addFolders: async (paths) => {
      await rooms.afterStart();
      return folders.add(paths);
    },
    removeFolder: async (path) => {
      await rooms.afterStart();
      return folders.remove(path);
    },
    openFile: (path) => rooms.openFile(path),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      await rooms.afterStart();
      return rooms.updateSettings(patch);
    },
    exportArticles: async (request) => {
      await rooms.afterStart();
      return rooms.exportArticles(request);
    },
    cancelExport: async () => exports.cancel(),
    getImageCache: async () => rooms.imageCacheInfo(),
    clearImageCache: async () => rooms.pictures()?.clearCache() ?? rooms.imageCacheInfo(),
    getPrefetch: async () => rooms.pictures()?.prefetchStatus() ?? prefetchOff(),
    setPrefetchPaused: async (paused) => rooms.pictures()?.setPrefetchPaused(paused) ?? prefetchOff(),
    getListShape: async (query) => list.shape(query),
    getListRows: async (query, offset, limit) => list.rows(query, offset, limit),
    getListPosition: async (query, id) => list.position(query, id),
    findUnread: async (query, from, direction) => list.findUnread(query, from, direction),
    markListRead: (query, from, read) => list.markRead(query, from, read),
    getSidebarCounts: async () => list.sidebar(),
  };
}
