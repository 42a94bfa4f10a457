// LibraryIndex on the in-memory SearchIndex, kept between sessions in the warm-start cache
// (warmStart.ts): saved at once after a scan, after watched changes only once the library has been
// quiet for a while, and at close.

import type { ArticleSummary, Problem, SearchQuery, SearchResult } from '../../../shared/types';
import { type IndexDoc, SearchIndex } from '../search/SearchIndex';
import type { CachedArticle } from '../store/cacheFormat';
import type { LibraryIndex } from './LibraryIndex';
import {
  type CachedHeadlines,
  loadCachedIndex,
  openCachedHeadlines,
  saveWarmStart,
  summaryOfCached,
} from './warmStart';

/**
 * A stale cache costs nothing but re-parsing the changed files at the next start, while a save at
 * 100,000 articles keeps this thread busy for ~2 s (serialising ~600 MB), which would stall
 * searches after every saved article.
 */
const SAVE_AFTER_CHANGES_MS = 2 * 60_000;

export interface WarmStartDeps {
  dataDir: string;
  /** Read and write the cache (false: the index starts empty and is never saved). */
  enabled: boolean;
  /** The cache version the current parse settings need (parseSettings.cacheVersionFor). */
  version(): string;
  /** What a save writes. */
  contents(): {
    roots: string[];
    articles: readonly ArticleSummary[];
    problemsOf(path: string): readonly Problem[] | undefined;
  };
  isClosed(): boolean;
  /** A save failed (the next start rescans). */
  warn(problem: Problem): void;
}

export class WarmStartIndex implements LibraryIndex {
  private index = new SearchIndex();
  private headlines: CachedHeadlines | null = null;
  private loaded: Promise<void> = Promise.resolve();
  private loadedNow: () => void = () => {};
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: WarmStartDeps) {}

  async openHeadlines(roots: readonly string[]): Promise<ArticleSummary[] | null> {
    this.loaded = new Promise<void>((resolve) => {
      this.loadedNow = resolve;
    });
    if (!this.deps.enabled) return null;
    this.headlines = await openCachedHeadlines(this.deps.dataDir, roots, this.deps.version());
    return this.headlines ? this.headlines.articles.map(summaryOfCached) : null;
  }

  async load(): Promise<Map<string, CachedArticle> | null> {
    try {
      const loaded = this.headlines ? await loadCachedIndex(this.headlines) : null;
      this.headlines = null;
      if (!loaded) return null;
      this.index = loaded.index;
      return loaded.byPath;
    } finally {
      this.loadedNow();
    }
  }

  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  add(doc: IndexDoc): void {
    this.index.add(doc);
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  search(query: SearchQuery, isStarred: (id: string) => boolean): SearchResult {
    return this.index.search(query, { isStarred });
  }

  stats() {
    return this.index.stats();
  }

  changed(delayMs = SAVE_AFTER_CHANGES_MS): void {
    if (!this.deps.enabled || this.deps.isClosed()) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, delayMs);
  }

  async close(save: boolean): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (save) await this.save();
  }

  private async save(): Promise<void> {
    if (!this.deps.enabled) return;
    const { dataDir } = this.deps;
    try {
      const { roots, articles, problemsOf } = this.deps.contents();
      await saveWarmStart(dataDir, roots, articles, problemsOf, this.index, this.deps.version());
    } catch (error) {
      const detail = (error as Error).message;
      this.deps.warn({
        path: dataDir,
        message: `The library cache could not be saved (${detail}); the next start will rescan.`,
        severity: 'warning',
        code: 'cache',
        params: { detail },
      });
    }
  }
}
