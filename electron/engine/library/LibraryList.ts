// The headline list as the window asks for it (issue 11): the list version and its 'list-changed'
// event, the sidebar's counts kept one change at a time, and the list's answers from the in-memory
// list source. Told of every change of the listed articles (LibraryState), the stars and the read
// marks; answers the six list requests of the contract.

import type { LibraryEvent } from '../../../shared/contract';
import { SidebarTally } from '../../../shared/listAnswers';
import type { ListPosition, ListQuery, ListRows, ListShape, SidebarCounts } from '../../../shared/listQuery';
import type { ArticleSummary, FolderRef, ListedArticle, StarredEntry } from '../../../shared/types';
import type { ListSource } from '../list/ListSource';
import { ListVersion } from '../list/ListVersion';
import { MemoryListSource } from '../list/memoryListSource';

export interface ListDeps {
  /** Every listed article in the library's order, as the window sees them. */
  listed(): readonly ListedArticle[];
  folders(): readonly FolderRef[];
  /** The number of the folder holding an article (the folder table's). */
  folderOf(summary: ArticleSummary): number;
  starred(): readonly StarredEntry[];
  /** The listed article a star stands for (by id, else by content). */
  presentOf(star: StarredEntry): ListedArticle | undefined;
  /** Whether an article is listed. */
  isListed(id: string): boolean;
  isRead(id: string): boolean;
  progress(id: string): number;
  setRead(ids: string[], read: boolean): Promise<string[]>;
  emit(event: LibraryEvent): void;
}

export class LibraryList {
  private readonly tally = new SidebarTally();
  private readonly version: ListVersion;
  /** Bumped by the articles and the stars only (read marks do not change the other views' rows). */
  private entries = 0;
  private readonly source: ListSource;

  constructor(private readonly deps: ListDeps) {
    this.version = new ListVersion((version) => deps.emit({ type: 'list-changed', version }));
    this.source = new MemoryListSource({
      version: () => this.version.value,
      entriesVersion: () => this.entries,
      articles: () => deps.listed(),
      folders: () => deps.folders(),
      starred: () => deps.starred(),
      presentOf: (star) => deps.presentOf(star),
      isRead: (id) => deps.isRead(id),
      progress: (id) => deps.progress(id),
      tally: this.tally,
    });
  }

  // ---- what changes the list ---------------------------------------------------------------

  /** An article was listed or replaced. */
  upserted(summary: ArticleSummary): void {
    this.tally.set(
      {
        id: summary.id,
        categories: summary.categories,
        author: summary.author,
        folder: this.deps.folderOf(summary),
      },
      !this.deps.isRead(summary.id),
    );
    this.entries++;
    this.version.bump();
  }

  removed(id: string): void {
    this.tally.delete(id);
    this.entries++;
    this.version.bump();
  }

  /** These articles may have become read or unread. */
  readChanged(ids: readonly string[]): void {
    for (const id of ids) this.tally.setUnread(id, !this.deps.isRead(id));
    if (ids.length > 0) this.version.bump();
  }

  starsChanged(): void {
    this.entries++;
    this.version.bump();
  }

  close(): void {
    this.version.close();
  }

  // ---- the requests ------------------------------------------------------------------------

  shape(query: ListQuery): ListShape {
    return this.source.shape(query);
  }

  rows(query: ListQuery, offset: number, limit: number): ListRows {
    // The version first: rows made under it (the source selects under the same one, synchronously).
    const version = this.version.value;
    return { version, offset, rows: this.source.rows(query, offset, limit) };
  }

  position(query: ListQuery, id: string): number {
    return this.source.position(query, id);
  }

  findUnread(query: ListQuery, from: number, direction: 1 | -1): ListPosition | null {
    return this.source.findUnread(query, from, direction);
  }

  /**
   * Marks the rows `from`… to the end read or unread ("mark all as read": from 0; "mark older": from
   * a row). Only rows whose state changes are marked (a star whose file is gone cannot be marked
   * read); resolves to the ids that changed.
   */
  markRead(query: ListQuery, from: number, read: boolean): Promise<string[]> {
    const { deps } = this;
    const ids = this.source
      .ids(query, from)
      .filter((id) => deps.isRead(id) !== read && (!read || deps.isListed(id)));
    if (ids.length === 0) return Promise.resolve([]);
    return deps.setRead(ids, read);
  }

  sidebar(): SidebarCounts {
    return this.source.sidebar();
  }
}
