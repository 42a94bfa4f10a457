// Which live article a remembered one (a star, a read mark) is now: the one home of the identity
// rule, so stars and read marks follow articles the same way. Costs a few map lookups per
// remembered article and never walks the library. Pure.
//
// Order of trust, per remembered article:
//   1. the same file with the same content (id and contentHash agree);
//   2. the same content anywhere (moved or renamed: contentHash agrees, path differs);
//   3. the same file with new content (edited in place), only when no article has the remembered
//      content, the file is not already claimed by another remembered article, and its new content
//      is not some other remembered article's content.
// A title is never evidence: two different articles can share one (the seeds do).

import type { ArticleSummary } from '../../../shared/types';

export interface ArticleLookup {
  byId(id: string): ArticleSummary | undefined;
  /** One article with this content, or all of them (copies of the same article). */
  byContentHash(hash: string): ArticleSummary | readonly ArticleSummary[] | undefined;
  byPath(path: string): ArticleSummary | undefined;
  /**
   * False while a scan is still running: an article that looks "edited in place" may only be a
   * new file at the old path while the moved original has not been scanned yet, so rule 3 waits.
   * Undefined counts as complete.
   */
  complete?: boolean;
}

/** What is remembered about an article to find it again. `path` may be absent (ids come from paths). */
interface RememberedArticle {
  id: string;
  contentHash: string;
  path?: string;
}

function candidatesFor(lookup: ArticleLookup, hash: string): readonly ArticleSummary[] {
  const found = lookup.byContentHash(hash);
  if (!found) return [];
  if (!Array.isArray(found)) return [found as ArticleSummary];
  return [...(found as readonly ArticleSummary[])].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}

function sameFile(lookup: ArticleLookup, item: RememberedArticle): ArticleSummary | undefined {
  return lookup.byId(item.id) ?? (item.path === undefined ? undefined : lookup.byPath(item.path));
}

/** The live article of each remembered one (same positions), or undefined where there is none. */
export function matchArticles(
  items: readonly RememberedArticle[],
  lookup: ArticleLookup,
): (ArticleSummary | undefined)[] {
  const matched: (ArticleSummary | undefined)[] = new Array(items.length);
  const claimed = new Set<string>();
  let unmatched = 0;

  // Rule 1 first for every item, so one that still sits on its own file keeps it.
  items.forEach((item, i) => {
    const same = sameFile(lookup, item);
    if (same && same.contentHash === item.contentHash && !claimed.has(same.id)) {
      matched[i] = same;
      claimed.add(same.id);
    } else unmatched++;
  });
  if (unmatched === 0) return matched;
  // Rule 2: the content moved.
  items.forEach((item, i) => {
    if (matched[i]) return;
    const moved = candidatesFor(lookup, item.contentHash).find((a) => !claimed.has(a.id));
    if (moved) {
      matched[i] = moved;
      claimed.add(moved.id);
    }
  });
  // Rule 3: the file was edited in place.
  if (lookup.complete !== false) {
    const hashes = new Set(items.map((s) => s.contentHash));
    items.forEach((item, i) => {
      if (matched[i]) return;
      const edited = sameFile(lookup, item);
      if (!edited || claimed.has(edited.id) || hashes.has(edited.contentHash)) return;
      matched[i] = edited;
      claimed.add(edited.id);
    });
  }
  return matched;
}
