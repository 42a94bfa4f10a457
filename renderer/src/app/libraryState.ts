import type { LibraryEvent, LibrarySnapshot } from '../../../shared/contract';
import type {
  FolderRef,
  ListedArticle,
  Problem,
  RootInfo,
  ScanProgress,
  Settings,
  StarredEntry,
} from '../../../shared/types';
import { type HeadlineItem, itemFromSummary } from '../headlines/headlineItem';
import { ReadIndex } from '../read/readIndex';
import { ensureSorted, mergeNewestFirst, removeByIds } from './articleOrder';

export interface StarIndex {
  ids: ReadonlySet<string>;
  hashes: ReadonlySet<string>;
}

export interface LibraryState {
  /** Newest first. Replaced (never mutated) when it changes. */
  articles: readonly ListedArticle[];
  /**
   * The same articles as headline items, in the same order, kept in step by the same merges: the
   * unfiltered list is then ready as it is, not rebuilt from 100,000 articles on every scan batch.
   */
  items: readonly HeadlineItem[];
  /** The folder table the articles' `folder` numbers index (the sidebar's Folders list). */
  folders: readonly FolderRef[];
  roots: readonly RootInfo[];
  progress: ScanProgress;
  problems: readonly Problem[];
  starred: readonly StarredEntry[];
  stars: StarIndex;
  /** Which articles are read, and how far started ones were read. */
  reads: ReadIndex;
  settings: Settings | null;
}

export const emptyLibraryState: LibraryState = {
  articles: [],
  items: [],
  folders: [],
  roots: [],
  progress: { found: 0, parsed: 0, done: true },
  problems: [],
  starred: [],
  stars: { ids: new Set(), hashes: new Set() },
  reads: ReadIndex.empty(),
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
  const articles = ensureSorted(snapshot.articles);
  return {
    articles,
    items: articles.map(itemFromSummary),
    folders: snapshot.folders,
    roots: snapshot.roots,
    progress: snapshot.progress,
    problems: snapshot.problems,
    starred: snapshot.starred,
    stars: indexStars(snapshot.starred),
    reads: ReadIndex.from(snapshot.readMarks),
    settings,
  };
}

/**
 * Applies one library event. Menu events carry no state and leave it unchanged. `known` (whether an
 * id is listed already) lets an upsert of only new articles skip looking for ones it replaces.
 */
export function applyLibraryEvent(
  state: LibraryState,
  event: LibraryEvent,
  known?: (id: string) => boolean,
): LibraryState {
  switch (event.type) {
    case 'articles-upserted': {
      const listing = { articles: state.articles, companions: state.items };
      const merged = mergeNewestFirst(listing, event.articles, itemFromSummary, known);
      return { ...state, articles: merged.articles, items: merged.companions, folders: event.folders };
    }
    case 'articles-removed':
      return {
        ...state,
        articles: removeByIds(state.articles, event.ids),
        items: removeByIds(state.items, event.ids),
      };
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
    case 'read': {
      const reads = state.reads.with(event.read, event.unread, event.progress);
      return reads === state.reads ? state : { ...state, reads };
    }
    case 'menu':
    case 'export-progress':
    case 'prefetch':
    // The list is still the snapshot's articles kept in step by the events above.
    case 'list-changed':
      return state;
  }
}
