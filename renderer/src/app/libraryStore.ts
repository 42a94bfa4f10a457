import type { LibraryEvent } from '../../../shared/contract';
import type { ListedArticle, Settings, StarredEntry } from '../../../shared/types';
import { FacetCounts, type Facets } from '../headlines/listFilter';
import { applyLibraryEvent, emptyLibraryState, indexStars, type LibraryState } from './libraryState';

export type Scheduler = (flush: () => void) => void;

/** Coalesces bursts (a scan sends many batches) into one render per animation frame. */
export const frameScheduler: Scheduler = (flush) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
};

export const syncScheduler: Scheduler = (flush) => flush();

/**
 * The library as the window knows it: a snapshot plus every event since. Shaped for
 * useSyncExternalStore; listeners hear about changes at most once per scheduled flush.
 */
export class LibraryStore {
  private state: LibraryState = emptyLibraryState;
  private listeners = new Set<() => void>();
  private flushPending = false;
  /** Listed articles by id, built on first need and then kept in step with each event (never rebuilt per batch). */
  private byId: Map<string, ListedArticle> | null = null;
  /** Built on first need too, then kept in step through byId (which knows what an upsert replaces). */
  private facetCounts: FacetCounts | null = null;

  constructor(private readonly schedule: Scheduler = frameScheduler) {}

  getState = (): LibraryState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  reset(state: LibraryState): void {
    this.state = state;
    this.byId = null;
    this.facetCounts = null;
    this.changed();
  }

  dispatch(event: LibraryEvent): void {
    let next: LibraryState;
    const counts = this.facetCounts;
    if (event.type === 'articles-upserted') {
      const byId = this.articlesById();
      next = applyLibraryEvent(this.state, event, (id) => byId.has(id));
      for (const article of event.articles) {
        const old = byId.get(article.id);
        if (old) counts?.remove(old);
        counts?.add(article);
        byId.set(article.id, article);
      }
    } else {
      next = applyLibraryEvent(this.state, event);
      if (event.type === 'articles-removed' && this.byId) {
        for (const id of event.ids) {
          const old = this.byId.get(id);
          if (old) counts?.remove(old);
          this.byId.delete(id);
        }
      }
    }
    if (next !== this.state) {
      this.state = next;
      this.changed();
    }
  }

  /** Shows a star change at once; the 'stars' event or the call's result confirms it. */
  setStarred(starred: readonly StarredEntry[]): void {
    this.state = { ...this.state, starred, stars: indexStars(starred) };
    this.changed();
  }

  setSettings(settings: Settings): void {
    this.state = { ...this.state, settings };
    this.changed();
  }

  /** Category and author counts of the whole library, most used first. */
  facets(): Facets {
    if (!this.facetCounts) {
      this.articlesById(); // removals look up what they remove there
      this.facetCounts = new FacetCounts();
      for (const article of this.state.articles) this.facetCounts.add(article);
    }
    return this.facetCounts.facets();
  }

  summary(id: string): ListedArticle | undefined {
    return this.articlesById().get(id);
  }

  private articlesById(): Map<string, ListedArticle> {
    if (!this.byId) {
      this.byId = new Map();
      for (const article of this.state.articles) this.byId.set(article.id, article);
    }
    return this.byId;
  }

  private changed(): void {
    if (this.flushPending) return;
    this.flushPending = true;
    this.schedule(() => {
      this.flushPending = false;
      for (const listener of [...this.listeners]) listener();
    });
  }
}
