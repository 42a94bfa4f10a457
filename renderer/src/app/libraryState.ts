import type { LibraryEvent, LibrarySnapshot } from '../../../shared/contract';
import type {
  ListedArticle,
  Problem,
  RootInfo,
  ScanProgress,
  Settings,
  StarredEntry,
} from '../../../shared/types';
import { ensureSorted, mergeArticles, removeArticles } from './articleOrder';

export interface StarIndex {
  ids: ReadonlySet<string>;
  hashes: ReadonlySet<string>;
}

export interface LibraryState {
  /** Newest first. Replaced (never mutated) when it changes. */
  articles: readonly ListedArticle[];
  roots: readonly RootInfo[];
  progress: ScanProgress;
  problems: readonly Problem[];
  starred: readonly StarredEntry[];
  stars: StarIndex;
  settings: Settings | null;
}

export const emptyLibraryState: LibraryState = {
  articles: [],
  roots: [],
  progress: { found: 0, parsed: 0, done: true },
  problems: [],
  starred: [],
  stars: { ids: new Set(), hashes: new Set() },
  settings: null,
};

export function indexStars(starred: readonly StarredEntry[]): StarIndex {
  return {
    ids: new Set(starred.map((s) => s.id)),
    hashes: new Set(starred.map((s) => s.contentHash)),
  };
}

/** Stars follow content: an article is starred when its id or its content fingerprint is. */
export function isStarred(stars: StarIndex, article: Pick<ListedArticle, 'id' | 'contentHash'>): boolean {
  return stars.ids.has(article.id) || stars.hashes.has(article.contentHash);
}

export function fromSnapshot(snapshot: LibrarySnapshot, settings: Settings | null): LibraryState {
  return {
    articles: ensureSorted(snapshot.articles),
    roots: snapshot.roots,
    progress: snapshot.progress,
    problems: snapshot.problems,
    starred: snapshot.starred,
    stars: indexStars(snapshot.starred),
    settings,
  };
}

/** Applies one library event. Menu events carry no state and leave it unchanged. */
export function applyLibraryEvent(state: LibraryState, event: LibraryEvent): LibraryState {
  switch (event.type) {
    case 'articles-upserted':
      return { ...state, articles: mergeArticles(state.articles, event.articles) };
    case 'articles-removed':
      return { ...state, articles: removeArticles(state.articles, event.ids) };
    case 'progress':
      return { ...state, progress: event.progress };
    case 'roots':
      return { ...state, roots: event.roots };
    case 'problems':
      return { ...state, problems: event.problems };
    case 'stars':
      return { ...state, starred: event.starred, stars: indexStars(event.starred) };
    case 'settings':
      return { ...state, settings: event.settings };
    case 'menu':
      return state;
  }
}
