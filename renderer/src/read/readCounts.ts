// Unread counts and "next unread", over the lists the window already has. Pure. A count is one Set
// lookup per article (about 3 ms at 100,000: bench/renderer.ts measures it), done once per change of
// the list or of the read marks, never per row.

import type { HeadlineItem } from '../headlines/headlineItem';
import type { ReadIndex } from './readIndex';

/** Unread among the items (a star whose file is gone is not counted: there is nothing to read). */
export function unreadCount(
  items: readonly Pick<HeadlineItem, 'id' | 'missing'>[],
  reads: ReadIndex,
): number {
  let n = 0;
  for (const item of items) if (!item.missing && !reads.isRead(item.id)) n++;
  return n;
}

/** Unread among `count` items from `first` (a day header's share of the list). */
export function unreadInRange(
  items: readonly Pick<HeadlineItem, 'id' | 'missing'>[],
  first: number,
  count: number,
  reads: ReadIndex,
): number {
  let n = 0;
  const end = Math.min(items.length, first + count);
  for (let i = first; i < end; i++) if (!items[i]!.missing && !reads.isRead(items[i]!.id)) n++;
  return n;
}

/**
 * Position of the next unread item after `from` (the cursor), going on from the top of the list
 * when there is none below it; -1 when nothing in the list is unread.
 */
export function nextUnread(
  items: readonly Pick<HeadlineItem, 'id' | 'missing'>[],
  from: number,
  reads: ReadIndex,
): number {
  const n = items.length;
  for (let step = 1; step <= n; step++) {
    const i = (((from + step) % n) + n) % n;
    const item = items[i]!;
    if (!item.missing && !reads.isRead(item.id)) return i === from ? -1 : i;
  }
  return -1;
}

/** Ids to mark read for "mark older as read": every unread item dated before the one at `at`. */
export function olderUnread(
  items: readonly Pick<HeadlineItem, 'id' | 'missing' | 'time'>[],
  at: number,
  reads: ReadIndex,
): string[] {
  const pivot = items[at];
  if (!pivot) return [];
  const out: string[] = [];
  for (const item of items) {
    if (item.id !== pivot.id && item.time < pivot.time && !item.missing && !reads.isRead(item.id))
      out.push(item.id);
  }
  return out;
}

/** Ids to mark read for "mark all as read": every unread item of the list. */
export function allUnread(
  items: readonly Pick<HeadlineItem, 'id' | 'missing'>[],
  reads: ReadIndex,
): string[] {
  const out: string[] = [];
  for (const item of items) if (!item.missing && !reads.isRead(item.id)) out.push(item.id);
  return out;
}

/** Unread articles per category and per source (author), for the sources sidebar. */
export interface UnreadByFacet {
  categories: ReadonlyMap<string, number>;
  authors: ReadonlyMap<string, number>;
  /** By folder number (ListedArticle's `folder`). */
  folders: ReadonlyMap<number, number>;
  total: number;
}

/** One pass over the library, skipping read articles; made in the background after a change. */
export function unreadByFacet(
  articles: readonly { id: string; categories: readonly string[]; author?: string; folder?: number }[],
  reads: ReadIndex,
): UnreadByFacet {
  const categories = new Map<string, number>();
  const authors = new Map<string, number>();
  const folders = new Map<number, number>();
  let total = 0;
  for (const a of articles) {
    if (reads.isRead(a.id)) continue;
    total++;
    for (const c of a.categories) categories.set(c, (categories.get(c) ?? 0) + 1);
    const author = a.author?.trim();
    if (author) authors.set(author, (authors.get(author) ?? 0) + 1);
    if (a.folder !== undefined) folders.set(a.folder, (folders.get(a.folder) ?? 0) + 1);
  }
  return { categories, authors, folders, total };
}
