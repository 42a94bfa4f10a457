// Which articles the library prefetch covers (the settings prefetchScope and prefetchFolders), and
// when the cache counts as full for it. Pure, so the rules are tested directly.

import type { Settings } from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';

/**
 * The prefetch stops once the cache holds this share of its cap: it never evicts pictures to make
 * room for more of its own (what was read, and starred articles' pictures, stay).
 */
const PREFETCH_FILLS_CACHE_TO = 0.95;

type PrefetchSettings = Pick<Settings, 'prefetchScope' | 'prefetchFolders'>;

export function prefetchEnabled(settings: PrefetchSettings): boolean {
  if (settings.prefetchScope === 'library') return true;
  return settings.prefetchScope === 'folders' && settings.prefetchFolders.length > 0;
}

/** Is the article at `path` covered? */
export function inPrefetchScope(path: string, settings: PrefetchSettings): boolean {
  if (settings.prefetchScope === 'library') return true;
  if (settings.prefetchScope !== 'folders') return false;
  return settings.prefetchFolders.some((folder) => isInsideFolder(path, folder));
}

/** The ids of the covered articles, in list order (newest first). */
export function prefetchCandidates(
  articles: readonly { id: string; path: string }[],
  settings: PrefetchSettings,
): string[] {
  if (!prefetchEnabled(settings)) return [];
  if (settings.prefetchScope === 'library') return articles.map((a) => a.id);
  return articles.filter((a) => inPrefetchScope(a.path, settings)).map((a) => a.id);
}

export function prefetchCacheFull(stats: { bytes: number; capBytes: number }): boolean {
  return stats.bytes >= stats.capBytes * PREFETCH_FILLS_CACHE_TO;
}

export function prefetchSettingsChanged(before: PrefetchSettings, after: PrefetchSettings): boolean {
  return (
    before.prefetchScope !== after.prefetchScope ||
    before.prefetchFolders.length !== after.prefetchFolders.length ||
    before.prefetchFolders.some((folder, i) => folder !== after.prefetchFolders[i])
  );
}
