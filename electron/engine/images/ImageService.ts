// The engine's pictures: remote images fetched once into the cache and served from it; local
// images read from inside the library. The page never fetches a picture itself: the app protocol
// (Electron) and the bridge (browser) ask this service, and get bytes with a sniffed type or the
// reason there are none.

import { realpath } from 'node:fs/promises';
import type { ImageRequest } from '../../../shared/imageRoutes';
import { mapLimit } from '../common/mapLimit';
import { isInsideFolder } from '../common/pathContainment';
import { ByteRate } from './byteRate';
import { remoteImageKey } from './cacheIndex';
import { FetchQueue, QueueFullError } from './FetchQueue';
import { type FetchImageOptions, type FetchImageResult, fetchImage } from './fetchImage';
import { ImageCache, type ImageCacheStats } from './ImageCache';
import type { ImageFailure } from './imageFailure';
import {
  IMAGE_FETCH_PARALLELISM,
  MAX_IMAGE_URL_CHARS,
  MAX_IMAGES_PER_ARTICLE,
  MAX_QUEUED_FETCHES,
} from './imageLimits';
import { failureHttpResponse, type ImageHttpResponse, imageHttpResponse } from './imageResponse';
import { localImageCandidates } from './localImagePath';
import { type ImageAnswer, readLocalPicture } from './readLocalPicture';

/** Where an article lives, for its local images. */
export interface ArticleLocation {
  path: string;
  root: string;
}

export interface ImageServiceOptions {
  dataDir: string;
  capBytes?: number;
  /** Is this article starred? (Its pictures are never evicted.) */
  isStarred(articleId: string): boolean;
  /** The file and root of a library article, or undefined when it is not in the library. */
  locate(articleId: string): ArticleLocation | undefined;
  /** Current library roots (as given; their real paths are resolved here). */
  roots(): readonly string[];
  allowLoopback?: boolean;
  parallelism?: number;
  maxQueued?: number;
  maxImagesPerArticle?: number;
  /** The fetcher (tests count and stall it); fetchImage by default. */
  fetch?: (url: string, options: FetchImageOptions) => Promise<FetchImageResult>;
  warn?: (message: string) => void;
  now?: () => number;
}

/** A failed fetch is tried again on a later view, but not more often than this. */
const RETRY_AFTER_MS = 30_000;
/** Articles whose fetched-address sets are remembered (for the per-article bound). */
const TRACKED_ARTICLES = 2_000;
/** Failures remembered (for the reason line and the retry delay). */
const REMEMBERED_FAILURES = 10_000;

export interface PrefetchOutcome {
  cached: number;
  fetched: number;
  failed: number;
  /** Of the failures, those a later try may fix (offline, or refused by a full queue). */
  retryable: number;
  /** Bytes fetched. */
  bytes: number;
}

export interface PrefetchOptions {
  /** Stops starting new fetches (a pause); those running finish. */
  signal?: AbortSignal;
}

/** Failures a later try may fix: the network, not the picture. */
const RETRYABLE: ReadonlySet<string> = new Set(['offline']);

export class ImageService {
  private readonly queue: FetchQueue;
  private readonly inFlight = new Map<string, Promise<ImageAnswer>>();
  private readonly perArticle = new Map<string, Set<string>>();
  private readonly failures = new Map<string, { failure: ImageFailure; at: number }>();
  /** Failures that are not retried later but still explain a broken picture (a full queue). */
  private readonly lastRefusals = new Map<string, ImageFailure>();
  private readonly fetcher: NonNullable<ImageServiceOptions['fetch']>;
  /** The bandwidth limit of background fetches (the setting prefetchKBps); reading is never limited. */
  private readonly backgroundRate = new ByteRate(0);
  private readonly now: () => number;
  private closed = false;

  private constructor(
    readonly cache: ImageCache,
    private readonly options: ImageServiceOptions,
  ) {
    this.queue = new FetchQueue(
      options.parallelism ?? IMAGE_FETCH_PARALLELISM,
      options.maxQueued ?? MAX_QUEUED_FETCHES,
    );
    this.fetcher = options.fetch ?? fetchImage;
    this.now = options.now ?? Date.now;
  }

  static async open(options: ImageServiceOptions): Promise<ImageService> {
    const cache = await ImageCache.open(options.dataDir, {
      capBytes: options.capBytes,
      isPinned: options.isStarred,
      warn: options.warn,
      now: options.now,
    });
    return new ImageService(cache, options);
  }

  /** A remote picture: from the cache, else fetched (once, however many ask at the same time). */
  async remote(url: string, articleId: string, background = false): Promise<ImageAnswer> {
    if (url.length > MAX_IMAGE_URL_CHARS) {
      return {
        ok: false,
        reason: 'blocked',
        detail: `The image address is over ${MAX_IMAGE_URL_CHARS} characters.`,
      };
    }
    const key = remoteImageKey(url);
    const cached = await this.cache.read(key, articleId);
    if (cached) return { ok: true, ...cached };
    const running = this.inFlight.get(key);
    if (running) return running;
    const failed = this.failures.get(key);
    if (failed && this.now() - failed.at < RETRY_AFTER_MS) return { ok: false, ...failed.failure };
    if (!this.admit(articleId, key)) return { ok: false, ...this.overCapFailure() };
    const work = this.fetchInto(key, url, articleId, background);
    this.inFlight.set(key, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** The last failure of a remote picture, for the reading pane's reason line. */
  failureOf(url: string): ImageFailure | null {
    return this.failures.get(remoteImageKey(url))?.failure ?? null;
  }

  /**
   * Fetches an article's pictures into the cache in the background (starred articles, the library
   * prefetch): behind whatever the reader is looking at, at most the queue's background slots at once.
   */
  async prefetch(
    articleId: string,
    urls: readonly string[],
    options: PrefetchOptions = {},
  ): Promise<PrefetchOutcome> {
    const outcome: PrefetchOutcome = { cached: 0, fetched: 0, failed: 0, retryable: 0, bytes: 0 };
    const distinct = [...new Set(urls)].slice(0, this.maxPerArticle);
    const slots = Math.max(1, (this.options.parallelism ?? IMAGE_FETCH_PARALLELISM) - 1);
    await mapLimit(distinct, slots, async (url) => {
      if (options.signal?.aborted || this.closed) return;
      const key = remoteImageKey(url);
      if (this.cache.has(key)) {
        this.cache.noteArticle(key, articleId);
        outcome.cached++;
        return;
      }
      const answer = await this.remote(url, articleId, true);
      if (answer.ok) {
        outcome.fetched++;
        outcome.bytes += answer.bytes.length;
      } else {
        outcome.failed++;
        if (RETRYABLE.has(answer.reason) || this.lastRefusals.has(key)) outcome.retryable++;
      }
    });
    return outcome;
  }

  /** Bandwidth for background fetches in bytes per second; 0 lifts the limit. */
  setBackgroundRate(bytesPerSecond: number): void {
    this.backgroundRate.set(bytesPerSecond);
  }

  /** Is the reader waiting for a picture right now? (The library prefetch holds back.) */
  get readingBusy(): boolean {
    return this.queue.foregroundBusy;
  }

  private get maxPerArticle(): number {
    return this.options.maxImagesPerArticle ?? MAX_IMAGES_PER_ARTICLE;
  }

  /** May one more distinct address of this article be fetched? */
  private admit(articleId: string, key: string): boolean {
    let set = this.perArticle.get(articleId);
    if (!set) {
      set = new Set();
      this.perArticle.set(articleId, set);
      if (this.perArticle.size > TRACKED_ARTICLES) {
        this.perArticle.delete(this.perArticle.keys().next().value as string);
      }
    }
    if (set.has(key)) return true;
    if (set.size >= this.maxPerArticle) return false;
    set.add(key);
    return true;
  }

  private async fetchInto(
    key: string,
    url: string,
    articleId: string,
    background: boolean,
  ): Promise<ImageAnswer> {
    let result: FetchImageResult;
    try {
      const fetchOnce = async (): Promise<FetchImageResult> => {
        if (this.closed) return { ok: false, reason: 'offline', detail: 'Broadsheet is closing.' };
        const fetched = await this.fetcher(url, { allowLoopback: this.options.allowLoopback ?? false });
        // A background fetch keeps its slot until its bytes fit the bandwidth limit.
        if (background && fetched.ok) await this.backgroundRate.pay(fetched.bytes.length);
        return fetched;
      };
      result = await this.queue.run(fetchOnce, { background });
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error;
      // Not remembered as a failure: it is tried again on the next view (but explained until then).
      const refusal: ImageFailure = { reason: 'blocked', detail: error.message };
      remember(this.lastRefusals, key, refusal);
      return { ok: false, ...refusal };
    }
    if (!result.ok) {
      this.remember(key, { reason: result.reason, detail: result.detail });
      return result;
    }
    this.failures.delete(key);
    this.lastRefusals.delete(key);
    try {
      await this.cache.put(key, result.bytes, result.type, articleId);
    } catch (error) {
      this.options.warn?.(`A picture could not be saved in the image cache: ${(error as Error).message}`);
    }
    return { ok: true, bytes: result.bytes, type: result.type };
  }

  private remember(key: string, failure: ImageFailure): void {
    remember(this.failures, key, { failure, at: this.now() });
    this.lastRefusals.delete(key);
  }

  private overCapFailure(): ImageFailure {
    return {
      reason: 'blocked',
      detail: `This article refers to more than ${this.maxPerArticle} pictures; the rest are not fetched.`,
    };
  }

  /** Was this address refused because its article already has its fill of pictures? */
  private pastArticleCap(articleId: string, key: string): boolean {
    const set = this.perArticle.get(articleId);
    return set !== undefined && !set.has(key) && set.size >= this.maxPerArticle;
  }

  /**
   * A picture stored with the articles: `src` relative to the article file, or a site-root path.
   * Only a file whose real path (links followed) is inside a library root, and only a picture.
   */
  async local(articleId: string, src: string): Promise<ImageAnswer> {
    const where = this.options.locate(articleId);
    if (!where) {
      return {
        ok: false,
        reason: 'blocked',
        detail: 'Local pictures are shown only for articles in the library.',
      };
    }
    const candidates = localImageCandidates(where.path, where.root, src);
    if (candidates.length === 0) {
      return { ok: false, reason: 'blocked', detail: 'The picture is outside the library folders.' };
    }
    const realRoots = (
      await Promise.all(this.options.roots().map((root) => realpath(root).catch(() => null)))
    ).filter((r): r is string => r !== null);
    let outside = false;
    for (const candidate of candidates) {
      let real: string;
      try {
        real = await realpath(candidate);
      } catch {
        continue; // not there: try the next candidate
      }
      const root = realRoots.find((r) => isInsideFolder(real, r));
      if (root === undefined) {
        outside = true;
        continue;
      }
      return readLocalPicture(real, root);
    }
    if (outside) {
      return {
        ok: false,
        reason: 'blocked',
        detail: 'The picture is a link to a file outside the library folders.',
      };
    }
    return { ok: false, reason: 'not-found', detail: `No file ${src.slice(0, 200)} beside the article.` };
  }

  stats(): ImageCacheStats {
    return this.cache.stats();
  }

  /** Answers a page's image route: the picture, or why there is none. */
  async serve(request: ImageRequest, why: boolean): Promise<ImageHttpResponse> {
    if (why) return failureHttpResponse(await this.explain(request));
    const answer =
      request.kind === 'remote'
        ? await this.remote(request.url, request.articleId)
        : await this.local(request.articleId, request.src);
    return imageHttpResponse(answer);
  }

  /** Why a picture the page could not show failed, without fetching it again. */
  async explain(request: ImageRequest): Promise<ImageFailure> {
    if (request.kind === 'remote') {
      const known = this.failureOf(request.url);
      if (known) return known;
      const key = remoteImageKey(request.url);
      if (this.pastArticleCap(request.articleId, key)) return this.overCapFailure();
      const refused = this.lastRefusals.get(key);
      if (refused) return refused;
      if (this.cache.has(key)) {
        return { reason: 'not-image', detail: 'The picture is stored but could not be decoded.' };
      }
      return { reason: 'offline', detail: 'The picture could not be loaded.' };
    }
    const answer = await this.local(request.articleId, request.src);
    if (!answer.ok) return { reason: answer.reason, detail: answer.detail };
    return { reason: 'not-image', detail: 'The picture file could not be decoded.' };
  }

  async clear(): Promise<void> {
    this.failures.clear();
    this.lastRefusals.clear();
    await this.cache.clear();
  }

  setCap(capBytes: number): Promise<void> {
    return this.cache.setCap(capBytes);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight.values()]);
    await this.cache.flush();
  }
}

/** Sets a bounded map's entry as its newest, dropping the oldest past REMEMBERED_FAILURES. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED_FAILURES) map.delete(map.keys().next().value as string);
}
