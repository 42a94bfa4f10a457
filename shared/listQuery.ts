// The headline list by ranges: the window says what it shows (view, filters, order, its clock and time
// zone) and asks the engine for the list's shape (total, day groups with counts) and for the rows on
// screen, never for the whole library. The rules of what is listed, in which order and under which
// day are shared/listSelection.ts's (`selectList`): every engine answer must equal selectList over the
// whole library, which the tests use as the oracle.

import type { ListOrder } from './articleOrder';
import type { DayKey, ListFilter, View } from './listSelection';

/** Most rows one getListRows answers (the window asks for a screenful plus overscan). */
export const LIST_ROWS_LIMIT = 500;
/** Most ids a ListQuery may carry in keptUnread (the window drops the oldest beyond it). */
export const KEPT_UNREAD_LIMIT = 2_000;

export interface ListQuery {
  view: View;
  filter: ListFilter;
  order: ListOrder;
  /** The window's clock, ms: relative ranges ("past week") count back from it. */
  now: number;
  /** IANA time zone the day headers and date ranges use; '' for the engine's system zone. */
  timeZone: string;
  /**
   * Read while the Unread view was showing: still listed there until the view or filters change (what
   * NetNewsWire and Reeder do). At most KEPT_UNREAD_LIMIT ids; ignored by the other views.
   */
  keptUnread: string[];
}

/** One day group of the list, in list order (Undated, UNDATED_DAY, is always the last). */
export interface ListDay {
  day: DayKey;
  count: number;
  unread: number;
}

export interface ListShape {
  /**
   * Changes whenever the library, the stars or the read marks change: rows fetched under another
   * version may be stale (the window fetches them again).
   */
  version: number;
  total: number;
  unread: number;
  /** Day groups in list order; their counts add up to `total`. The virtual list lays rows out from them. */
  days: ListDay[];
}

/** One headline row as the list shows it. */
export interface ListRow {
  id: string;
  contentHash: string;
  title: string;
  /** ISO date (UTC); for an undated article the file's time. */
  date: string;
  undated?: boolean;
  /** Author, else the first category ('' for a star whose file is gone). */
  source: string;
  /** A star whose file is gone. */
  missing: boolean;
  /** A star whose file is in this folder, which is not open. */
  closedFolder?: string;
  starred: boolean;
  read: boolean;
  /** How far it was read, 0–1 (absent when never started). */
  progress?: number;
}

export interface ListRows {
  version: number;
  /** Where `rows` start in the list. */
  offset: number;
  rows: ListRow[];
}

/** A place in the list: its index and the article there. */
export interface ListPosition {
  index: number;
  id: string;
}

export interface FacetTally {
  value: string;
  count: number;
  unread: number;
}

/** The sidebar's lists with their counts over the whole library (no view or filter applies). */
export interface SidebarCounts {
  version: number;
  total: number;
  unread: number;
  /** Most used first, then by name. */
  categories: FacetTally[];
  authors: FacetTally[];
  /** Folder paths as FacetChoice values of kind 'folder' (shared/folders.ts), each root then its top-level folders. */
  folders: FacetTally[];
}
