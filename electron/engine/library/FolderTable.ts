// The library's folder table: each root's top-level folders (and the root itself, for the files
// directly in it), numbered as the library meets them. Articles carry the number (ListedArticle's
// `folder`), the window gets the table with the snapshot and with every batch. Append-only for the
// life of the library, so a number never changes meaning; a folder whose articles are gone stays
// in the table with no article in it (the window counts articles, not table rows).

import { topFolderName } from '../../../shared/folders';
import type { ArticleSummary, FolderRef } from '../../../shared/types';

export class FolderTable {
  private readonly refs: FolderRef[] = [];
  private readonly numbers = new Map<string, number>();
  private shared: FolderRef[] | null = null;

  /** The number of the folder holding this article (added to the table when new). */
  of(summary: Pick<ArticleSummary, 'root' | 'path'>): number {
    const name = topFolderName(summary.root, summary.path);
    const key = name === undefined ? summary.root : `${summary.root}\0${name}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.refs.length;
      this.refs.push(name === undefined ? { root: summary.root } : { root: summary.root, name });
      this.numbers.set(key, n);
      this.shared = null;
    }
    return n;
  }

  /** The table as sent: the same array until a folder is added. */
  list(): FolderRef[] {
    this.shared ??= this.refs.slice();
    return this.shared;
  }
}
