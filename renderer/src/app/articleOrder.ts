import { compareNewestFirst, type Ordered } from '../../../shared/articleOrder';
import type { ListedArticle } from '../../../shared/types';

// The order itself has one home (shared/articleOrder.ts: undated last, newest first, ties by id);
// this module keeps the window's list in it as scan batches arrive.
export { compareNewestFirst };

/** The list's articles and their headline items: two arrays in the same order, merged in step. */
interface Listing<C> {
  articles: ListedArticle[];
  companions: C[];
}

/**
 * Inserts or replaces `batch` in `articles` (newest first) without re-sorting the whole array, and
 * makes the same moves in `companions` (one entry per article, same order; `companionOf` makes the
 * batch's). Replaced entries are dropped first, but only when `known` says some of the batch is
 * listed already (or there is no `known`); then each new entry's place is found by binary search and
 * the runs between are copied. O(n) copying plus O(b log n) comparisons per batch: a
 * 100,000-article scan arrives in hundreds of batches, and the window must not stall on each.
 */
export function mergeNewestFirst<C>(
  listing: { articles: readonly ListedArticle[]; companions: readonly C[] },
  batch: readonly ListedArticle[],
  companionOf: (article: ListedArticle) => C,
  known?: (id: string) => boolean,
): Listing<C> {
  if (batch.length === 0) {
    return { articles: listing.articles as ListedArticle[], companions: listing.companions as C[] };
  }
  // Last write wins inside one batch too.
  const incoming = new Map<string, ListedArticle>();
  for (const entry of batch) incoming.set(entry.id, entry);
  const fresh = [...incoming.values()].sort(compareNewestFirst);
  let kept = listing.articles;
  let keptCompanions = listing.companions;
  if (known ? fresh.some((entry) => known(entry.id)) : true) {
    const articles: ListedArticle[] = [];
    const companions: C[] = [];
    for (let i = 0; i < kept.length; i++) {
      if (incoming.has(kept[i]!.id)) continue;
      articles.push(kept[i]!);
      companions.push(keptCompanions[i]!);
    }
    kept = articles;
    keptCompanions = companions;
  }
  const articles: ListedArticle[] = new Array(kept.length + fresh.length);
  const companions: C[] = new Array(kept.length + fresh.length);
  let k = 0;
  let from = 0;
  for (const entry of fresh) {
    const at = firstAfter(kept, entry, from);
    for (let i = from; i < at; i++) {
      articles[k] = kept[i]!;
      companions[k++] = keptCompanions[i]!;
    }
    articles[k] = entry;
    companions[k++] = companionOf(entry);
    from = at;
  }
  for (let i = from; i < kept.length; i++) {
    articles[k] = kept[i]!;
    companions[k++] = keptCompanions[i]!;
  }
  return { articles, companions };
}

/** First index at or after `from` whose entry sorts after `entry`. */
function firstAfter(sorted: readonly Ordered[], entry: Ordered, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareNewestFirst(sorted[mid]!, entry) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function removeByIds<T extends { id: string }>(sorted: readonly T[], ids: readonly string[]): T[] {
  if (ids.length === 0) return sorted as T[];
  const gone = new Set(ids);
  return sorted.filter((entry) => !gone.has(entry.id));
}

/** A snapshot is documented newest first; sort anyway if a host got that wrong. */
export function ensureSorted(articles: readonly ListedArticle[]): ListedArticle[] {
  for (let i = 1; i < articles.length; i++) {
    if (compareNewestFirst(articles[i - 1]!, articles[i]!) > 0) return [...articles].sort(compareNewestFirst);
  }
  return articles as ListedArticle[];
}
