// The warm start: the library as it was at the last close (headlines, problems of degraded
// articles, the search index), read from the cache so a large archive is on screen and searchable
// long before a scan could parse it again. A damaged or mismatched cache is never trusted: the
// library then scans everything, so a bad cache can cost time but never hide an article.

import type { ArticleSummary, Problem } from '../../../shared/types';
import { SearchIndex } from '../search/SearchIndex';
import type { CachedArticle } from '../store/cacheFormat';
import { LibraryCache, type OpenCache } from '../store/LibraryCache';

/** Bump when parsing changes what an article looks like: cached articles are then re-parsed. */
export const ENGINE_VERSION = 'engine-12';

export interface CachedHeadlines {
  /** Still open: the index is read from it after the headlines are on screen. */
  file: OpenCache;
  articles: CachedArticle[];
}

/** The cached articles of these roots, or null (no cache, another version, no index: full scan). */
export async function openCachedHeadlines(
  dataDir: string,
  roots: readonly string[],
  version: string = ENGINE_VERSION,
): Promise<CachedHeadlines | null> {
  const opened = await LibraryCache.open(dataDir, [...roots], version).catch(() => null);
  if (!opened?.cache) return null;
  const file = opened.cache;
  try {
    // Without an index, every file would have to be parsed again anyway.
    if (!file.hasSearchIndex) throw new Error('no index');
    return { file, articles: await file.summaries() };
  } catch {
    await file.close().catch(() => undefined);
    return null;
  }
}

/** A cached article as the library lists it (its problems are kept apart). */
export function summaryOfCached(article: CachedArticle): ArticleSummary {
  if (article.problems === undefined) return article;
  const { problems: _, ...summary } = article;
  return summary;
}

export interface CachedIndex {
  index: SearchIndex;
  /** The cached articles by path: a file whose mtime and size match is not parsed again. */
  byPath: Map<string, CachedArticle>;
}

/**
 * The cached index, if it matches the cached headlines; closes the cache file. Null: every file
 * is parsed (the listed summaries are replaced as the scan goes).
 */
export async function loadCachedIndex(cached: CachedHeadlines): Promise<CachedIndex | null> {
  const { file, articles } = cached;
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
  const byPath = new Map<string, CachedArticle>();
  for (const a of articles) byPath.set(a.path, a);
  return { index, byPath };
}

/** The scan's test for a file it may take from the cache instead of parsing it. */
export function unchangedSince(
  cached: ReadonlyMap<string, CachedArticle>,
): (path: string, mtimeMs: number, size: number) => boolean {
  return (path, mtimeMs, size) => {
    const hit = cached.get(path);
    // A degraded article comes with its problems (the Library panel lists them); one without (a
    // cache from before they were kept) is parsed again to find them.
    if (hit === undefined || (hit.degraded && !hit.problems)) return false;
    return hit.mtimeMs === mtimeMs && hit.size === size;
  };
}

/** Saves the library for the next warm start; degraded articles keep their problems. */
export async function saveWarmStart(
  dataDir: string,
  roots: readonly string[],
  articles: readonly ArticleSummary[],
  problemsOf: (path: string) => readonly Problem[] | undefined,
  index: SearchIndex,
  version: string = ENGINE_VERSION,
): Promise<void> {
  await LibraryCache.save(dataDir, [...roots], version, {
    articles: articles.map((a) => {
      const problems = a.degraded ? problemsOf(a.path) : undefined;
      return problems ? { ...a, problems: [...problems] } : a;
    }),
    searchIndex: index.serialize(),
  });
}
