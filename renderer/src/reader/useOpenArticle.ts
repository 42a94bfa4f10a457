// The open article: its listed summary, or the star of a file gone missing; the article as read from
// disk (useArticle); whether it is starred; and, for a saved web page, whether it is shown whole
// instead of its story (remembered for the open article only).

import { useState } from 'react';
import type { ListedArticle, StarredEntry } from '../../../shared/types';
import { isStarred, type StarIndex } from '../app/libraryState';
import type { ArticleCache } from './articleCache';
import { canShowWholePage } from './displayHtml';
import { useArticle } from './useArticle';

export interface OpenArticleInput {
  cache: ArticleCache;
  openId: string | null;
  summaryOf(id: string): ListedArticle | undefined;
  starred: readonly StarredEntry[];
  stars: StarIndex;
}

export function useOpenArticle({ cache, openId, summaryOf, starred, stars }: OpenArticleInput) {
  const openSummary = openId ? summaryOf(openId) : undefined;
  const missingStar: StarredEntry | null =
    openId && !openSummary ? (starred.find((s) => s.id === openId && s.missing) ?? null) : null;
  const load = useArticle(cache, missingStar ? null : openId, openSummary?.mtimeMs);
  const openArticle = load.status === 'ready' ? load.article : openSummary;
  const openStarred = missingStar ? true : openArticle ? isStarred(stars, openArticle) : false;
  const [wholePageId, setWholePageId] = useState<string | null>(null);
  const toggleWholePage = () => {
    if (load.status !== 'ready' || !canShowWholePage(load.article)) return;
    const id = load.article.id;
    setWholePageId((shown) => (shown === id ? null : id));
  };
  const wholePage = load.status === 'ready' && wholePageId === load.article.id;
  return { openSummary, missingStar, load, openArticle, openStarred, wholePage, toggleWholePage };
}
