// The library's search index and its warm start, behind one small interface so the store under
// them can change (today: the in-memory SearchIndex saved in the warm-start cache, WarmStartIndex).
// The Library lists the headlines, the index finds them; both are filled by the same scans.

import type { ArticleSummary, SearchQuery, SearchResult } from '../../../shared/types';
import type { IndexDoc, IndexStats } from '../search/SearchIndex';
import type { CachedArticle } from '../store/cacheFormat';

export interface LibraryIndex {
  /**
   * The articles of these roots as the last session left them, to list at once (null: none, or a
   * cache that cannot be trusted: the scan parses every file). The index itself loads in load().
   */
  openHeadlines(roots: readonly string[]): Promise<ArticleSummary[] | null>;
  /**
   * Loads what openHeadlines found into the index, after the headlines are on screen. Answers the
   * cached articles by path (a file with the same mtime and size is not parsed again), or null.
   */
  load(): Promise<Map<string, CachedArticle> | null>;
  /** Settles once the index holds every listed article (loaded, or empty on a cold start). */
  whenLoaded(): Promise<void>;
  add(doc: IndexDoc): void;
  remove(id: string): void;
  search(query: SearchQuery, isStarred: (id: string) => boolean): SearchResult;
  stats(): IndexStats;
  /**
   * The list changed: the warm start is saved after `delayMs` (0: at once, after a scan), unless a
   * later change moves it on.
   */
  changed(delayMs?: number): void;
  /** Stops the timers; `save`: the library is complete, so the warm start is saved first. */
  close(save: boolean): Promise<void>;
}
