// The stars as the window sees them: the star file matched against the listed articles (they follow
// moved and edited files), and where a starred file is that no open folder lists (starWhereabouts).

import type { LibraryEvent } from '../../../shared/contract';
import type { ArticleSummary, StarredEntry } from '../../../shared/types';
import type { ArticleLookup } from '../store/articleIdentity';
import type { StarStore } from '../store/StarStore';
import { placeMissingStars, rememberingExists } from './starWhereabouts';

export interface StarsDeps {
  store: StarStore;
  lookup(): ArticleLookup;
  article(id: string): ArticleSummary | undefined;
  openRoots(): string[];
  /** Folders opened before (the settings' recent roots): a star outside the open ones names its folder. */
  knownRoots(): string[];
  emit(event: LibraryEvent): void;
  /** The starred ids changed (their pictures are kept ahead of reading). */
  onStarredIds(ids: ReadonlySet<string>): void;
  /** The stars changed (the headline list follows). */
  changed?(): void;
}

export class LibraryStars {
  private entries: StarredEntry[] = [];
  private ids = new Set<string>();
  /** Whether a starred file outside the open folders is on disk (remembered a minute). */
  private readonly fileExists = rememberingExists();

  constructor(private readonly deps: StarsDeps) {}

  get starred(): StarredEntry[] {
    return this.entries;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Matches the stars with the list again; the window hears of it when the answer changed (or `force`). */
  async resolve(force = false): Promise<void> {
    const { deps } = this;
    const matched = await deps.store.resolve(deps.lookup());
    const resolved = await placeMissingStars(matched, deps.openRoots(), deps.knownRoots(), this.fileExists);
    const changed = force || JSON.stringify(resolved) !== JSON.stringify(this.entries);
    this.entries = resolved;
    this.ids = new Set(resolved.filter((s) => !s.missing).map((s) => s.id));
    deps.onStarredIds(this.ids);
    if (changed) {
      deps.changed?.();
      deps.emit({ type: 'stars', starred: resolved });
    }
  }

  async set(id: string, starred: boolean): Promise<StarredEntry[]> {
    if (starred) {
      const article = this.deps.article(id);
      if (!article) throw new Error('That article is no longer in the library; it cannot be starred.');
      await this.deps.store.star(article);
    } else {
      await this.deps.store.unstar(id);
    }
    await this.resolve(true);
    return this.entries;
  }
}
