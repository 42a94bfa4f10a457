// What the engine answers the headline list from (shared/listQuery.ts). Two implementations answer
// the same questions: one over the library's articles in memory (shared/listSelection.ts's
// selectList, the rules themselves) and one over the library database (SQL); the second is tested
// against the first. Synchronous: both answer from what the engine holds or from SQLite.

import type { ListPosition, ListQuery, ListRow, ListShape, SidebarCounts } from '../../../shared/listQuery';

export interface ListSource {
  shape(query: ListQuery): ListShape;
  /** Rows offset… (at most `limit`, capped at LIST_ROWS_LIMIT), in list order. */
  rows(query: ListQuery, offset: number, limit: number): ListRow[];
  /** Index of the article in the list, or -1. */
  position(query: ListQuery, id: string): number;
  /** The first unread row after (direction 1) or before (-1) index `from`, or null. */
  findUnread(query: ListQuery, from: number, direction: 1 | -1): ListPosition | null;
  /** Ids of the rows `from`… to the end of the list (mark all: from 0; mark older: from a row). */
  ids(query: ListQuery, from: number): string[];
  sidebar(): SidebarCounts;
}
