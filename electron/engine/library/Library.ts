// The live library: scans the roots, follows them with the watcher, keeps the library database and
// the stars in step, and answers the window's requests. One instance serves the Electron app (in a
// worker thread), the dev-web bridge and the CLI.
//
// The facade: it opens the stores, starts and closes, and wires the rooms that do the work, each
// with one job (LibraryFolders, LibraryScans, LibraryWatching, LibraryArticles, LibraryDatabase,
// LibraryProblems, LibraryStars, LibraryReadMarks, LibraryList, LibraryPictures, libraryExport); the one request
// table is engineRequests. Just over 400 lines because opening, closing and that wiring are the one
// job left here; each room's work lives in its own file.

import { EventEmitter } from 'node:events';
import type {
  EngineMethod,
  LibraryEvent,
  LibrarySnapshot,
  RequestArgs,
  RequestResult,
} from '../../../shared/contract';
import type { ImageRequest } from '../../../shared/imageRoutes';
import type {
  ArticleSummary,
  ExportRequest,
  ExportSummary,
  ImageCacheInfo,
  SearchQuery,
  SearchResult,
  Settings,
} from '../../../shared/types';
import { type ExportJobOptions, ExportJobs } from '../export/exportJob';
import type { ImageHttpResponse } from '../images/imageResponse';
import type { CleanRule } from '../parse/cleanup/cleanRules';
import type { ParseOptions } from '../parse/parseArticle';
import { loadUserCleanRules } from '../store/cleanRulesFile';
import { ReadStore } from '../store/ReadStore';
import { SessionStore } from '../store/SessionStore';
import { SettingsStore } from '../store/SettingsStore';
import { StarStore } from '../store/StarStore';
import { engineRequests } from './engineRequests';
import { LibraryArticles } from './LibraryArticles';
import { LibraryDatabase } from './LibraryDatabase';
import { LibraryFolders, rootsToOpen } from './LibraryFolders';
import { LibraryList } from './LibraryList';
import { LibraryPictures, noPictures, picturesNotReady } from './LibraryPictures';
import { LibraryProblems, libraryWarning, userDataProblem } from './LibraryProblems';
import { LibraryReadMarks } from './LibraryReadMarks';
import { LibraryScans } from './LibraryScans';
import type { EngineRequests, LibraryOptions, LibraryService } from './LibraryService';
import { LibraryStars } from './LibraryStars';
import { LibraryState } from './LibraryState';
import { LibraryWatching } from './LibraryWatching';
import { libraryExport } from './libraryExport';
import { removeOldWarmStartCache } from './oldWarmStartCache';
import { openArticleFile } from './openArticleFile';
import { changeNeedsReparse, libraryVersionFor, parseOptionsFor } from './parseSettings';
import { searchForWindow } from './windowSearch';

export type { LibraryOptions } from './LibraryService';

type Listener = (event: LibraryEvent) => void;

export class Library implements LibraryService {
  private readonly events = new EventEmitter();
  private closed = false;
  private userCleanRules: CleanRule[] = [];
  private readonly state = new LibraryState({
    upserted: (article) => {
      this.articleList.noteUpserted(article);
      this.list.upserted(article);
    },
    removed: (article) => {
      this.articleList.noteRemoved(article.id);
      this.list.removed(article.id);
    },
  });
  private readonly problems = new LibraryProblems(this.state, (event) => this.emit(event));
  private readonly database: LibraryDatabase;
  private readonly articleList: LibraryArticles;
  private readonly folders: LibraryFolders;
  private readonly scans: LibraryScans;
  private readonly watching: LibraryWatching;
  private readonly stars: LibraryStars;
  private readonly reads: LibraryReadMarks;
  private readonly list: LibraryList;
  private pictures: LibraryPictures | null = null;
  private readonly exports = new ExportJobs();
  private readonly requests: EngineRequests;
  /**
   * Settles once the folders are watched and the scan has started (with `watch: false`, once the
   * scan has finished). open() resolves before this, as soon as the headlines are listed: the
   * database answers searches from then on.
   */
  private started: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: LibraryOptions,
    private readonly settings: SettingsStore,
    private readonly starStore: StarStore,
    private readonly readStore: ReadStore,
    session: SessionStore,
  ) {
    this.events.setMaxListeners(0);
    const emit = (event: LibraryEvent) => this.emit(event);
    const warn = (problem: Parameters<LibraryProblems['warn']>[0]) => this.problems.warn(problem);
    this.database = new LibraryDatabase({
      dataDir: options.dataDir,
      persistent: options.database !== 'memory',
      version: () => libraryVersionFor(this.settings.get(), this.userCleanRules),
      warn,
      // Replaced while in use (damaged): every file is read again into the new one.
      rebuilt: () => {
        if (!this.closed) void this.scans.start(this.folders.paths()).catch(() => undefined);
      },
    });
    this.articleList = new LibraryArticles(this.state, this.database, emit, () => this.folders.changed());
    this.folders = new LibraryFolders({
      articles: this.articleList,
      persist: options.persistRoots !== false,
      saveAdded: async (paths) => void (await this.settings.addRoots(paths)),
      saveRemoved: async (path) => void (await this.settings.removeRoot(path)),
      emit,
      added: async (paths) => {
        for (const root of paths) await this.watching.addRoot(root);
        void this.scans.start(paths);
      },
      removing: async (path) => {
        this.scans.abort(path);
        await this.watching.removeRoot(path);
      },
      removed: () => this.listChanged(),
    });
    this.scans = new LibraryScans({
      state: this.state,
      articles: this.articleList,
      isUnchanged: this.database.isUnchanged,
      storedProblems: (root) => this.database.storedProblems(root),
      recordedPaths: (root) => this.database.pathsWithin(root),
      isClosed: () => this.closed,
      parseOptions: () => this.parseOptions(),
      rootStatus: (root) => this.folders.status(root),
      markRoot: (root, status, message) => this.folders.mark(root, status, message),
      emit,
      scheduleProblems: () => this.problems.changed(),
      reconcileWithWatcher: (roots) => this.watching.reconcile(roots),
      scanFinished: () => this.listChanged(),
    });
    this.watching = new LibraryWatching({
      articles: this.articleList,
      parseOptions: () => this.parseOptions(),
      isClosed: () => this.closed,
      folders: this.folders,
      problems: this.problems,
      rescan: async (root) => {
        this.folders.mark(root, 'scanning');
        await this.scans.start([root]);
      },
      emit,
      upserted: (articles) => this.pictures?.articlesChanged(articles),
      applied: () => this.followArticles(),
    });
    const lookup = () => this.articleList.lookup(this.scans.progress.done);
    const article = (id: string) => this.state.get(id);
    this.stars = new LibraryStars({
      store: starStore,
      lookup,
      article,
      openRoots: () => this.folders.paths(),
      knownRoots: () => this.settings.get().recentRoots,
      emit,
      onStarredIds: (ids) => this.pictures?.starredChanged(ids),
      changed: () => this.list.starsChanged(),
    });
    this.reads = new LibraryReadMarks({
      store: readStore,
      lookup,
      article,
      emit,
      changed: (ids) => this.list.readChanged(ids),
    });
    this.list = new LibraryList({
      listed: () => this.articleList.listed(),
      folders: () => this.articleList.folders(),
      folderOf: (summary) => this.articleList.folderOf(summary),
      starred: () => this.stars.starred,
      presentOf: (star) => {
        const summary = this.state.get(star.id) ?? this.state.byContentHash(star.contentHash);
        return summary && this.articleList.listedOf(summary);
      },
      isListed: (id) => this.state.get(id) !== undefined,
      isRead: (id) => readStore.isRead(id),
      progress: (id) => readStore.get(id)?.progress ?? 0,
      setRead: (ids, read) => this.reads.setRead(ids, read),
      emit,
    });
    this.requests = engineRequests({
      afterStart: () => this.started.catch(() => undefined),
      snapshot: () => this.snapshot(),
      getArticle: (id, options) => this.articleList.read(id, this.parseOptions(), options),
      search: (query) => this.search(query),
      openFile: (path) => openArticleFile(path, this.parseOptions()),
      updateSettings: (patch) => this.updateSettings(patch),
      exportArticles: (request) => this.exportArticles(request),
      imageCacheInfo: () => this.imageCacheInfo(),
      pictures: () => this.pictures,
      state: this.state,
      stars: this.stars,
      reads: this.reads,
      list: this.list,
      folders: this.folders,
      settings,
      session,
      exports: this.exports,
    });
  }

  /**
   * `listener` hears every event from the very start, before open() resolves: a warm start lists
   * the database's headlines during open() (what the window's first paint waits for, and what the
   * library bench times).
   */
  static async open(options: LibraryOptions, listener?: Listener): Promise<Library> {
    const settings = await SettingsStore.open(options.dataDir);
    const stars = await StarStore.open(options.dataDir);
    const reads = await ReadStore.open(options.dataDir);
    const session = await SessionStore.open(options.dataDir);
    const library = new Library(options, settings, stars, reads, session);
    library.pictures = await library.openPictures();
    if (listener) library.onEvent(listener);
    await library.start();
    return library;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  private async start(): Promise<void> {
    const userRules = await loadUserCleanRules(this.options.dataDir);
    this.userCleanRules = userRules.rules;
    this.problems.addQuietly(userRules.problems);
    const { settings } = this;
    this.problems.addQuietly(
      [...settings.warnings, ...this.starStore.warnings, ...this.readStore.warnings].map(userDataProblem),
    );
    const roots = await rootsToOpen(this.options, settings);
    this.folders.reset(roots);
    this.scans.reset(roots.length);

    // Headlines first: the database holds what the last session (or an interrupted scan) wrote,
    // listed at once; searches are answered from it at once too. The scan then checks for changes.
    this.database.open();
    if (this.database.persistent) void removeOldWarmStartCache(this.options.dataDir);
    const headlines = this.database.headlines(roots);
    if (headlines.length > 0) {
      for (const summary of headlines) this.state.upsert(summary);
      this.articleList.emitListed();
    }
    for (const root of roots) {
      for (const [path, problems] of this.database.storedProblems(root))
        this.state.setProblems(path, problems);
    }
    this.problems.changed();
    await this.followArticles();
    this.started = this.finishStart(roots);
    if (this.options.watch === false) await this.started;
    else
      this.started.catch((error: Error) =>
        this.problems.warn(
          libraryWarning('library', `The library could not finish opening: ${error.message}`, '', 'error'),
        ),
      );
  }

  private async finishStart(roots: string[]): Promise<void> {
    if (this.closed) return;
    if (this.options.watch === false) {
      await this.scans.start(roots);
      return;
    }
    // The scan starts as soon as the roots are subscribed, beside the watcher's baseline walk
    // (which stats every file: ~1.7 s at 100k, the first headlines' whole delay on a cold start).
    // A file changed between the two walks is in the baseline and would never be reported; the
    // scan compares both views once they are done (reconcileStartup).
    let subscribed = () => {};
    const whenSubscribed = new Promise<void>((resolve) => {
      subscribed = resolve;
    });
    const watching = this.watching.start(roots, subscribed);
    await Promise.race([whenSubscribed, watching]);
    if (this.closed) return;
    this.scans.start(roots, watching).catch(() => undefined); // reported on the root by the scan
    await watching;
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
    await this.watching.close();
    this.problems.close();
    this.list.close();
    await this.pictures?.close();
    this.database.close();
    this.events.removeAllListeners();
  }

  onEvent(listener: Listener): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  private emit(event: LibraryEvent): void {
    if (!this.closed) this.events.emit('event', event);
  }

  private parseOptions(): ParseOptions {
    return parseOptionsFor(this.settings.get(), this.userCleanRules);
  }

  /** A scan finished or a folder went: the problems, read marks, stars and the prefetch look at the list again. */
  private async listChanged(): Promise<void> {
    this.problems.changed();
    await this.followArticles();
    this.pictures?.refresh();
  }

  /** Read marks, then stars, follow moved and edited articles (after every scan and watcher batch). */
  private async followArticles(): Promise<void> {
    await this.reads.resolve();
    await this.stars.resolve();
  }

  // ---- requests ----------------------------------------------------------------------------

  /** The one way in for requests (the window's, through main or the bridge, and the CLI's). */
  call<M extends EngineMethod>(method: M, ...args: RequestArgs<M>): Promise<RequestResult<M>> {
    if (!Object.hasOwn(this.requests, method)) {
      return Promise.reject(new Error(`Unknown request "${String(method).slice(0, 40)}"`));
    }
    const handler = this.requests[method] as (...a: RequestArgs<M>) => Promise<RequestResult<M>>;
    return handler(...args);
  }

  private snapshot(): LibrarySnapshot {
    return {
      roots: this.folders.infos(),
      progress: this.scans.progress,
      articles: this.articleList.listed(),
      folders: this.articleList.folders(),
      problems: this.problems.all(),
      starred: this.stars.starred,
      readMarks: this.reads.snapshot(),
    };
  }

  /** The window's search: the database's, with the list's own filters (windowSearch). */
  private async search(query: SearchQuery): Promise<SearchResult> {
    return searchForWindow(query, {
      search: (q, keep) => this.database.search(q, keep, this.folders.paths()),
      summary: (id) => this.state.get(id),
      listedOf: (summary) => this.articleList.listedOf(summary),
      folders: () => this.articleList.folders(),
      isRead: (id) => this.reads.isRead(id),
      isStarred: (id) => this.stars.has(id),
    });
  }

  private async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const before = this.settings.get();
    const after = await this.settings.update(patch);
    this.emit({ type: 'settings', settings: after });
    await this.pictures?.settingsChanged(before, after);
    if (changeNeedsReparse(before, patch)) {
      // Articles read under other settings are not kept: the database starts over and every file is
      // read again (the list keeps showing the old ones until each is replaced).
      this.database.settingsChanged();
      void this.scans.start(this.folders.paths());
    }
    return after;
  }

  /** Exports articles (see export/exportJob); `fetchImages` only from the CLI's --fetch-images. */
  async exportArticles(request: ExportRequest, options: ExportJobOptions = {}): Promise<ExportSummary> {
    const source = libraryExport({
      dataDir: this.options.dataDir,
      get: (id) => this.state.get(id),
      list: () => this.state.list(),
      isStarred: (id) => this.stars.has(id),
      isRead: (id) => this.reads.isRead(id),
      search: (query) => this.search(query),
      parseOptions: () => this.parseOptions(),
      images: () => this.pictures?.images ?? null,
      emit: (event) => this.emit(event),
    });
    return this.exports.run(request, source, options);
  }

  // ---- pictures ----------------------------------------------------------------------------

  private openPictures(): Promise<LibraryPictures> {
    return LibraryPictures.open({
      dataDir: this.options.dataDir,
      prefetch: this.options.watch !== false,
      settings: () => this.settings.get(),
      isStarred: (id) => this.stars.has(id),
      locate: (id) => this.state.get(id),
      articles: () => this.state.list(),
      roots: () => this.folders.paths(),
      loadArticle: (id) => this.articleList.read(id, this.parseOptions()),
      whenStarted: () => this.started,
      emit: (event) => this.emit(event),
      warn: (message) => this.problems.warn(libraryWarning('image-cache', message)),
    });
  }

  /** Answers the window's picture route (the app protocol or the bridge). */
  serveImage(request: ImageRequest, why: boolean): Promise<ImageHttpResponse> {
    return this.pictures ? this.pictures.serve(request, why) : picturesNotReady();
  }

  imageCacheInfo(): ImageCacheInfo {
    return this.pictures?.cacheInfo() ?? noPictures(this.settings.get().imageCacheMB);
  }

  /** Resolves once the library prefetch is not running (tests, bench). */
  whenLibraryPrefetchSettled(): Promise<void> {
    return this.pictures?.settled() ?? Promise.resolve();
  }

  /** Resolves once the starred articles' pictures queued so far were tried (tests, bench). */
  async whenImagesPrefetched(): Promise<void> {
    await this.pictures?.starredIdle();
  }

  // ---- for the CLI, the bench and tests ----------------------------------------------------

  /** What the scans did: files parsed, and files taken unchanged from the cache. */
  get scanStats(): { parsed: number; unchanged: number } {
    return this.scans.stats;
  }

  databaseStats() {
    return this.database.stats();
  }

  articles(): ArticleSummary[] {
    return this.state.list();
  }

  findArticle(id: string): ArticleSummary | undefined {
    return this.state.get(id);
  }

  isRead(id: string): boolean {
    return this.reads.isRead(id);
  }

  /** Ids of read articles (the CLI's list, counts). */
  readIds(): Set<string> {
    return this.reads.readIds();
  }
}
