// At startup the scan and the watcher's baseline walk run side by side, both after the watcher has
// subscribed. A file changed between the moment the scan read it and the moment the baseline
// looked at it is in the baseline already, so the watcher will never report it. Comparing the two
// views once both are done finds exactly those files.

import type { ArticleSummary } from '../../../shared/types';
import { mapLimit } from '../common/mapLimit';
import { type FileStat, sameStat } from '../watch/fileStat';
import type { WatchChange } from '../watch/watchTypes';

const STATS_IN_FLIGHT = 32;

export interface StartupViews {
  /** What the scan listed under `root`. */
  articles: readonly ArticleSummary[];
  /** What the watcher's baseline holds under `root`. */
  baseline: ReadonlyMap<string, FileStat>;
  /** Paths the scan reported problems for (not listed, but seen). */
  hasProblems(path: string): boolean;
  /** The file's stat now; null when it is gone. Asked only where the two views disagree. */
  statNow(path: string): Promise<FileStat | null>;
}

/** The changes that make the listed articles agree with the disk, for one root. */
export async function reconcileStartup(root: string, views: StartupViews): Promise<WatchChange[]> {
  const changes: WatchChange[] = [];
  const listed = new Map<string, ArticleSummary>();
  for (const article of views.articles) listed.set(article.path, article);

  for (const [path] of views.baseline) {
    // Written after the scan had walked its folder: the baseline has it, the list does not.
    if (!listed.has(path) && !views.hasProblems(path)) changes.push({ type: 'added', path, root });
  }
  // Either side may be stale where they disagree (the baseline reuses cached stats; a link's target
  // is not in the baseline at all): the disk decides.
  const disputed = [...listed.values()].filter((a) => {
    const seen = views.baseline.get(a.path);
    return !seen || !sameStat(seen, a);
  });
  const now = await mapLimit(disputed, STATS_IN_FLIGHT, (a) => views.statNow(a.path));
  disputed.forEach((article, i) => {
    const stat = now[i];
    if (stat === null) changes.push({ type: 'removed', path: article.path, root });
    else if (stat && !sameStat(stat, article)) changes.push({ type: 'changed', path: article.path, root });
  });
  return changes;
}
