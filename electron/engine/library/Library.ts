// The live library: scans the roots, follows them with the watcher, keeps the search index and
// the stars in step, and answers the window's requests. One instance serves the Electron app (in a
// worker thread), the dev-web bridge and the CLI.
//
// Over 400 lines because it is the facade that owns the library's state and its one request table;
// the parts that need no state of their own live beside it: LibraryScans (scanning), warmStart
// (the cache), rootFolders (which folders and files may be opened), LibraryState (the list and the
// problems), reconcileStartup (the scan against the watcher's baseline).

import { hash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type {
  AddFoldersResult,
  EngineMethod,
  GetArticleOptions,
  LibraryEvent,
  LibrarySnapshot,
  OpenFileResult,
  RequestArgs,
  RequestResult,
} from '../../../shared/contract';
import type { ImageRequest } from '../../../shared/imageRoutes';
import type {
  Article,
  ArticleSummary,
  ExportRequest,
  ExportSelection,
  ExportSummary,
  ImageCacheInfo,
  ListedArticle,
  PrefetchStatus,
  Problem,
  ReadMarksSnapshot,
  ReadProgress,
  RootInfo,
  SearchQuery,
  SearchResult,
  Settings,
  StarredEntry,
} from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';
import { type ExportJobOptions, ExportJobs } from '../export/exportJob';
import { ImageService } from '../images/ImageService';
import { cacheCapBytes, loopbackAllowedByEnv } from '../images/imageLimits';
import { failureHttpResponse, type ImageHttpResponse } from '../images/imageResponse';
import { LibraryPrefetch } from '../images/LibraryPrefetch';
import { prefetchDoneFile } from '../images/prefetchDoneFile';
import {
  inPrefetchScope,
  prefetchCacheFull,
  prefetchCandidates,
  prefetchEnabled,
  prefetchSettingsChanged,
} from '../images/prefetchScope';
import { StarredPrefetch } from '../images/StarredPrefetch';
import { isArticleFileName } from '../parse/articleFiles';
import type { CleanRule } from '../parse/cleanup/cleanRules';
import { articleIdForPath, toListed, toSummary } from '../parse/ids';
import type { ParseOptions } from '../parse/parseArticle';
import { readArticleFile } from '../parse/readArticleFile';
import type { ScannedArticle } from '../scan/scanLibrary';
import { SearchIndex } from '../search/SearchIndex';
import type { CachedArticle } from '../store/cacheFormat';
import { loadUserCleanRules } from '../store/cleanRulesFile';
import { ReadStore } from '../store/ReadStore';
import { SessionStore } from '../store/SessionStore';
import { SettingsStore } from '../store/SettingsStore';
import { StarStore } from '../store/StarStore';
import { LibraryWatcher, type WatchChange } from '../watch/LibraryWatcher';
import { LibraryScans, type ScanHost } from './LibraryScans';
import type { EngineRequests, LibraryService, LibraryServiceOptions } from './LibraryService';
import { LibraryState } from './LibraryState';
import { reconcileStartup } from './reconcileStartup';
import { checkArticleFile, checkNewFolder } from './rootFolders';
import { placeMissingStars, rememberingExists } from './starWhereabouts';
import {
  type CachedHeadlines,
  ENGINE_VERSION,
  loadCachedIndex,
  openCachedHeadlines,
  saveWarmStart,
  summaryOfCached,
} from './warmStart';

export interface LibraryOptions extends LibraryServiceOptions {
  /**
   * Folders to open instead of the saved ones (CLI, `--library`). When given, the saved list of
   * roots is left as it is unless `persistRoots` is true.
   */
  roots?: string[];
  persistRoots?: boolean;
  /** Follow the folders for changes (the app); the CLI's one-shot commands turn it off. */
  watch?: boolean;
  /** Read and write the warm-start cache. */
  cache?: boolean;
}

type Listener = (event: LibraryEvent) => void;

const SAVE_AFTER_CHANGES_MS = 2 * 60_000;

export class Library implements LibraryService {
  private readonly state = new LibraryState();
  private index = new SearchIndex();
  private readonly events = new EventEmitter();
  private roots: RootInfo[] = [];
  /** Whether a starred file outside the open folders is on disk (remembered a minute). */
  private readonly starFileExists = rememberingExists();
  private starred: StarredEntry[] = [];
  private starredIds = new Set<string>();
  private watcher: LibraryWatcher | null = null;
  private readonly scans = new LibraryScans(this.scanHost());
  private saveTimer: NodeJS.Timeout | null = null;
  private problemsTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly storeWarnings: Problem[] = [];
  private userCleanRules: CleanRule[] = [];
  private readonly exports = new ExportJobs();
  /** What the scans did: files parsed, and files taken unchanged from the cache. */
  get scanStats(): { parsed: number; unchanged: number } {
    return this.scans.stats;
  }
  /** Settles once the search index holds every listed article (loaded from the cache or empty). */
  private indexLoaded: Promise<void> = Promise.resolve();
  /**
   * Settles once the index is loaded, the folders are watched and the scan has started (with
   * `watch: false`, once the scan has finished). open() resolves before this, as soon as the
   * headlines are known, so a large library is on screen while its index is still loading.
   */
  private started: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: LibraryOptions,
    private readonly settings: SettingsStore,
    private readonly stars: StarStore,
    private readonly reads: ReadStore,
    private readonly session: SessionStore,
  ) {
    this.events.setMaxListeners(0);
  }

  /**
   * `listener` hears every event from the very start, before open() resolves: a warm start lists
   * its cached headlines during open() (what the window's first paint waits for, and what the
   * library bench times).
   */
  static async open(options: LibraryOptions, listener?: Listener): Promise<Library> {
    const settings = await SettingsStore.open(options.dataDir);
    const stars = await StarStore.open(options.dataDir);
    const reads = await ReadStore.open(options.dataDir);
    const session = await SessionStore.open(options.dataDir);
    const library = new Library(options, settings, stars, reads, session);
    library.images = await library.openImages();
    if (listener) library.onEvent(listener);
    await library.start();
    return library;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  private async start(): Promise<void> {
    const userRules = await loadUserCleanRules(this.options.dataDir);
    this.userCleanRules = userRules.rules;
    this.storeWarnings.push(...userRules.problems);
    for (const warning of [...this.settings.warnings, ...this.stars.warnings, ...this.reads.warnings]) {
      this.storeWarnings.push({
        path: warning.path,
        message: warning.message,
        severity: 'warning',
        code: 'user-data',
        params: { kind: warning.code, detail: warning.message },
      });
    }
    let roots = this.options.roots?.map((r) => resolve(r));
    if (roots && this.options.persistRoots) await this.settings.addRoots(roots);
    if (!roots) {
      roots = this.settings.get().roots;
      if (roots.length === 0 && this.options.defaultRoots?.length) {
        roots = this.options.defaultRoots.map((r) => resolve(r));
        await this.settings.addRoots(roots);
      }
    }
    this.roots = roots.map((path) => ({ path, status: 'scanning', articleCount: 0 }));
    this.scans.reset(roots.length);

    // Headlines first: the cached summaries are a fraction of the cache and are listed at once;
    // the search index (most of the cache) is loaded after open() has returned.
    const cache = this.options.cache === false ? null : await this.listCachedHeadlines(roots);
    await this.resolveStars();
    let indexDone = () => {};
    this.indexLoaded = new Promise<void>((resolve) => {
      indexDone = resolve;
    });
    this.started = this.finishStart(roots, cache, indexDone);
    if (this.options.watch === false) await this.started;
    else
      this.started.catch((error: Error) =>
        this.addStoreWarning({
          path: '',
          message: `The library could not finish opening: ${error.message}`,
          severity: 'error',
          code: 'library',
          params: { detail: error.message },
        }),
      );
  }

  private async finishStart(
    roots: string[],
    cache: CachedHeadlines | null,
    indexDone: () => void,
  ): Promise<void> {
    let cached: Map<string, CachedArticle> | null = null;
    try {
      const loaded = cache ? await loadCachedIndex(cache) : null;
      if (loaded) {
        this.index = loaded.index;
        cached = loaded.byPath;
      }
    } finally {
      indexDone();
    }
    if (this.closed) return;
    if (this.options.watch !== false) {
      this.watcher = new LibraryWatcher(roots, { known: this.knownFiles() });
      this.watcher.on('changes', (changes: WatchChange[]) => void this.applyChanges(changes));
      this.watcher.on('root-missing', (root: string) =>
        this.markRoot(root, 'missing', 'The folder is gone.'),
      );
      this.watcher.on('root-restored', (root: string) => void this.rescanRoot(root));
      this.watcher.on('warning', (w: { root: string; message: string }) =>
        this.addStoreWarning({
          path: w.root,
          message: w.message,
          severity: 'warning',
          code: 'watch',
          params: { detail: w.message },
        }),
      );
      this.watcher.on('problems', (problems: Problem[]) => {
        for (const problem of problems) this.addStoreWarning(problem);
      });
      this.watcher.on('error', (error: Error) =>
        this.addStoreWarning({
          path: '',
          message: String(error.message),
          severity: 'warning',
          code: 'watch',
          params: { detail: String(error.message) },
        }),
      );
      // The scan starts as soon as the roots are subscribed, beside the watcher's baseline walk
      // (which stats every file: ~1.7 s at 100k, the first headlines' whole delay on a cold start).
      // A file changed between the two walks is in the baseline and would never be reported; the
      // scan compares both views once they are done (reconcileStartup).
      let subscribed = () => {};
      const whenSubscribed = new Promise<void>((resolve) => {
        subscribed = resolve;
      });
      const watching = this.watcher.start({ onSubscribed: subscribed });
      await Promise.race([whenSubscribed, watching]);
      if (this.closed) return;
      this.scanRoots(roots, cached, watching).catch(() => undefined); // reported on the root by runScan
      await watching;
      return;
    }
    await this.scanRoots(roots, cached);
  }

  /** Resolves once every scan started so far has finished (CLI and tests). */
  async whenIdle(): Promise<void> {
    await this.started;
    await this.scans.idle();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.started.catch(() => undefined);
    await this.scans.stopAll();
    await this.watcher?.close();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.problemsTimer) clearTimeout(this.problemsTimer);
    if (this.options.cache !== false && this.scans.progress.done) await this.saveCache();
    this.starredPrefetch?.stop();
    await this.libraryPrefetch?.close();
    await this.images?.close();
    this.events.removeAllListeners();
  }

  onEvent(listener: Listener): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  private emit(event: LibraryEvent): void {
    if (!this.closed) this.events.emit('event', event);
  }

  // ---- pictures ----------------------------------------------------------------------------

  /** The article pictures the window shows (see electron/engine/images). */
  images: ImageService | null = null;
  private starredPrefetch: StarredPrefetch | null = null;
  /** The whole library's or chosen folders' pictures, ahead of reading (the prefetch settings). */
  private libraryPrefetch: LibraryPrefetch | null = null;

  private async openImages(): Promise<ImageService> {
    const warn = (message: string) =>
      this.addStoreWarning({
        path: '',
        message,
        severity: 'warning',
        code: 'image-cache',
        params: { detail: message },
      });
    const images = await ImageService.open({
      dataDir: this.options.dataDir,
      capBytes: cacheCapBytes(this.settings.get().imageCacheMB),
      isStarred: (id) => this.starredIds.has(id),
      locate: (id) => this.state.get(id),
      roots: () => this.roots.map((r) => r.path),
      allowLoopback: loopbackAllowedByEnv(),
      warn,
    });
    if (this.options.watch !== false) {
      this.starredPrefetch = new StarredPrefetch({
        loadArticle: (id) => this.getArticle(id),
        prefetch: (id, urls) => images.prefetch(id, urls),
        whenReady: () => this.started,
        warn,
      });
      this.libraryPrefetch = new LibraryPrefetch({
        candidates: () => prefetchCandidates(this.state.list(), this.settings.get()),
        versionOf: (id) => this.state.get(id)?.mtimeMs,
        loadArticle: (id) => this.getArticle(id),
        prefetch: (id, urls, options) => images.prefetch(id, urls, options),
        cacheFull: () => prefetchCacheFull(images.stats()),
        readingBusy: () => images.readingBusy,
        whenReady: () => this.started,
        onStatus: (status) => this.emit({ type: 'prefetch', status }),
        store: prefetchDoneFile(this.options.dataDir),
        warn,
      });
      this.applyPrefetchSettings();
    }
    return images;
  }

  private applyPrefetchSettings(): void {
    const settings = this.settings.get();
    this.images?.setBackgroundRate(settings.prefetchKBps * 1024);
    this.libraryPrefetch?.configure(prefetchEnabled(settings));
  }

  /** Resolves once the library prefetch is not running (tests, bench). */
  whenLibraryPrefetchSettled(): Promise<void> {
    return this.libraryPrefetch?.settled() ?? Promise.resolve();
  }

  private prefetchStatus(): PrefetchStatus {
    return (
      this.libraryPrefetch?.currentStatus() ?? {
        state: 'off',
        articlesTotal: 0,
        articlesDone: 0,
        picturesFetched: 0,
        picturesFailed: 0,
        bytesFetched: 0,
        bytesPerSecond: 0,
      }
    );
  }

  /** Answers the window's picture route (the app protocol or the bridge). */
  serveImage(request: ImageRequest, why: boolean): Promise<ImageHttpResponse> {
    if (!this.images)
      return Promise.resolve(failureHttpResponse({ reason: 'offline', detail: 'Not ready.' }));
    return this.images.serve(request, why);
  }

  imageCacheInfo(): ImageCacheInfo {
    const stats = this.images?.stats();
    return {
      bytes: stats?.bytes ?? 0,
      images: stats?.images ?? 0,
      starredImages: stats?.starredImages ?? 0,
      capBytes: stats?.capBytes ?? cacheCapBytes(this.settings.get().imageCacheMB),
      folder: this.images?.cache.dir ?? '',
    };
  }

  /** Resolves once the starred articles' pictures queued so far were tried (tests, bench). */
  async whenImagesPrefetched(): Promise<void> {
    await this.starredPrefetch?.idle();
  }

  // ---- requests ----------------------------------------------------------------------------

  /**
   * The one way in for requests (the window's, through main or the bridge, and the CLI's). Each
   * handler waits for what it needs: a search for the index, a change to the folders or settings
   * for the start to finish.
   */
  call<M extends EngineMethod>(method: M, ...args: RequestArgs<M>): Promise<RequestResult<M>> {
    if (!Object.hasOwn(this.requests, method)) {
      return Promise.reject(new Error(`Unknown request "${String(method).slice(0, 40)}"`));
    }
    const handler = this.requests[method] as (...a: RequestArgs<M>) => Promise<RequestResult<M>>;
    return handler(...args);
  }

  private readonly requests: EngineRequests = {
    getSnapshot: async () => this.snapshot(),
    getArticle: (id, options) => this.getArticle(id, options),
    search: async (query) => {
      await this.indexLoaded;
      return this.search(query);
    },
    setStarred: (id, starred) => this.setStarred(id, starred),
    setRead: (ids, read) => this.setRead(ids, read),
    setReadProgress: (id, progress) => this.setReadProgress(id, progress),
    getSession: async () => this.session.get(),
    getExcerpts: async (ids) => ids.map((id) => this.state.get(id)?.excerpt ?? ''),
    saveSession: (session) => this.session.save(session),
    addFolders: async (paths) => {
      await this.started.catch(() => undefined);
      return this.addFolders(paths);
    },
    removeFolder: async (path) => {
      await this.started.catch(() => undefined);
      return this.removeFolder(path);
    },
    openFile: (path) => this.openFile(path),
    getSettings: async () => this.settings.get(),
    updateSettings: async (patch) => {
      await this.started.catch(() => undefined);
      return this.updateSettings(patch);
    },
    exportArticles: async (request) => {
      await this.started.catch(() => undefined);
      return this.exportArticles(request);
    },
    cancelExport: async () => this.exports.cancel(),
    getImageCache: async () => this.imageCacheInfo(),
    clearImageCache: async () => {
      await this.images?.clear();
      this.libraryPrefetch?.forgetDone();
      return this.imageCacheInfo();
    },
    getPrefetch: async () => this.prefetchStatus(),
    setPrefetchPaused: async (paused) => {
      this.libraryPrefetch?.setPaused(paused);
      return this.prefetchStatus();
    },
  };

  /** Exports articles (see export/exportJob); `fetchImages` only from the CLI's --fetch-images. */
  async exportArticles(request: ExportRequest, options: ExportJobOptions = {}): Promise<ExportSummary> {
    return this.exports.run(
      request,
      {
        dataDir: this.options.dataDir,
        select: async (selection) => this.exportSelection(selection),
        readArticle: async (summary) => {
          const outcome = await readArticleFile(summary.path, summary.root, this.parseOptions());
          return outcome.article ?? { error: outcome.problems[0]?.message ?? 'The file could not be read.' };
        },
        isStarred: (id) => this.starredIds.has(id),
        isRead: (id) => this.reads.isRead(id),
        images: () => this.images,
        onProgress: (progress) => this.emit({ type: 'export-progress', progress }),
      },
      options,
    );
  }

  private async exportSelection(selection: ExportSelection): Promise<ArticleSummary[]> {
    const pick = (ids: Iterable<string>) => {
      const out: ArticleSummary[] = [];
      const seen = new Set<string>();
      for (const id of ids) {
        const found = seen.has(id) ? undefined : this.state.get(id);
        seen.add(id);
        if (found) out.push(found);
      }
      return out;
    };
    if (selection.kind === 'ids') return pick(selection.ids);
    if (selection.kind === 'starred') {
      return this.state.list().filter((a) => this.starredIds.has(a.id));
    }
    const { text, filters } = selection.query;
    if (text.trim() === '' && (!filters || Object.keys(filters).length === 0)) return this.state.list();
    await this.indexLoaded;
    const result = this.search({ ...selection.query, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    return pick(result.matches.map((m) => m.id));
  }

  private snapshot(): LibrarySnapshot {
    return {
      roots: this.rootInfos(),
      progress: this.scans.progress,
      articles: this.listed(),
      problems: this.allProblems(),
      starred: this.starred,
      readMarks: this.readMarks(),
    };
  }

  private listedFrom: ArticleSummary[] | null = null;
  private listedCache: ListedArticle[] = [];

  /** The window's view of the list, newest first; rebuilt only when the list changed. */
  private listed(): ListedArticle[] {
    const list = this.state.list();
    if (list !== this.listedFrom) {
      this.listedFrom = list;
      this.listedCache = list.map(toListed);
    }
    return this.listedCache;
  }

  indexStats() {
    return this.index.stats();
  }

  articles(): ArticleSummary[] {
    return this.state.list();
  }

  findArticle(id: string): ArticleSummary | undefined {
    return this.state.get(id);
  }

  /** `original`: the body as written, without the clean-up rules (the pane's "Show original"). */
  private async getArticle(id: string, options: GetArticleOptions = {}): Promise<Article | null> {
    const summary = this.state.get(id);
    if (!summary) return null;
    const parse = this.parseOptions();
    if (options.original) parse.clean = false;
    const outcome = await readArticleFile(summary.path, summary.root, parse);
    return outcome.article;
  }

  private search(query: SearchQuery): SearchResult {
    return this.index.search(query, { isStarred: (id) => this.starredIds.has(id) });
  }

  private async setStarred(id: string, starred: boolean): Promise<StarredEntry[]> {
    if (starred) {
      const article = this.state.get(id);
      if (!article) throw new Error('That article is no longer in the library; it cannot be starred.');
      await this.stars.star(article);
    } else {
      await this.stars.unstar(id);
    }
    await this.resolveStars(true);
    return this.starred;
  }

  // ---- read marks --------------------------------------------------------------------------

  /** Read ids as the window was last told them, to send only what a resolve changed. */
  private readShown = new Set<string>();

  private readMarks(): ReadMarksSnapshot {
    const read: string[] = [];
    const progress: ReadProgress[] = [];
    for (const mark of this.reads.all()) {
      if (mark.read) read.push(mark.id);
      if (mark.progress > 0) progress.push([mark.id, mark.progress]);
    }
    this.readShown = new Set(read);
    return { read, progress };
  }

  isRead(id: string): boolean {
    return this.reads.isRead(id);
  }

  /** Ids of read articles (the CLI's list, counts). */
  readIds(): Set<string> {
    const out = new Set<string>();
    for (const mark of this.reads.all()) if (mark.read) out.add(mark.id);
    return out;
  }

  private async setRead(ids: string[], read: boolean): Promise<string[]> {
    const targets = [];
    for (const id of ids) {
      const article = this.state.get(id);
      // A mark whose article is gone can still be taken back (by the id it was last seen with).
      const mark = article ?? this.reads.get(id);
      if (mark) targets.push({ id, contentHash: mark.contentHash });
    }
    if (targets.length === 0 && ids.length > 0) {
      throw new Error('That article is no longer in the library; it cannot be marked.');
    }
    const changed = await this.reads.setRead(targets, read);
    for (const id of changed) {
      if (read) this.readShown.add(id);
      else this.readShown.delete(id);
    }
    if (changed.length > 0) {
      this.emit({ type: 'read', read: read ? changed : [], unread: read ? [] : changed, progress: [] });
    }
    return changed;
  }

  private async setReadProgress(id: string, progress: number): Promise<void> {
    const article = this.state.get(id);
    if (!article) return;
    await this.reads.setProgress(article, progress);
    const now = this.reads.get(id)?.progress ?? 0;
    this.emit({ type: 'read', read: [], unread: [], progress: [[id, now]] });
  }

  /** Marks follow moved and edited articles (after every scan and watcher batch, like the stars). */
  private async resolveReadMarks(): Promise<void> {
    if (this.reads.size === 0) return;
    const changed = await this.reads.resolve(this.lookup());
    if (!changed) return;
    const next = this.readIds();
    const read = [...next].filter((id) => !this.readShown.has(id));
    const unread = [...this.readShown].filter((id) => !next.has(id));
    const progress: ReadProgress[] = [];
    for (const id of read) {
      const p = this.reads.get(id)?.progress ?? 0;
      if (p > 0) progress.push([id, p]);
    }
    this.readShown = next;
    if (read.length || unread.length) this.emit({ type: 'read', read, unread, progress });
  }

  private lookup() {
    return {
      byId: (id: string) => this.state.get(id),
      byContentHash: (hash: string) => this.state.allByContentHash(hash),
      complete: this.scans.progress.done,
      byPath: (path: string) => {
        const id = this.idForPath(path);
        return id ? this.state.get(id) : undefined;
      },
    };
  }

  private async addFolders(paths: string[]): Promise<AddFoldersResult> {
    const result: AddFoldersResult = { added: [], rejected: [] };
    for (const raw of paths) {
      const check = await checkNewFolder(
        raw,
        this.roots.map((r) => r.path),
      );
      if (!check.ok) {
        result.rejected.push({ path: check.path, reason: check.reason });
        continue;
      }
      const { path } = check;
      // A new folder that contains existing roots replaces them, so no article is listed twice.
      for (const inner of this.roots.filter((r) => isInsideFolder(r.path, path))) {
        await this.removeFolder(inner.path);
      }
      this.roots.push({ path, status: 'scanning', articleCount: 0 });
      result.added.push(path);
    }
    if (result.added.length > 0) {
      if (this.options.persistRoots !== false) await this.settings.addRoots(result.added);
      this.emitRoots();
      for (const root of result.added) await this.watcher?.addRoot(root);
      void this.scanRoots(result.added, null);
    }
    return result;
  }

  private async removeFolder(path: string): Promise<void> {
    const root = this.roots.find((r) => r.path === path);
    if (!root) throw new Error(`${path} is not one of the library's folders.`);
    this.scans.abort(path);
    this.roots = this.roots.filter((r) => r.path !== path);
    await this.watcher?.removeRoot(path);
    const ids = this.state
      .idsUnder(path)
      .filter((id) => !this.roots.some((r) => r.path === this.state.get(id)?.root));
    this.removeIds(ids);
    this.state.clearProblemsUnder(path);
    if (this.options.persistRoots !== false) await this.settings.removeRoot(path);
    this.emitRoots();
    this.scheduleProblems();
    await this.resolveStars();
    this.scheduleCacheSave();
    this.libraryPrefetch?.refresh();
  }

  private async openFile(path: string): Promise<OpenFileResult> {
    const check = await checkArticleFile(path);
    if (!check.ok) return { ok: false, reason: check.reason };
    // `passwd-link.md` -> /etc/passwd: the name is an article's, the file it leads to is not.
    const real = await realpath(path).catch(() => null);
    if (real === null || !isArticleFileName(basename(real))) {
      return {
        ok: false,
        reason: `${basename(path)} is a link to ${real === null ? 'a file that cannot be resolved' : basename(real)}, which is not an article file (.md, .markdown, .txt, .html, .htm).`,
      };
    }
    // Confined to the folder the file really is in (a dropped link opens its target).
    const outcome = await readArticleFile(path, dirname(real), this.parseOptions());
    if (!outcome.article) {
      return { ok: false, reason: outcome.problems[0]?.message ?? 'The file could not be read.' };
    }
    return { ok: true, article: outcome.article };
  }

  private async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const before = this.settings.get();
    const after = await this.settings.update(patch);
    this.emit({ type: 'settings', settings: after });
    if (after.imageCacheMB !== before.imageCacheMB) {
      await this.images?.setCap(cacheCapBytes(after.imageCacheMB));
      this.libraryPrefetch?.wake();
    }
    if (prefetchSettingsChanged(before, after) || after.prefetchKBps !== before.prefetchKBps) {
      this.applyPrefetchSettings();
    }
    const zoneChanged = patch.dateTimeZone !== undefined && patch.dateTimeZone !== before.dateTimeZone;
    const cleanUpChanged = patch.cleanUp !== undefined && patch.cleanUp !== before.cleanUp;
    if (zoneChanged || cleanUpChanged) {
      // Zone-less dates change meaning, or bodies lose (or get back) their boilerplate: every file
      // is parsed again.
      void this.scanRoots(
        this.roots.map((r) => r.path),
        null,
      );
    }
    return after;
  }

  // ---- scanning ----------------------------------------------------------------------------

  private parseOptions(): ParseOptions {
    const { dateTimeZone: zone, cleanUp } = this.settings.get();
    const options: ParseOptions = zone ? { timeZone: zone } : {};
    if (!cleanUp) options.clean = false;
    else if (this.userCleanRules.length > 0) options.userCleanRules = this.userCleanRules;
    return options;
  }

  /**
   * The cache is only good for the engine and the clean-up rules that filled it: the version names
   * both, so turning clean-up off or editing the rules file parses every file again at the next start.
   */
  private cacheVersion(): string {
    if (!this.settings.get().cleanUp) return `${ENGINE_VERSION}/clean-off`;
    if (this.userCleanRules.length === 0) return ENGINE_VERSION;
    return `${ENGINE_VERSION}/rules-${hash('sha1', JSON.stringify(this.userCleanRules)).slice(0, 16)}`;
  }

  private knownFiles(): Map<string, { mtimeMs: number; size: number }> {
    const known = new Map<string, { mtimeMs: number; size: number }>();
    for (const a of this.state.list()) known.set(a.path, { mtimeMs: a.mtimeMs, size: a.size });
    return known;
  }

  private scanRoots(
    roots: string[],
    cached: Map<string, CachedArticle> | null,
    baselineTaken?: Promise<void>,
  ): Promise<void> {
    return this.scans.start(roots, cached, baselineTaken);
  }

  /** What a scan changes, and what it is told. */
  private scanHost(): ScanHost {
    return {
      state: this.state,
      isClosed: () => this.closed,
      parseOptions: () => this.parseOptions(),
      upsert: (scanned) => this.upsert(scanned),
      removeIds: (ids) => this.removeIds(ids),
      rootStatus: (root) => this.roots.find((r) => r.path === root)?.status,
      markRoot: (root, status, message) => this.markRoot(root, status, message),
      emit: (event) => this.emit(event),
      scheduleProblems: () => this.scheduleProblems(),
      reconcileWithWatcher: (roots) => this.reconcileWithWatcher(roots),
      scanFinished: async () => {
        this.scheduleProblems();
        await this.resolveStars();
        this.scheduleCacheSave(0);
        this.libraryPrefetch?.refresh();
      },
    };
  }

  private upsert(scanned: ScannedArticle | Article): ArticleSummary {
    const { text, ...rest } = scanned as ScannedArticle & Partial<Article>;
    const summary: ArticleSummary =
      'html' in scanned ? toSummary(scanned as Article) : (rest as ArticleSummary);
    this.state.upsert(summary);
    this.index.add({
      id: summary.id,
      path: summary.path,
      title: summary.title,
      text: text ?? '',
      author: summary.author,
      categories: summary.categories,
      dateMs: Date.parse(summary.date),
    });
    return summary;
  }

  private removeIds(ids: string[]): void {
    if (ids.length === 0) return;
    for (const id of ids) {
      const removed = this.state.remove(id);
      if (removed) {
        this.index.remove(id);
        this.state.setProblems(removed.path, []);
      }
    }
    this.emit({ type: 'articles-removed', ids });
    this.emitRoots();
  }

  private async reconcileWithWatcher(roots: string[]): Promise<void> {
    const watcher = this.watcher;
    if (!watcher) return;
    const changes: WatchChange[] = [];
    for (const root of roots) {
      const articles: ArticleSummary[] = [];
      for (const id of this.state.idsUnder(root)) {
        const article = this.state.get(id);
        if (article) articles.push(article);
      }
      const found = await reconcileStartup(root, {
        articles,
        baseline: watcher.filesUnder(root),
        hasProblems: (path) => this.state.hasProblems(path),
        statNow: (path) =>
          stat(path).then(
            (s) => ({ mtimeMs: s.mtimeMs, size: s.size }),
            () => null,
          ),
      });
      changes.push(...found);
    }
    if (changes.length > 0) await this.applyChanges(changes);
  }

  private async rescanRoot(root: string): Promise<void> {
    this.markRoot(root, 'scanning');
    await this.scanRoots([root], null);
  }

  private async applyChanges(changes: WatchChange[]): Promise<void> {
    const upserted: ArticleSummary[] = [];
    const removed: string[] = [];
    let problemsChanged = false;
    for (const change of changes) {
      const id = this.idForPath(change.path);
      if (change.type === 'removed') {
        if (id) removed.push(id);
        problemsChanged = this.state.setProblems(change.path, []) || problemsChanged;
        continue;
      }
      const outcome = await readArticleFile(change.path, change.root, this.parseOptions());
      if (this.closed) return;
      problemsChanged = this.state.setProblems(change.path, outcome.problems) || problemsChanged;
      if (outcome.article) upserted.push(this.upsert(outcome.article));
      else if (id) removed.push(id);
    }
    if (upserted.length) this.emit({ type: 'articles-upserted', articles: upserted.map(toListed) });
    const settings = this.settings.get();
    this.libraryPrefetch?.added(upserted.filter((a) => inPrefetchScope(a.path, settings)).map((a) => a.id));
    this.removeIds(removed);
    if (problemsChanged) this.scheduleProblems();
    this.emitRoots();
    await this.resolveStars();
    this.scheduleCacheSave();
  }

  private idForPath(path: string): string | undefined {
    const id = articleIdForPath(path);
    return this.state.get(id) ? id : undefined;
  }

  // ---- roots, problems, stars ---------------------------------------------------------------

  private markRoot(root: string, status: RootInfo['status'], message?: string): void {
    const info = this.roots.find((r) => r.path === root);
    if (!info) return;
    info.status = status;
    if (message) info.message = message;
    else delete info.message;
    this.emitRoots();
  }

  private rootInfos(): RootInfo[] {
    return this.roots.map((r) => ({ ...r, articleCount: this.state.countUnder(r.path) }));
  }

  private emitRoots(): void {
    this.emit({ type: 'roots', roots: this.rootInfos() });
  }

  private allProblems(): Problem[] {
    return [...this.storeWarnings, ...this.state.problems()];
  }

  private addStoreWarning(problem: Problem): void {
    this.storeWarnings.push(problem);
    this.scheduleProblems();
  }

  private scheduleProblems(): void {
    if (this.problemsTimer) return;
    this.problemsTimer = setTimeout(() => {
      this.problemsTimer = null;
      this.emit({ type: 'problems', problems: this.allProblems() });
    }, 200);
  }

  private async resolveStars(force = false): Promise<void> {
    if (!force) await this.resolveReadMarks();
    const matched = await this.stars.resolve(this.lookup());
    const resolved = await placeMissingStars(
      matched,
      this.roots.map((r) => r.path),
      this.settings.get().recentRoots,
      this.starFileExists,
    );
    const changed = force || JSON.stringify(resolved) !== JSON.stringify(this.starred);
    this.starred = resolved;
    this.starredIds = new Set(resolved.filter((s) => !s.missing).map((s) => s.id));
    this.starredPrefetch?.starredChanged(this.starredIds);
    if (changed) this.emit({ type: 'stars', starred: resolved });
  }

  // ---- cache -------------------------------------------------------------------------------

  /** Lists the cached headlines at once; the index is read later (finishStart). Null: full scan. */
  private async listCachedHeadlines(roots: string[]): Promise<CachedHeadlines | null> {
    const cached = await openCachedHeadlines(this.options.dataDir, roots, this.cacheVersion());
    if (!cached) return null;
    for (const a of cached.articles) this.state.upsert(summaryOfCached(a));
    this.emit({ type: 'articles-upserted', articles: this.listed() });
    return cached;
  }

  /**
   * After a scan the cache is saved at once; after watched changes, only once the library has been
   * quiet for a while (and at close). A stale cache costs nothing but re-parsing the changed files
   * at the next start, while a save at 100,000 articles keeps this thread busy for ~2 s (serialising
   * ~600 MB), which would stall searches after every saved article.
   */
  private scheduleCacheSave(delayMs = SAVE_AFTER_CHANGES_MS): void {
    if (this.options.cache === false || this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.saveCache();
    }, delayMs);
  }

  private async saveCache(): Promise<void> {
    if (this.options.cache === false) return;
    try {
      await saveWarmStart(
        this.options.dataDir,
        this.roots.map((r) => r.path),
        this.state.list(),
        (path) => this.state.problemsOf(path),
        this.index,
        this.cacheVersion(),
      );
    } catch (error) {
      this.addStoreWarning({
        path: this.options.dataDir,
        message: `The library cache could not be saved (${(error as Error).message}); the next start will rescan.`,
        severity: 'warning',
        code: 'cache',
        params: { detail: (error as Error).message },
      });
    }
  }
}
