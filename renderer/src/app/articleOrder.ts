import type { ListedArticle } from '../../../shared/types';

/**
 * Newest first; equal dates by id so the order is stable across batches. `date` is always an ISO
 * string in UTC from Date#toISOString, so plain string comparison orders it chronologically.
 */
export function compareNewestFirst(a: ListedArticle, b: ListedArticle): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Inserts or replaces `batch` in `sorted` (newest first) without re-sorting the whole array:
 * drop replaced entries, sort the batch, merge two sorted runs. O(n + b log b) per batch, which keeps
 * a 100,000-article scan that arrives in hundreds of batches smooth.
 */
export function mergeArticles(
  sorted: readonly ListedArticle[],
  batch: readonly ListedArticle[],
): ListedArticle[] {
  if (batch.length === 0) return sorted as ListedArticle[];
  // Last write wins inside one batch too.
  const incoming = new Map<string, ListedArticle>();
  for (const a of batch) incoming.set(a.id, a);
  const fresh = [...incoming.values()].sort(compareNewestFirst);
  const kept = sorted.filter((a) => !incoming.has(a.id));
  const out: ListedArticle[] = new Array(kept.length + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < fresh.length) {
    out[k++] = compareNewestFirst(kept[i]!, fresh[j]!) <= 0 ? kept[i++]! : fresh[j++]!;
  }
  while (i < kept.length) out[k++] = kept[i++]!;
  while (j < fresh.length) out[k++] = fresh[j++]!;
  return out;
}

export function removeArticles(sorted: readonly ListedArticle[], ids: readonly string[]): ListedArticle[] {
  if (ids.length === 0) return sorted as ListedArticle[];
  const gone = new Set(ids);
  return sorted.filter((a) => !gone.has(a.id));
}

/** A snapshot is documented newest first; sort anyway if a host got that wrong. */
export function ensureSorted(articles: readonly ListedArticle[]): ListedArticle[] {
  for (let i = 1; i < articles.length; i++) {
    if (compareNewestFirst(articles[i - 1]!, articles[i]!) > 0) return [...articles].sort(compareNewestFirst);
  }
  return articles as ListedArticle[];
}
