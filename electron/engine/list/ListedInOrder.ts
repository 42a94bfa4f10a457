// The listed articles in the library's order (shared/articleOrder: newest first, undated last),
// kept up to date by merging what changed since it was last asked for into the ordered array: a
// scan batch of k articles costs a sort of k and one pass over the list, not a sort of the whole
// library (the window asks for the list's shape after every batch of a scan).

import { compareNewestFirst } from '../../../shared/articleOrder';
import type { ListedArticle } from '../../../shared/types';

export class ListedInOrder {
  private ordered: ListedArticle[] = [];
  /** Changes since `ordered` was made: the new article, or null for one unlisted. */
  private pending = new Map<string, ListedArticle | null>();

  /** An article listed, or replaced. */
  set(article: ListedArticle): void {
    this.pending.set(article.id, article);
  }

  delete(id: string): void {
    this.pending.set(id, null);
  }

  /** Every listed article in order: the same array until something changes (not to be changed by the caller). */
  list(): ListedArticle[] {
    if (this.pending.size === 0) return this.ordered;
    const changed = this.pending;
    this.pending = new Map();
    const added: ListedArticle[] = [];
    for (const article of changed.values()) if (article) added.push(article);
    added.sort(compareNewestFirst);
    const old = this.ordered;
    const out: ListedArticle[] = [];
    let i = 0;
    let j = 0;
    while (i < old.length || j < added.length) {
      const a = old[i];
      if (a && changed.has(a.id)) {
        i++;
        continue;
      }
      if (j >= added.length || (a && compareNewestFirst(a, added[j]!) <= 0)) {
        out.push(a!);
        i++;
      } else out.push(added[j++]!);
    }
    this.ordered = out;
    return out;
  }
}
