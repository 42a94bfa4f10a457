// Saves the pictures of the whole library, or of chosen folders, ahead of reading (the settings
// prefetchScope / prefetchFolders / prefetchKBps). One article at a time, newest first; articles
// the watcher adds later go to the front. It holds back while the reader waits for a picture, and
// stops at the cache's cap rather than evict what was read to make room (so starred and recently
// read pictures are never pushed out by it). Pausing stops it between pictures; resuming goes on
// with the article it was on. Progress goes to `onStatus`, at most every STATUS_EVERY_MS.

import type { Article, PrefetchStatus } from '../../../shared/types';
import { articleImageUrls } from './articleImageUrls';
import type { PrefetchOptions, PrefetchOutcome } from './ImageService';
import type { PrefetchDoneStore } from './prefetchDoneFile';

export interface LibraryPrefetchDeps {
  /** The articles in scope now, newest first. */
  candidates(): readonly string[];
  /** The article's version (its file time); undefined when it left the library. */
  versionOf(id: string): number | undefined;
  loadArticle(id: string): Promise<Article | null>;
  prefetch(id: string, urls: readonly string[], options: PrefetchOptions): Promise<PrefetchOutcome>;
  /** Is the cache at its cap? */
  cacheFull(): boolean;
  /** Is the reader waiting for a picture? */
  readingBusy(): boolean;
  /** Nothing starts before this (the library's start), so it never slows the first headlines. */
  whenReady?(): Promise<unknown>;
  onStatus(status: PrefetchStatus): void;
  warn?(message: string): void;
  /** Where the saved-articles marks survive a restart. */
  store?: PrefetchDoneStore;
  now?(): number;
  sleep?(ms: number): Promise<void>;
}

/** The saved-articles marks are written this long after they change (and on close). */
const SAVE_DONE_AFTER_MS = 5_000;

/** Progress events at most this often while running. */
const STATUS_EVERY_MS = 500;
/** How long it holds back before looking again whether the reader still waits for a picture. */
const READING_BACKOFF_MS = 150;
/** The speed shown is over this window. */
const RATE_WINDOW_MS = 5_000;

export class LibraryPrefetch {
  private enabled = false;
  private paused = false;
  private stopped = false;
  private pending: string[] = [];
  private readonly pendingSet = new Set<string>();
  /** Articles whose pictures are all saved (or failed for good), by the version that was tried. */
  private readonly done = new Map<string, number>();
  /** Articles counted in `articlesTotal`. */
  private readonly counted = new Set<string>();
  private state: PrefetchStatus['state'] = 'off';
  private articlesDone = 0;
  private picturesFetched = 0;
  private picturesFailed = 0;
  private bytesFetched = 0;
  private readonly samples: { at: number; bytes: number }[] = [];
  private current: AbortController | null = null;
  private wakeUp: (() => void) | null = null;
  private settledWaiters: (() => void)[] = [];
  private lastStatusAt = Number.NEGATIVE_INFINITY;
  private loop: Promise<void> | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: LibraryPrefetchDeps) {
    this.now = deps.now ?? (() => performance.now());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Turns it on (the scope's articles are listed again) or off. */
  configure(enabled: boolean): void {
    if (enabled && !this.enabled) this.resetCounts();
    this.enabled = enabled;
    if (enabled) this.refresh();
    else {
      this.current?.abort();
      this.pending = [];
      this.pendingSet.clear();
      this.counted.clear();
      this.articlesDone = 0;
      this.wake();
    }
    this.loop ??= this.run();
  }

  /** Lists the scope's articles again (after a scan, a folder change, a cleared cache). */
  refresh(): void {
    if (!this.enabled) return;
    const ids = this.deps.candidates();
    this.pending = [];
    this.pendingSet.clear();
    this.counted.clear();
    this.articlesDone = 0;
    for (const id of ids) {
      this.counted.add(id);
      const version = this.deps.versionOf(id);
      if (version !== undefined && this.done.get(id) === version) this.articlesDone++;
      else {
        this.pending.push(id);
        this.pendingSet.add(id);
      }
    }
    this.report(true);
    this.wake();
  }

  /** Articles the watcher added or changed (already in scope): they go first. */
  added(ids: readonly string[]): void {
    if (!this.enabled) return;
    const fresh = ids.filter((id) => !this.pendingSet.has(id));
    for (const id of fresh) {
      this.pendingSet.add(id);
      if (!this.counted.has(id)) this.counted.add(id);
      else if (this.done.has(id)) this.articlesDone = Math.max(0, this.articlesDone - 1);
    }
    this.pending.unshift(...fresh);
    this.report(true);
    this.wake();
  }

  /** Forgets what was saved (the cache was cleared), and starts over. */
  forgetDone(): void {
    this.done.clear();
    this.scheduleSave();
    this.resetCounts();
    this.refresh();
  }

  /** The pictures and bytes shown count from when it was turned on, or the cache cleared. */
  private resetCounts(): void {
    this.picturesFetched = 0;
    this.picturesFailed = 0;
    this.bytesFetched = 0;
    this.samples.length = 0;
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused) this.current?.abort();
    if (paused && this.enabled) this.setState('paused');
    this.wake();
    this.report(true);
  }

  /** Something it waits for may have changed (the cache's cap). */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  stop(): void {
    this.stopped = true;
    this.current?.abort();
    this.wake();
  }

  /** Stops, and writes the saved-articles marks. */
  async close(): Promise<void> {
    this.stop();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      await this.save();
    }
    await this.saving;
  }

  private scheduleSave(): void {
    if (!this.deps.store || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, SAVE_DONE_AFTER_MS);
    this.saveTimer.unref();
  }

  private save(): Promise<void> {
    const store = this.deps.store;
    if (!store) return Promise.resolve();
    const snapshot = new Map(this.done);
    this.saving = this.saving
      .then(() => store.save(snapshot))
      .catch((error: Error) => this.deps.warn?.(error.message));
    return this.saving;
  }

  /** Resolves when it is not running (done, off, paused, or the cache is full): tests, the bench. */
  settled(): Promise<void> {
    if (this.loop === null || (this.wakeUp !== null && this.state !== 'running')) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  currentStatus(): PrefetchStatus {
    return {
      state: this.state,
      articlesTotal: this.counted.size,
      articlesDone: Math.min(this.articlesDone, this.counted.size),
      picturesFetched: this.picturesFetched,
      picturesFailed: this.picturesFailed,
      bytesFetched: this.bytesFetched,
      bytesPerSecond: this.rate(),
    };
  }

  private rate(): number {
    const now = this.now();
    while (this.samples.length > 0 && this.samples[0]!.at < now - RATE_WINDOW_MS) this.samples.shift();
    if (this.samples.length === 0 || this.state !== 'running') return 0;
    const bytes = this.samples.reduce((sum, s) => sum + s.bytes, 0);
    const span = Math.max(1000, now - this.samples[0]!.at);
    return Math.round((bytes / span) * 1000);
  }

  private report(force = false): void {
    const now = this.now();
    if (!force && now - this.lastStatusAt < STATUS_EVERY_MS) return;
    this.lastStatusAt = now;
    this.deps.onStatus(this.currentStatus());
  }

  private setState(state: PrefetchStatus['state']): void {
    if (this.state === state) return;
    this.state = state;
    this.report(true);
  }

  /** Waits for wake(); tells those waiting for it to settle. */
  private waitForChange(): Promise<void> {
    const waiting = new Promise<void>((resolve) => {
      this.wakeUp = resolve;
    });
    const settled = this.settledWaiters;
    this.settledWaiters = [];
    for (const resolve of settled) resolve();
    return waiting;
  }

  private async run(): Promise<void> {
    await this.deps.whenReady?.().catch(() => undefined);
    if (this.deps.store) {
      const saved = await this.deps.store.load();
      for (const [id, version] of saved) if (!this.done.has(id)) this.done.set(id, version);
      if (saved.size > 0) this.refresh();
    }
    while (!this.stopped) {
      if (!this.enabled) {
        this.setState('off');
        await this.waitForChange();
        continue;
      }
      if (this.paused) {
        this.setState('paused');
        await this.waitForChange();
        continue;
      }
      if (this.pending.length === 0) {
        this.setState('done');
        await this.waitForChange();
        continue;
      }
      if (this.deps.cacheFull()) {
        this.setState('cache-full');
        await this.waitForChange();
        continue;
      }
      if (this.deps.readingBusy()) {
        await this.sleep(READING_BACKOFF_MS);
        continue;
      }
      this.setState('running');
      await this.one(this.pending.shift()!);
      this.report();
    }
  }

  /** Saves one article's pictures; it goes back to the front of the line when a pause cut it short. */
  private async one(id: string): Promise<void> {
    const version = this.deps.versionOf(id);
    const finish = () => {
      this.pendingSet.delete(id);
      this.articlesDone++;
    };
    if (version === undefined || this.done.get(id) === version) {
      finish();
      return;
    }
    let article: Article | null;
    try {
      article = await this.deps.loadArticle(id);
    } catch (error) {
      this.deps.warn?.(`Pictures of an article could not be saved: ${(error as Error).message}`);
      article = null;
    }
    if (!article) {
      finish();
      return;
    }
    const controller = new AbortController();
    this.current = controller;
    let outcome: PrefetchOutcome;
    try {
      outcome = await this.deps.prefetch(id, articleImageUrls(article), { signal: controller.signal });
    } catch (error) {
      this.deps.warn?.(`Pictures of an article could not be saved: ${(error as Error).message}`);
      finish();
      return;
    } finally {
      this.current = null;
    }
    this.picturesFetched += outcome.fetched;
    this.picturesFailed += outcome.failed;
    this.bytesFetched += outcome.bytes;
    if (outcome.bytes > 0) this.samples.push({ at: this.now(), bytes: outcome.bytes });
    if (controller.signal.aborted) {
      this.pending.unshift(id); // paused: the same article again on resume
      return;
    }
    if (outcome.retryable === 0) {
      this.done.set(id, version);
      this.scheduleSave();
    }
    finish();
  }
}
