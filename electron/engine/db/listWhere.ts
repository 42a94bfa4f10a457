// Which list_entries rows (alias `e`) a headline-list query lists, as SQL: the rules of
// shared/listSelection.ts selectList for the All and Unread views (Starred is the stars' own list,
// sqlListSource.ts). The dated run and the undated run are asked apart: an order is one walk of the
// list_order index within each (shared/articleOrder.ts).

import type { ListOrder } from '../../../shared/articleOrder';
import type { FacetChoice, View } from '../../../shared/listSelection';
import { pathRange } from './articleRow';

export interface Where {
  sql: string;
  params: unknown[];
}

export interface ListScope {
  /** The folders the library lists; null when the database holds nothing else (no test needed). */
  folders: readonly string[] | null;
  /** How a folder choice is tested: by the root, by the folder listed, or both (a root nested in another). */
  folderTest: (chosen: string) => 'root' | 'folder' | 'both';
}

/** Inclusive ISO bounds of a date range (shared/listSelection rangeBounds); null for any time. */
export interface IsoBounds {
  from?: string;
  to?: string;
}

/** Articles inside the scope's folders (every one when null). */
export function scopeWhere(scope: ListScope): Where {
  if (!scope.folders) return { sql: '1', params: [] };
  if (scope.folders.length === 0) return { sql: '0', params: [] };
  const ranges = scope.folders.map(pathRange);
  return {
    sql: `e.key IN (SELECT key FROM articles WHERE ${ranges.map(() => '(path >= ? AND path < ?)').join(' OR ')})`,
    params: ranges.flat(),
  };
}

/** The facet's test (shared/listSelection facetMatcher), or none. */
export function facetWhere(facet: FacetChoice | null, scope: ListScope): Where {
  if (!facet) return { sql: '1', params: [] };
  if (facet.kind === 'category')
    return { sql: 'e.key IN (SELECT key FROM categories WHERE category = ?)', params: [facet.value] };
  if (facet.kind === 'author') return { sql: 'e.author = ?', params: [facet.value] };
  const test = scope.folderTest(facet.value);
  if (test === 'root') return { sql: 'e.root = ?', params: [facet.value] };
  if (test === 'folder') return { sql: 'e.folder = ?', params: [facet.value] };
  return { sql: '(e.root = ? OR e.folder = ?)', params: [facet.value, facet.value] };
}

export function boundsWhere(bounds: IsoBounds | null): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (bounds?.from) {
    parts.push('e.date >= ?');
    params.push(bounds.from);
  }
  if (bounds?.to) {
    parts.push('e.date <= ?');
    params.push(bounds.to);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** Unread view: unread, or read while the view showed it (keptUnread). */
export function viewWhere(view: View, keptUnread: readonly string[]): Where {
  if (view !== 'unread') return { sql: '1', params: [] };
  if (keptUnread.length === 0) return { sql: 'e.read = 0', params: [] };
  return {
    sql: '(e.read = 0 OR e.id IN (SELECT value FROM json_each(?)))',
    params: [JSON.stringify(keptUnread)],
  };
}

export function and(...parts: Where[]): Where {
  const kept = parts.filter((p) => p.sql !== '1');
  if (kept.length === 0) return { sql: '1', params: [] };
  return { sql: kept.map((p) => p.sql).join(' AND '), params: kept.flatMap((p) => p.params) };
}

/** ORDER BY of one run in a list order: newest first walks list_order forwards, oldest backwards. */
export function orderBy(order: ListOrder): string {
  return order === 'newest' ? 'e.date DESC, e.id ASC' : 'e.date ASC, e.id DESC';
}

/** Rows of a run before the row (date, id) in list order. */
export function beforeWhere(order: ListOrder, date: string, id: string): Where {
  return order === 'newest'
    ? { sql: '(e.date > ? OR (e.date = ? AND e.id < ?))', params: [date, date, id] }
    : { sql: '(e.date < ? OR (e.date = ? AND e.id > ?))', params: [date, date, id] };
}

/**
 * Dated rows from the start of a day on, in list order: a day's first instant `dayStart` and the next
 * day's `nextStart`, as ISO strings.
 */
export function fromDayWhere(order: ListOrder, dayStart: string, nextStart: string): Where {
  return order === 'newest'
    ? { sql: 'e.date < ?', params: [nextStart] }
    : { sql: 'e.date >= ?', params: [dayStart] };
}
