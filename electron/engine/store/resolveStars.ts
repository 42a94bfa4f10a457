// Matching stars to the live library, by the identity rule of articleIdentity.ts (shared with the
// read marks). Runs after every scan or watcher batch. Pure: the caller persists what changed.

import type { ArticleSummary, StarredEntry } from '../../../shared/types';
import { type ArticleLookup, matchArticles } from './articleIdentity';
import type { StoredStar } from './starFile';

export type StarLookup = ArticleLookup;

interface StarResolution {
  entries: StarredEntry[];
  /** The stored stars with ids, paths, titles updated; null when nothing changed. */
  updated: StoredStar[] | null;
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
  const matched = matchArticles(stars, lookup);
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
