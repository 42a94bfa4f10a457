import type { LibraryEvent } from '../../../shared/contract';
import type { ListedArticle, Settings, StarredEntry } from '../../../shared/types';
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
  private indexFor: readonly ListedArticle[] | null = null;
  private index = new Map<string, number>();

  constructor(private readonly schedule: Scheduler = frameScheduler) {}

  getState = (): LibraryState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  reset(state: LibraryState): void {
    this.state = state;
    this.changed();
  }

  dispatch(event: LibraryEvent): void {
    const next = applyLibraryEvent(this.state, event);
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

  /** Position of an article in the newest-first array; the id→index map is rebuilt lazily. */
  indexOf(id: string): number {
    if (this.indexFor !== this.state.articles) {
      this.index = new Map();
      const { articles } = this.state;
      for (let i = 0; i < articles.length; i++) this.index.set(articles[i]!.id, i);
      this.indexFor = this.state.articles;
    }
    return this.index.get(id) ?? -1;
  }

  summary(id: string): ListedArticle | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.state.articles[i];
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
