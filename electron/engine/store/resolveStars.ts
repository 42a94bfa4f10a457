// Matching stars to the live library. Runs after every scan or watcher batch, so it costs a few
// map lookups per star and never walks the library. Pure: the caller persists what changed.
//
// Order of trust, per star:
//   1. the same file with the same content (id and contentHash agree);
//   2. the same content anywhere (moved or renamed: contentHash agrees, path differs);
//   3. the same file with new content (edited in place), only when no article has the star's
//      content, the file is not already claimed by another star, and its new content is not some
//      other star's content.
// A title is never evidence: two different articles can share one (the seeds do).

import type { ArticleSummary, StarredEntry } from '../../../shared/types';
import type { StoredStar } from './starFile';

export interface StarLookup {
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

export interface StarResolution {
  entries: StarredEntry[];
  /** The stored stars with ids, paths, titles updated; null when nothing changed. */
  updated: StoredStar[] | null;
}

function candidatesFor(lookup: StarLookup, hash: string): readonly ArticleSummary[] {
  const found = lookup.byContentHash(hash);
  if (!found) return [];
  if (!Array.isArray(found)) return [found as ArticleSummary];
  return [...(found as readonly ArticleSummary[])].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}

function follow(star: StoredStar, article: ArticleSummary): StoredStar {
  return {
    id: article.id,
    contentHash: article.contentHash,
    path: article.path,
    title: article.title,
    date: article.date,
    starredAt: star.starredAt,
  };
}

function sameStar(a: StoredStar, b: StoredStar): boolean {
  return (
    a.id === b.id &&
    a.contentHash === b.contentHash &&
    a.path === b.path &&
    a.title === b.title &&
    a.date === b.date &&
    a.starredAt === b.starredAt
  );
}

export function resolveStars(stars: readonly StoredStar[], lookup: StarLookup): StarResolution {
  const matched: (ArticleSummary | undefined)[] = new Array(stars.length);
  const claimed = new Set<string>();
  const starHashes = new Set(stars.map((s) => s.contentHash));

  // Rule 1 first for every star, so a star that still sits on its own file keeps it.
  stars.forEach((star, i) => {
    const same = lookup.byId(star.id) ?? lookup.byPath(star.path);
    if (same && same.contentHash === star.contentHash && !claimed.has(same.id)) {
      matched[i] = same;
      claimed.add(same.id);
    }
  });
  // Rule 2: the content moved.
  stars.forEach((star, i) => {
    if (matched[i]) return;
    const moved = candidatesFor(lookup, star.contentHash).find((a) => !claimed.has(a.id));
    if (moved) {
      matched[i] = moved;
      claimed.add(moved.id);
    }
  });
  // Rule 3: the file was edited in place.
  if (lookup.complete !== false) {
    stars.forEach((star, i) => {
      if (matched[i]) return;
      const edited = lookup.byId(star.id) ?? lookup.byPath(star.path);
      if (!edited || claimed.has(edited.id) || starHashes.has(edited.contentHash)) return;
      matched[i] = edited;
      claimed.add(edited.id);
    });
  }

  let changed = false;
  const updated: StoredStar[] = [];
  const entries: StarredEntry[] = stars.map((star, i) => {
    const article = matched[i];
    const next = article ? follow(star, article) : star;
    if (!sameStar(next, star)) changed = true;
    updated.push(next);
    return { ...next, missing: !article };
  });
  return { entries, updated: changed ? updated : null };
}
