// The live library: scans the roots, follows them with the watcher, keeps the search index and
// the stars in step, and answers the window's requests. One instance serves the Electron app (in a
// worker thread), the dev-web bridge and the CLI.

import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, normalize, resolve, sep } from 'node:path';
import type {
  AddFoldersResult,
  EngineMethod,
  LibraryEvent,
  LibrarySnapshot,
  OpenFileResult,
  RequestArgs,
  RequestResult,
} from '../../../shared/contract';
import type {
  Article,
  ArticleSummary,
  ListedArticle,
  Problem,
  RootInfo,
  ScanProgress,
  SearchQuery,
  SearchResult,
  Settings,
  StarredEntry,
} from '../../../shared/types';
import { isArticleFileName } from '../parse/articleFiles';
import { articleIdForPath, toListed, toSummary } from '../parse/ids';
import type { ParseOptions } from '../parse/parseArticle';
import { readArticleFile } from '../parse/readArticleFile';
import { type ScannedArticle, scanLibrary } from '../scan/scanLibrary';
import { SearchIndex } from '../search/SearchIndex';
import type { CachedArticle } from '../store/cacheFormat';
import { LibraryCache, type OpenCache } from '../store/LibraryCache';
import { SettingsStore } from '../store/SettingsStore';
import { StarStore } from '../store/StarStore';
import { LibraryWatcher, type WatchChange } from '../watch/LibraryWatcher';
import type { EngineRequests, LibraryService, LibraryServiceOptions } from './LibraryService';
import { isInsideRoot, LibraryState } from './LibraryState';
import { reconcileStartup } from './reconcileStartup';

/** Bump when parsing changes what an article looks like: cached articles are then re-parsed. */
export const ENGINE_VERSION = 'engine-3';

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
  /** Receives events from the very start of open() (benchmarks time the warm start with it). */
  onEventForBench?: (event: LibraryEvent) => void;
}

type Listener = (event: LibraryEvent) => void;

const SAVE_AFTER_CHANGES_MS = 2 * 60_000;

export class Library implements LibraryService {
  private readonly state = new LibraryState();
  private index = new SearchIndex();
  private readonly events = new EventEmitter();
  private roots: RootInfo[] = [];
  private progress: ScanProgress = { found: 0, parsed: 0, done: true };
  private starred: StarredEntry[] = [];
  private starredIds = new Set<string>();
  private watcher: LibraryWatcher | null = null;
  private readonly scans = new Map<string, AbortController>();
  private saveTimer: NodeJS.Timeout | null = null;
  private problemsTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly storeWarnings: Problem[] = [];
  /** What the last scans did: files parsed, and files taken unchanged from the cache. */
  readonly scanStats = { parsed: 0, unchanged: 0 };
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
  ) {
    this.events.setMaxListeners(0);
    if (options.onEventForBench) this.events.on('event', options.onEventForBench);
  }

  static async open(options: LibraryOptions): Promise<Library> {
    const settings = await SettingsStore.open(options.dataDir);
    const stars = await StarStore.open(options.dataDir);
    const library = new Library(options, settings, stars);
    await library.start();
    return library;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  private async start(): Promise<void> {
    for (const warning of [...this.settings.warnings, ...this.stars.warnings]) {
      this.storeWarnings.push({
        path: warning.path,
        message: warning.message,
        severity: 'warning',
        code: 'user-data',
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
    this.progress = { found: 0, parsed: 0, done: roots.length === 0 };

    // Headlines first: the cached summaries are a fraction of the cache and are listed at once;
    // the search index (most of the cache) is loaded after open() has returned.
    const cache = this.options.cache === false ? null : await this.loadCachedSummaries(roots);
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
        }),
      );
  }

  private async finishStart(
    roots: string[],
    cache: { file: OpenCache; articles: CachedArticle[] } | null,
    indexDone: () => void,
  ): Promise<void> {
    let cached: Map<string, CachedArticle> | null = null;
    try {
      if (cache) cached = await this.loadCachedIndex(cache.file, cache.articles);
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
        this.addStoreWarning({ path: w.root, message: w.message, severity: 'warning', code: 'watch' }),
      );
      this.watcher.on('error', (error: Error) =>
        this.addStoreWarning({
          path: '',
          message: String(error.message),
          severity: 'warning',
          code: 'watch',
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
    while (this.pendingScans.size > 0) await Promise.all([...this.pendingScans]);
  }

  private readonly pendingScans = new Set<Promise<void>>();

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.started.catch(() => undefined);
    for (const controller of this.scans.values()) controller.abort();
    await Promise.allSettled([...this.pendingScans]);
    await this.watcher?.close();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.problemsTimer) clearTimeout(this.problemsTimer);
    if (this.options.cache !== false && this.progress.done) await this.saveCache();
    this.events.removeAllListeners();
  }

  onEvent(listener: Listener): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  private emit(event: LibraryEvent): void {
    if (!this.closed) this.events.emit('event', event);
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
    getArticle: (id) => this.getArticle(id),
    search: async (query) => {
      await this.indexLoaded;
      return this.search(query);
    },
    setStarred: (id, starred) => this.setStarred(id, starred),
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
  };

  private snapshot(): LibrarySnapshot {
    return {
      roots: this.rootInfos(),
      progress: this.progress,
      articles: this.listed(),
      problems: this.allProblems(),
      starred: this.starred,
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

  private async getArticle(id: string): Promise<Article | null> {
    const summary = this.state.get(id);
    if (!summary) return null;
    const outcome = await readArticleFile(summary.path, summary.root, this.parseOptions());
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

  private async addFolders(paths: string[]): Promise<AddFoldersResult> {
    const result: AddFoldersResult = { added: [], rejected: [] };
    for (const raw of paths) {
      if (!isAbsolute(raw)) {
        result.rejected.push({ path: raw, reason: 'Not an absolute path to a folder.' });
        continue;
      }
      const trimmed = raw.length > 1 && raw.endsWith(sep) ? raw.slice(0, -1) : raw;
      if (normalize(trimmed) !== trimmed) {
        result.rejected.push({
          path: raw,
          reason: 'Not a plain path to a folder: it has "." or ".." parts.',
        });
        continue;
      }
      const path = resolve(raw);
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
      if (info instanceof Error) {
        result.rejected.push({ path, reason: describeFsError(info, 'folder') });
        continue;
      }
      if (!info.isDirectory()) {
        result.rejected.push({ path, reason: 'This is a file, not a folder. Drop a folder of articles.' });
        continue;
      }
      const container = this.roots.find((r) => isInsideRoot(path, r.path));
      if (container) {
        result.rejected.push({
          path,
          reason:
            container.path === path
              ? 'This folder is already in the library.'
              : `This folder is already in the library as part of ${container.path}.`,
        });
        continue;
      }
      // A new folder that contains existing roots replaces them, so no article is listed twice.
      for (const inner of this.roots.filter((r) => isInsideRoot(r.path, path))) {
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
    this.scans.get(path)?.abort();
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
  }

  private async openFile(path: string): Promise<OpenFileResult> {
    if (!isAbsolute(path)) return { ok: false, reason: 'Not an absolute path to a file.' };
    // `/lib/../etc/passwd.md` is a trick, not a typo: refused rather than normalized.
    if (normalize(path) !== path) {
      return { ok: false, reason: 'Not a plain path to a file: it has "." or ".." parts.' };
    }
    if (!isArticleFileName(basename(path))) {
      return {
        ok: false,
        reason: `${basename(path)} is not an article file (.md, .markdown, .txt, .html, .htm).`,
      };
    }
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) return { ok: false, reason: describeFsError(info, 'file') };
    if (!info.isFile()) return { ok: false, reason: 'This is not a regular file.' };
    const outcome = await readArticleFile(path, dirname(path), this.parseOptions());
    if (!outcome.article) {
      return { ok: false, reason: outcome.problems[0]?.message ?? 'The file could not be read.' };
    }
    return { ok: true, article: outcome.article };
  }

  private async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const before = this.settings.get();
    const after = await this.settings.update(patch);
    this.emit({ type: 'settings', settings: after });
    if (patch.dateTimeZone !== undefined && patch.dateTimeZone !== before.dateTimeZone) {
      // Zone-less dates change meaning: every file is parsed again.
      void this.scanRoots(
        this.roots.map((r) => r.path),
        null,
      );
    }
    return after;
  }

  // ---- scanning ----------------------------------------------------------------------------

  private parseOptions(): ParseOptions {
    const zone = this.settings.get().dateTimeZone;
    return zone ? { timeZone: zone } : {};
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
    const run = this.runScan(roots, cached, baselineTaken).finally(() => this.pendingScans.delete(run));
    this.pendingScans.add(run);
    return run;
  }

  /** `baselineTaken`: the scan ran beside the watcher's baseline walk; reconcile once both end. */
  private async runScan(
    roots: string[],
    cached: Map<string, CachedArticle> | null,
    baselineTaken?: Promise<void>,
  ): Promise<void> {
    const controller = new AbortController();
    for (const root of roots) {
      this.scans.get(root)?.abort();
      this.scans.set(root, controller);
      this.markRoot(root, 'scanning');
      this.state.clearProblemsUnder(root);
    }
    const seen = new Set<string>();
    const base = {
      found: this.progress.done ? 0 : this.progress.found,
      parsed: this.progress.done ? 0 : this.progress.parsed,
    };
    try {
      for await (const batch of scanLibrary(roots, {
        includeText: true,
        parse: this.parseOptions(),
        signal: controller.signal,
        isUnchanged: cached
          ? (path, mtimeMs, size) => {
              const hit = cached.get(path);
              // A degraded article comes with its problems (the Library panel lists them); one
              // without (a cache from before they were kept) is parsed again to find them.
              if (hit === undefined || (hit.degraded && !hit.problems)) return false;
              return hit.mtimeMs === mtimeMs && hit.size === size;
            }
          : undefined,
      })) {
        if (controller.signal.aborted || this.closed) return;
        let restored = false;
        for (const path of batch.unchanged) {
          seen.add(path);
          const problems = cached?.get(path)?.problems;
          if (problems?.length) restored = this.state.setProblems(path, problems) || restored;
        }
        this.scanStats.unchanged += batch.unchanged.length;
        this.scanStats.parsed += batch.articles.length;
        const upserted: ArticleSummary[] = [];
        for (const scanned of batch.articles) {
          seen.add(scanned.path);
          upserted.push(this.upsert(scanned));
          this.state.setProblems(scanned.path, []);
        }
        for (const problem of batch.problems) {
          seen.add(problem.path);
          this.state.addProblem(problem);
        }
        // Problems of listed-but-degraded articles arrive with the batch too (same path).
        this.progress = {
          found: base.found + batch.progress.found,
          parsed: base.parsed + batch.progress.parsed,
          done: false,
        };
        if (upserted.length) this.emit({ type: 'articles-upserted', articles: upserted.map(toListed) });
        this.emit({ type: 'progress', progress: this.progress });
        if (batch.problems.length || restored) this.scheduleProblems();
      }
      // Files that were in the cache (or listed before) but are no longer on disk.
      const gone: string[] = [];
      for (const root of roots) {
        for (const id of this.state.idsUnder(root)) {
          const a = this.state.get(id);
          if (a && !seen.has(a.path)) gone.push(id);
        }
      }
      this.removeIds(gone);
      if (baselineTaken) {
        await baselineTaken;
        if (controller.signal.aborted || this.closed) return;
        await this.reconcileWithWatcher(roots);
      }
    } catch (error) {
      for (const root of roots) this.markRoot(root, 'error', (error as Error).message);
      throw error;
    } finally {
      for (const root of roots) if (this.scans.get(root) === controller) this.scans.delete(root);
    }
    if (controller.signal.aborted || this.closed) return;
    for (const root of roots) {
      const info = this.roots.find((r) => r.path === root);
      if (info && info.status === 'scanning') this.markRoot(root, 'ready');
    }
    if (this.scans.size === 0) {
      this.progress = { ...this.progress, done: true };
      this.emit({ type: 'progress', progress: this.progress });
    }
    this.scheduleProblems();
    await this.resolveStars();
    this.scheduleCacheSave(0);
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
    const resolved = await this.stars.resolve({
      byId: (id) => this.state.get(id),
      byContentHash: (hash) => this.state.allByContentHash(hash),
      complete: this.progress.done,
      byPath: (path) => {
        const id = this.idForPath(path);
        return id ? this.state.get(id) : undefined;
      },
    });
    const changed = force || JSON.stringify(resolved) !== JSON.stringify(this.starred);
    this.starred = resolved;
    this.starredIds = new Set(resolved.filter((s) => !s.missing).map((s) => s.id));
    if (changed) this.emit({ type: 'stars', starred: resolved });
  }

  // ---- cache -------------------------------------------------------------------------------

  /** Lists the cached articles; the open cache is kept for loadCachedIndex. Null: full scan. */
  private async loadCachedSummaries(
    roots: string[],
  ): Promise<{ file: OpenCache; articles: CachedArticle[] } | null> {
    const opened = await LibraryCache.open(this.options.dataDir, roots, ENGINE_VERSION).catch(() => null);
    if (!opened?.cache) return null;
    const file = opened.cache;
    try {
      // Without an index, every file would have to be parsed again anyway.
      if (!file.hasSearchIndex) throw new Error('no index');
      const articles = await file.summaries();
      for (const a of articles) {
        if (a.problems === undefined) this.state.upsert(a);
        else {
          const { problems: _, ...summary } = a;
          this.state.upsert(summary);
        }
      }
      this.emit({ type: 'articles-upserted', articles: this.listed() });
      return { file, articles };
    } catch {
      await file.close().catch(() => undefined);
      return null;
    }
  }

  /**
   * The cached index, if it matches the cached summaries: then files whose mtime and size are
   * unchanged are not parsed again. Null: every file is parsed (the listed summaries are replaced
   * as the scan goes), so a bad index can never hide an article.
   */
  private async loadCachedIndex(
    file: OpenCache,
    articles: CachedArticle[],
  ): Promise<Map<string, CachedArticle> | null> {
    let index: SearchIndex;
    try {
      const blob = await file.searchIndex();
      if (!blob) return null;
      index = SearchIndex.deserialize(blob);
    } catch {
      return null;
    } finally {
      await file.close().catch(() => undefined);
    }
    // The index and the summaries were saved together; if they disagree the cache is not used at
    // all (a full scan follows) rather than risk an article that is listed but not findable.
    if (index.size !== articles.length || !articles.every((a) => index.has(a.id))) return null;
    this.index = index;
    const byPath = new Map<string, CachedArticle>();
    for (const a of articles) byPath.set(a.path, a);
    return byPath;
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
      await LibraryCache.save(
        this.options.dataDir,
        this.roots.map((r) => r.path),
        ENGINE_VERSION,
        {
          articles: this.state.list().map((a) => {
            const problems = a.degraded ? this.state.problemsOf(a.path) : undefined;
            return problems ? { ...a, problems: [...problems] } : a;
          }),
          searchIndex: this.index.serialize(),
        },
      );
    } catch (error) {
      this.addStoreWarning({
        path: this.options.dataDir,
        message: `The library cache could not be saved (${(error as Error).message}); the next start will rescan.`,
        severity: 'warning',
        code: 'cache',
      });
    }
  }
}

export function describeFsError(error: NodeJS.ErrnoException, what: 'file' | 'folder'): string {
  switch (error.code) {
    case 'ENOENT':
      return `This ${what} does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `Permission denied: Broadsheet cannot read this ${what}. Check its permissions.`;
    case 'ENOTDIR':
      return 'A part of this path is not a folder.';
    default:
      return `This ${what} cannot be read (${error.code ?? error.message}).`;
  }
}
