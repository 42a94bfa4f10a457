// Which articles the headline list shows, in which order and under which day: one pure function for
// the window (renderer/src/headlines/selectHeadlines.ts) and the CLI's `broadsheet list`, so a script
// sees exactly what the user sees. Input lists are in the library's order (shared/articleOrder.ts).

import { comparatorFor, inOrder, isUndated, type ListOrder, type Ordered } from './articleOrder';
import { inFolder } from './folders';
import type { FolderRef, ListedArticle, StarredEntry } from './types';

/** What the sidebar chooses: a category, a source (author), or a folder (its path: shared/folders). */
export type FacetKind = 'category' | 'author' | 'folder';

export interface FacetChoice {
  kind: FacetKind;
  value: string;
}

/** Relative ranges count back from now; `between` is the calendar days `from`…`to` (inclusive). */
export type DateRange = 'any' | 'day' | 'week' | 'month' | 'year' | 'between';

export const DATE_RANGES: readonly DateRange[] = ['any', 'day', 'week', 'month', 'year', 'between'];

export interface ListFilter {
  facet: FacetChoice | null;
  range: DateRange;
  /** Calendar days `YYYY-MM-DD` in the list's time zone, for `between`; either may be absent (open). */
  from?: string;
  to?: string;
}

export const noFilter: ListFilter = { facet: null, range: 'any' };

export type View = 'all' | 'unread' | 'starred';
export const VIEWS: readonly View[] = ['all', 'unread', 'starred'];

export interface ListChoice {
  view: View;
  filter: ListFilter;
  order: ListOrder;
}

/** yyyymmdd of the calendar day an instant falls on, in one time zone; UNDATED_DAY for undated rows. */
export type DayKey = number;

/** The group of undated articles (their file time is no day of theirs): always the last group. */
export const UNDATED_DAY: DayKey = 0;

const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * Day key of an instant. The system zone uses Date's local getters; an explicit zone goes through
 * Intl, cached per quarter hour (every real zone offset is a multiple of 15 minutes).
 */
export function makeDayKey(timeZone?: string): (ms: number) => DayKey {
  if (!timeZone) {
    return (ms) => {
      const d = new Date(ms);
      return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
    };
  }
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const cache = new Map<number, DayKey>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let key = cache.get(bucket);
    if (key === undefined) {
      let y = 0;
      let m = 0;
      let d = 0;
      for (const part of format.formatToParts(ms)) {
        if (part.type === 'year') y = Number(part.value);
        else if (part.type === 'month') m = Number(part.value);
        else if (part.type === 'day') d = Number(part.value);
      }
      key = y * 10000 + m * 100 + d;
      cache.set(bucket, key);
    }
    return key;
  };
}

/** The day an entry is listed under: its date's day, or UNDATED_DAY. */
export function dayOf(entry: Ordered, dayKey: (ms: number) => DayKey): DayKey {
  return isUndated(entry) ? UNDATED_DAY : dayKey(Date.parse(entry.date));
}

/** `YYYY-MM-DD` of a day key ('undated' for UNDATED_DAY), as the CLI's JSON and the date fields write it. */
export function dayKeyToIso(key: DayKey): string {
  if (key === UNDATED_DAY) return 'undated';
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day key of a `YYYY-MM-DD` calendar date, or null when it is not one (2023-02-30 is not). */
export function parseDay(text: string): DayKey | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return y * 10000 + mo * 100 + d;
}

/** First instant (ms) whose day is at or after `key`, found by bisection so any zone works. */
export function startOfDay(key: DayKey, dayKey: (ms: number) => DayKey): number {
  const y = Math.floor(key / 10000);
  const mo = Math.floor(key / 100) % 100;
  const d = key % 100;
  const noonUtc = Date.UTC(y, mo - 1, d, 12);
  // Every zone's midnight of that day lies within 14 hours of the day's UTC noon, give or take 12.
  let lo = noonUtc - 40 * 3600_000;
  let hi = noonUtc + 14 * 3600_000;
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
    if (dayKey(mid) >= key) hi = mid;
    else lo = mid;
  }
  return hi;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RANGE_MS: Record<'day' | 'week' | 'month' | 'year', number> = {
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 31 * DAY_MS,
  year: 366 * DAY_MS,
};

/** The instants a filter's range allows, as inclusive ISO bounds; null for any time. */
interface DateBounds {
  from?: string;
  to?: string;
}

export function rangeBounds(
  filter: ListFilter,
  now: number,
  dayKey: (ms: number) => DayKey,
): DateBounds | null {
  if (filter.range === 'any') return null;
  if (filter.range !== 'between') return { from: new Date(now - RANGE_MS[filter.range]).toISOString() };
  const bounds: DateBounds = {};
  const from = filter.from ? parseDay(filter.from) : null;
  const to = filter.to ? parseDay(filter.to) : null;
  if (from !== null) bounds.from = new Date(startOfDay(from, dayKey)).toISOString();
  if (to !== null) bounds.to = new Date(startOfDay(nextDay(to), dayKey) - 1).toISOString();
  return bounds;
}

/** The calendar day after `key`. */
function nextDay(key: DayKey): DayKey {
  const d = new Date(Date.UTC(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, (key % 100) + 1));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** `folders`: the folder table the articles' `folder` indexes (needed for a folder choice). */
export function matchesFacet(
  article: ListedArticle,
  facet: FacetChoice | null,
  folders: readonly FolderRef[] = [],
): boolean {
  return facetMatcher(facet, folders)(article);
}

/**
 * The test of one facet, made once for a whole list: a folder choice becomes the set of folder
 * numbers it holds, so each article costs one array look-up (not a path built per article).
 */
export function facetMatcher(
  facet: FacetChoice | null,
  folders: readonly FolderRef[] = [],
): (article: ListedArticle) => boolean {
  if (!facet) return () => true;
  const { value } = facet;
  if (facet.kind === 'category') return (a) => a.categories.includes(value);
  if (facet.kind === 'folder') {
    const chosen = folders.map((ref) => inFolder(ref, value));
    return (a) => a.folder !== undefined && chosen[a.folder] === true;
  }
  return (a) => a.author?.trim() === value;
}

/**
 * Whether an entry's date is inside the bounds. An undated article is in no date range: its file
 * time is not its date (it stays in the list when no range is chosen, under "Undated").
 */
function inBounds(entry: Ordered, bounds: DateBounds | null): boolean {
  if (!bounds) return true;
  if (isUndated(entry)) return false;
  return (!bounds.from || entry.date >= bounds.from) && (!bounds.to || entry.date <= bounds.to);
}

interface ListInput<T extends Ordered> {
  choice: ListChoice;
  now: number;
  dayKey: (ms: number) => DayKey;
  /** Every listed article, in the library's order (newest first, undated last). */
  articles: readonly ListedArticle[];
  /** The folder table the articles' `folder` indexes (LibrarySnapshot.folders). */
  folders: readonly FolderRef[];
  starred: readonly StarredEntry[];
  /** The listed article a star stands for (by id, else by content when its file moved). */
  presentOf: (star: StarredEntry) => ListedArticle | undefined;
  /**
   * Whether the Unread view lists an article: unread, or read while that view was showing (the window
   * keeps those until the view is left). Needed for the `unread` view only.
   */
  unread?: (article: ListedArticle) => boolean;
  /** What the caller lists per article (`index` is its place in `articles`) and per star. */
  fromArticle: (article: ListedArticle, index: number) => T;
  fromStar: (star: StarredEntry, present: ListedArticle | undefined) => T;
  /** `articles` mapped by fromArticle already, returned as is when nothing filters (no copy). */
  allMapped?: readonly T[];
}

/** The list for a view, filter and order. */
export function selectList<T extends Ordered>(input: ListInput<T>): readonly T[] {
  const { choice } = input;
  const bounds = rangeBounds(choice.filter, input.now, input.dayKey);
  const facet = choice.filter.facet;
  const inFacet = facetMatcher(facet, input.folders);
  const keep = (a: ListedArticle) => inFacet(a) && inBounds(a, bounds);
  if (choice.view !== 'starred') {
    const unread = choice.view === 'unread' ? (input.unread ?? (() => true)) : null;
    if (!unread && !facet && !bounds && input.allMapped) return inOrder(input.allMapped, choice.order);
    const out: T[] = [];
    const { articles } = input;
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      if (keep(a) && (!unread || unread(a))) out.push(input.fromArticle(a, i));
    }
    return inOrder(out, choice.order);
  }
  const out: T[] = [];
  for (const star of input.starred) {
    const present = input.presentOf(star);
    // A star whose file is gone has no categories or author: a facet hides it, a date range not.
    if (present ? keep(present) : !facet && inBounds(star, bounds)) out.push(input.fromStar(star, present));
  }
  return out.sort(comparatorFor(choice.order));
}

/**
 * Where "go to date" lands in a list in `order`: the first entry on `day`, else the nearest one past
 * it in list order (older when newest first, newer when oldest first); undated entries are never a
 * date's place. -1 when no dated entry is that far. Binary search over the dated run (it is sorted).
 */
export function positionOfDay(
  list: readonly Ordered[],
  day: DayKey,
  order: ListOrder,
  dayKey: (ms: number) => DayKey,
): number {
  let dated = list.length;
  while (dated > 0 && isUndated(list[dated - 1]!)) dated--;
  const reached = (i: number) => {
    const d = dayKey(Date.parse(list[i]!.date));
    return order === 'newest' ? d <= day : d >= day;
  };
  let lo = 0;
  let hi = dated;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo < dated ? lo : -1;
}

/** Consecutive entries of one day: the list's day groups, in list order. */
interface DayGroup<T> {
  day: DayKey;
  entries: T[];
}

export function groupDays<T extends Ordered>(
  list: readonly T[],
  dayKey: (ms: number) => DayKey,
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const entry of list) {
    const day = dayOf(entry, dayKey);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}
