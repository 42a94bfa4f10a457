// The library's pictures: the image service that answers the window's picture route, the starred
// articles' pictures kept ahead of reading, and the whole library's (or chosen folders') prefetch
// under the prefetch settings. See electron/engine/images.

import type { LibraryEvent } from '../../../shared/contract';
import type { ImageRequest } from '../../../shared/imageRoutes';
import type {
  Article,
  ArticleSummary,
  ImageCacheInfo,
  PrefetchStatus,
  Settings,
} from '../../../shared/types';
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

export interface PicturesDeps {
  dataDir: string;
  /** Prefetch ahead of reading (the app); the CLI's one-shot commands only serve and export. */
  prefetch: boolean;
  settings(): Settings;
  isStarred(id: string): boolean;
  locate(id: string): ArticleSummary | undefined;
  /** Every listed article, newest first (the library prefetch's candidates). */
  articles(): ArticleSummary[];
  roots(): string[];
  loadArticle(id: string): Promise<Article | null>;
  /** Settles once the library has started: prefetching waits for it. */
  whenStarted(): Promise<void>;
  emit(event: LibraryEvent): void;
  warn(message: string): void;
}

/** The prefetch's status when it is not running (the CLI, or before the pictures are open). */
export const prefetchOff = (): PrefetchStatus => ({
  state: 'off',
  articlesTotal: 0,
  articlesDone: 0,
  picturesFetched: 0,
  picturesFailed: 0,
  bytesFetched: 0,
  bytesPerSecond: 0,
});

export class LibraryPictures {
  private starredPrefetch: StarredPrefetch | null = null;
  /** The whole library's or chosen folders' pictures, ahead of reading (the prefetch settings). */
  private libraryPrefetch: LibraryPrefetch | null = null;

  private constructor(
    private readonly deps: PicturesDeps,
    /** The article pictures the window shows. */
    readonly images: ImageService,
  ) {}

  static async open(deps: PicturesDeps): Promise<LibraryPictures> {
    const images = await ImageService.open({
      dataDir: deps.dataDir,
      capBytes: cacheCapBytes(deps.settings().imageCacheMB),
      isStarred: deps.isStarred,
      locate: deps.locate,
      roots: deps.roots,
      allowLoopback: loopbackAllowedByEnv(),
      warn: deps.warn,
    });
    const pictures = new LibraryPictures(deps, images);
    if (deps.prefetch) pictures.startPrefetch();
    return pictures;
  }

  private startPrefetch(): void {
    const { deps, images } = this;
    this.starredPrefetch = new StarredPrefetch({
      loadArticle: deps.loadArticle,
      prefetch: (id, urls) => images.prefetch(id, urls),
      whenReady: deps.whenStarted,
      warn: deps.warn,
    });
    this.libraryPrefetch = new LibraryPrefetch({
      candidates: () => prefetchCandidates(deps.articles(), deps.settings()),
      versionOf: (id) => deps.locate(id)?.mtimeMs,
      loadArticle: deps.loadArticle,
      prefetch: (id, urls, options) => images.prefetch(id, urls, options),
      cacheFull: () => prefetchCacheFull(images.stats()),
      readingBusy: () => images.readingBusy,
      whenReady: deps.whenStarted,
      onStatus: (status) => deps.emit({ type: 'prefetch', status }),
      store: prefetchDoneFile(deps.dataDir),
      warn: deps.warn,
    });
    this.applyPrefetchSettings();
  }

  private applyPrefetchSettings(): void {
    const settings = this.deps.settings();
    this.images.setBackgroundRate(settings.prefetchKBps * 1024);
    this.libraryPrefetch?.configure(prefetchEnabled(settings));
  }

  /** The settings changed: the cache's cap, the prefetch's scope and rate follow. */
  async settingsChanged(before: Settings, after: Settings): Promise<void> {
    if (after.imageCacheMB !== before.imageCacheMB) {
      await this.images.setCap(cacheCapBytes(after.imageCacheMB));
      this.libraryPrefetch?.wake();
    }
    if (prefetchSettingsChanged(before, after) || after.prefetchKBps !== before.prefetchKBps) {
      this.applyPrefetchSettings();
    }
  }

  /** The starred ids changed: their pictures are fetched ahead of reading. */
  starredChanged(ids: ReadonlySet<string>): void {
    this.starredPrefetch?.starredChanged(ids);
  }

  /** Articles were listed or changed by the watcher: those in the prefetch's scope are fetched. */
  articlesChanged(articles: readonly ArticleSummary[]): void {
    if (!this.libraryPrefetch) return;
    const settings = this.deps.settings();
    this.libraryPrefetch.added(articles.filter((a) => inPrefetchScope(a.path, settings)).map((a) => a.id));
  }

  /** The list changed as a whole (a scan, a removed folder): the prefetch looks at it again. */
  refresh(): void {
    this.libraryPrefetch?.refresh();
  }

  /** Resolves once the library prefetch is not running (tests, bench). */
  settled(): Promise<void> {
    return this.libraryPrefetch?.settled() ?? Promise.resolve();
  }

  /** Resolves once the starred articles' pictures queued so far were tried (tests, bench). */
  async starredIdle(): Promise<void> {
    await this.starredPrefetch?.idle();
  }

  prefetchStatus(): PrefetchStatus {
    return this.libraryPrefetch?.currentStatus() ?? prefetchOff();
  }

  setPrefetchPaused(paused: boolean): PrefetchStatus {
    this.libraryPrefetch?.setPaused(paused);
    return this.prefetchStatus();
  }

  serve(request: ImageRequest, why: boolean): Promise<ImageHttpResponse> {
    return this.images.serve(request, why);
  }

  cacheInfo(): ImageCacheInfo {
    const stats = this.images.stats();
    return {
      bytes: stats.bytes,
      images: stats.images,
      starredImages: stats.starredImages,
      capBytes: stats.capBytes,
      folder: this.images.cache.dir,
    };
  }

  async clearCache(): Promise<ImageCacheInfo> {
    await this.images.clear();
    this.libraryPrefetch?.forgetDone();
    return this.cacheInfo();
  }

  async close(): Promise<void> {
    this.starredPrefetch?.stop();
    await this.libraryPrefetch?.close();
    await this.images.close();
  }
}

/** The image cache as the window sees it before the pictures are open. */
export function noPictures(imageCacheMB: number): ImageCacheInfo {
  return { bytes: 0, images: 0, starredImages: 0, capBytes: cacheCapBytes(imageCacheMB), folder: '' };
}

/** The answer to a picture request before the pictures are open. */
export function picturesNotReady(): Promise<ImageHttpResponse> {
  return Promise.resolve(failureHttpResponse({ reason: 'offline', detail: 'Not ready.' }));
}
