import { isUndated } from '../../../shared/articleOrder';
import type { HighlightRange, ListedArticle, SearchMatch, StarredEntry } from '../../../shared/types';

/** One row's worth of data, whichever view (all, starred, search) it came from. */
export interface HeadlineItem {
  id: string;
  /** Empty for search matches whose article is not in the loaded list. */
  contentHash: string;
  title: string;
  /** ISO date (UTC) and the same instant in ms. */
  date: string;
  time: number;
  /** No usable date: `date` is the file's time, and the row goes under "Undated" (see articleOrder). */
  undated?: boolean;
  /** Author, else the first category. */
  source: string;
  /** A star whose file is gone. */
  missing: boolean;
  /** A star whose file is in this folder, which is not open. */
  closedFolder?: string;
  titleHighlights?: HighlightRange[];
  snippet?: string;
  snippetHighlights?: HighlightRange[];
}

function sourceOf(article: Pick<ListedArticle, 'author' | 'categories'>): string {
  return article.author?.trim() || article.categories[0] || '';
}

// Summaries are immutable and replaced on every upsert, so a per-object cache is always right and
// saves 100,000 Date.parse calls each time a filter or batch recomputes the list.
const itemCache = new WeakMap<ListedArticle, HeadlineItem>();

export function itemFromSummary(article: ListedArticle): HeadlineItem {
  let item = itemCache.get(article);
  if (!item) {
    item = {
      id: article.id,
      contentHash: article.contentHash,
      title: article.title,
      date: article.date,
      time: Date.parse(article.date),
      source: sourceOf(article),
      missing: false,
    };
    if (isUndated(article)) item.undated = true;
    itemCache.set(article, item);
  }
  return item;
}

export function itemFromStar(star: StarredEntry, present: ListedArticle | undefined): HeadlineItem {
  if (present) return itemFromSummary(present);
  return {
    id: star.id,
    contentHash: star.contentHash,
    title: star.title,
    date: star.date,
    time: Date.parse(star.date),
    source: '',
    missing: star.missing,
    ...(star.closedFolder ? { closedFolder: star.closedFolder } : {}),
  };
}

export function itemFromMatch(match: SearchMatch, present: ListedArticle | undefined): HeadlineItem {
  return {
    id: match.id,
    contentHash: present?.contentHash ?? '',
    title: match.title,
    date: match.date,
    time: Date.parse(match.date),
    source: present ? sourceOf(present) : '',
    missing: false,
    ...(present && isUndated(present) ? { undated: true } : {}),
    titleHighlights: match.titleHighlights,
    snippet: match.snippet,
    snippetHighlights: match.snippetHighlights,
  };
}
