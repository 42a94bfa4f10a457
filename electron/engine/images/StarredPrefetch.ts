// Keeps starred articles readable offline: each newly starred article's pictures are fetched into
// the cache in the background, one article at a time, behind whatever the reader is looking at.

import type { Article } from '../../../shared/types';
import { articleImageUrls } from './articleImageUrls';
import type { PrefetchOutcome } from './ImageService';

interface StarredPrefetchDeps {
  loadArticle(id: string): Promise<Article | null>;
  prefetch(articleId: string, urls: readonly string[]): Promise<PrefetchOutcome>;
  /** Prefetching waits for this (the library's start), so it never slows the first headlines. */
  whenReady?: () => Promise<unknown>;
  warn?: (message: string) => void;
}

export class StarredPrefetch {
  private readonly done = new Set<string>();
  private readonly pending: string[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  readonly totals: Pick<PrefetchOutcome, 'cached' | 'fetched' | 'failed'> = {
    cached: 0,
    fetched: 0,
    failed: 0,
  };

  constructor(private readonly deps: StarredPrefetchDeps) {}

  /** The current starred ids; those not yet prefetched in this session are queued. */
  starredChanged(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.done.has(id)) continue;
      this.done.add(id);
      this.pending.push(id);
    }
    if (!this.running && this.pending.length > 0 && !this.stopped) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
  }

  /** Settles once everything queued so far has been tried (tests, the bench). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
  }

  private async drain(): Promise<void> {
    await this.deps.whenReady?.().catch(() => undefined);
    while (this.pending.length > 0 && !this.stopped) {
      const id = this.pending.shift()!;
      try {
        const article = await this.deps.loadArticle(id);
        if (!article) continue;
        const outcome = await this.deps.prefetch(id, articleImageUrls(article));
        this.totals.cached += outcome.cached;
        this.totals.fetched += outcome.fetched;
        this.totals.failed += outcome.failed;
      } catch (error) {
        this.deps.warn?.(
          `Pictures of a starred article could not be prefetched: ${(error as Error).message}`,
        );
      }
    }
  }
}
