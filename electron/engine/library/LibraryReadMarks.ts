// Read marks and reading progress as the window sees them: set by id, following moved and edited
// articles (like the stars), and sent to the window as changes from what it was last told.

import type { LibraryEvent } from '../../../shared/contract';
import type { ArticleSummary, ReadMarksSnapshot, ReadProgress } from '../../../shared/types';
import type { ArticleLookup } from '../store/articleIdentity';
import type { ReadStore } from '../store/ReadStore';

type ReadEvent = Extract<LibraryEvent, { type: 'read' }>;

/** What the window must hear when the read ids go from `shown` to `next` (null: nothing). */
export function readMarksChange(
  shown: ReadonlySet<string>,
  next: ReadonlySet<string>,
  progressOf: (id: string) => number,
): ReadEvent | null {
  const read = [...next].filter((id) => !shown.has(id));
  const unread = [...shown].filter((id) => !next.has(id));
  if (read.length === 0 && unread.length === 0) return null;
  const progress: ReadProgress[] = [];
  for (const id of read) {
    const p = progressOf(id);
    if (p > 0) progress.push([id, p]);
  }
  return { type: 'read', read, unread, progress };
}

export interface ReadMarksDeps {
  store: ReadStore;
  lookup(): ArticleLookup;
  article(id: string): ArticleSummary | undefined;
  emit(event: LibraryEvent): void;
  /** These articles became read or unread (the headline list follows). */
  changed?(ids: readonly string[]): void;
}

export class LibraryReadMarks {
  /** Read ids as the window was last told them, to send only what a resolve changed. */
  private shown = new Set<string>();

  constructor(private readonly deps: ReadMarksDeps) {}

  /** Every mark, for the window's snapshot (which it then holds). */
  snapshot(): ReadMarksSnapshot {
    const read: string[] = [];
    const progress: ReadProgress[] = [];
    for (const mark of this.deps.store.all()) {
      if (mark.read) read.push(mark.id);
      if (mark.progress > 0) progress.push([mark.id, mark.progress]);
    }
    this.shown = new Set(read);
    return { read, progress };
  }

  isRead(id: string): boolean {
    return this.deps.store.isRead(id);
  }

  /** Ids of read articles (the CLI's list, counts). */
  readIds(): Set<string> {
    const out = new Set<string>();
    for (const mark of this.deps.store.all()) if (mark.read) out.add(mark.id);
    return out;
  }

  async setRead(ids: string[], read: boolean): Promise<string[]> {
    const { store } = this.deps;
    const targets = [];
    for (const id of ids) {
      // A mark whose article is gone can still be taken back (by the id it was last seen with).
      const mark = this.deps.article(id) ?? store.get(id);
      if (mark) targets.push({ id, contentHash: mark.contentHash });
    }
    if (targets.length === 0 && ids.length > 0) {
      throw new Error('That article is no longer in the library; it cannot be marked.');
    }
    const changed = await store.setRead(targets, read);
    for (const id of changed) {
      if (read) this.shown.add(id);
      else this.shown.delete(id);
    }
    if (changed.length > 0) {
      this.deps.changed?.(changed);
      this.deps.emit({ type: 'read', read: read ? changed : [], unread: read ? [] : changed, progress: [] });
    }
    return changed;
  }

  async setProgress(id: string, progress: number): Promise<void> {
    const article = this.deps.article(id);
    if (!article) return;
    await this.deps.store.setProgress(article, progress);
    const now = this.deps.store.get(id)?.progress ?? 0;
    this.deps.emit({ type: 'read', read: [], unread: [], progress: [[id, now]] });
  }

  /** Marks follow moved and edited articles (after every scan and watcher batch, like the stars). */
  async resolve(): Promise<void> {
    const { store } = this.deps;
    if (store.size === 0) return;
    const changed = await store.resolve(this.deps.lookup());
    if (!changed) return;
    const next = this.readIds();
    const event = readMarksChange(this.shown, next, (id) => store.get(id)?.progress ?? 0);
    this.shown = next;
    if (event) {
      this.deps.changed?.([...event.read, ...event.unread]);
      this.deps.emit(event);
    }
  }
}
