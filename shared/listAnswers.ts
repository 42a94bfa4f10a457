// The answers the headline list asks for, computed from a selected list (shared/listSelection.ts's
// selectList) and from the library's facets: the day groups with their counts, the next unread row,
// and the sidebar's tallies. Pure, so the engine's in-memory list source and the window's fake API
// answer with the same code, and the database's answers can be checked against them.

import { isUndated, type Ordered } from './articleOrder';
import { baseName, folderPath } from './folders';
import type { FacetTally, ListDay, ListPosition, ListQuery, ListRow, SidebarCounts } from './listQuery';
import { type DayKey, selectList, UNDATED_DAY } from './listSelection';
import type { FolderRef, ListedArticle, StarredEntry } from './types';

/** A day group of a list before its unread rows are counted. */
export interface DayRun {
  day: DayKey;
  count: number;
}

/**
 * The day groups of a list in list order. The dated rows are sorted by date (either way), so their
 * days only move one way: each day's end is found by galloping and bisection over the rows (a few
 * day look-ups per day, not one per row: at 100,000 rows in an explicit zone each look-up is an
 * Intl call). Undated rows, always last, are one group.
 */
export function dayRuns<T extends Ordered>(list: readonly T[], dayKey: (ms: number) => DayKey): DayRun[] {
  let dated = list.length;
  while (dated > 0 && isUndated(list[dated - 1]!)) dated--;
  const keyAt = (i: number) => dayKey(Date.parse(list[i]!.date));
  const runs: DayRun[] = [];
  let i = 0;
  while (i < dated) {
    const day = keyAt(i);
    // Gallop: the last row known on `day` is lo; hi is past the day (or the dated run).
    let lo = i;
    let step = 1;
    let hi = dated;
    while (lo + step < dated) {
      if (keyAt(lo + step) !== day) {
        hi = lo + step;
        break;
      }
      lo += step;
      step *= 2;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (keyAt(mid) === day) lo = mid;
      else hi = mid;
    }
    runs.push({ day, count: hi - i });
    i = hi;
  }
  if (dated < list.length) runs.push({ day: UNDATED_DAY, count: list.length - dated });
  return runs;
}

/** The day groups with their unread rows (`unread` says whether an entry counts as unread). */
export function countDays<T>(
  list: readonly T[],
  runs: readonly DayRun[],
  unread: (entry: T) => boolean,
): ListDay[] {
  const days: ListDay[] = [];
  let i = 0;
  for (const run of runs) {
    let n = 0;
    const end = i + run.count;
    for (; i < end; i++) if (unread(list[i]!)) n++;
    days.push({ day: run.day, count: run.count, unread: n });
  }
  return days;
}

/**
 * The day groups of a list in list order, each with its rows and its unread rows. The groups'
 * counts add up to the list's length.
 */
export function listDays<T extends Ordered>(
  list: readonly T[],
  dayKey: (ms: number) => DayKey,
  unread: (entry: T) => boolean,
): ListDay[] {
  return countDays(list, dayRuns(list, dayKey), unread);
}

/** What a selected list holds: a listed article, or a star whose article is not listed. */
export type ListEntry = ListedArticle | StarredEntry;

export function isStarEntry(entry: ListEntry): entry is StarredEntry {
  return 'starredAt' in entry;
}

/** What a row says besides its entry: read marks, progress and stars, as the caller holds them. */
export interface RowState {
  isRead(id: string): boolean;
  /** How far an article was read, 0–1 (0: never started). */
  progress(id: string): number;
  /** Whether a listed article is starred (by its id or its content). */
  isStarred(article: ListedArticle): boolean;
}

/** A row counts as unread unless read; a star whose file is gone has nothing to read. */
export function isUnreadEntry(entry: ListEntry, isRead: (id: string) => boolean): boolean {
  if (isStarEntry(entry) && entry.missing) return false;
  return !isRead(entry.id);
}

/** The row the list shows for an entry. */
export function toListRow(entry: ListEntry, state: RowState): ListRow {
  const progress = state.progress(entry.id);
  let row: ListRow;
  if (isStarEntry(entry)) {
    row = {
      id: entry.id,
      contentHash: entry.contentHash,
      title: entry.title,
      date: entry.date,
      source: '',
      missing: entry.missing,
      starred: true,
      read: state.isRead(entry.id),
    };
    if (entry.closedFolder) row.closedFolder = entry.closedFolder;
  } else {
    row = {
      id: entry.id,
      contentHash: entry.contentHash,
      title: entry.title,
      date: entry.date,
      source: entry.author?.trim() || entry.categories[0] || '',
      missing: false,
      starred: state.isStarred(entry),
      read: state.isRead(entry.id),
    };
    if (isUndated(entry)) row.undated = true;
  }
  if (progress > 0) row.progress = progress;
  return row;
}

/** Stars follow content: a test for "is this article starred" by its id or its content fingerprint. */
export function starredTest(starred: readonly StarredEntry[]): (article: ListedArticle) => boolean {
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const star of starred) {
    ids.add(star.id);
    hashes.add(star.contentHash);
  }
  return (article) => ids.has(article.id) || hashes.has(article.contentHash);
}

/** What a list is selected from: the library as its holder keeps it. */
export interface ListLibrary {
  /** Every listed article, in the library's order (newest first, undated last). */
  articles: readonly ListedArticle[];
  /** The folder table the articles' `folder` indexes. */
  folders: readonly FolderRef[];
  starred: readonly StarredEntry[];
  /** The listed article a star stands for (by id, else by content when its file moved). */
  presentOf(star: StarredEntry): ListedArticle | undefined;
  isRead(id: string): boolean;
}

/** The entries a query lists, in list order: selectList with the query's clock, zone and kept-unread ids. */
export function selectEntries(
  library: ListLibrary,
  query: ListQuery,
  dayKey: (ms: number) => DayKey,
): readonly ListEntry[] {
  const keptUnread = query.view === 'unread' ? new Set(query.keptUnread) : null;
  return selectList<ListEntry>({
    choice: { view: query.view, filter: query.filter, order: query.order },
    now: query.now,
    dayKey,
    articles: library.articles,
    folders: library.folders,
    starred: library.starred,
    presentOf: (star) => library.presentOf(star),
    unread: (article) => !library.isRead(article.id) || keptUnread?.has(article.id) === true,
    fromArticle: (article) => article,
    fromStar: (star, present) => present ?? star,
    allMapped: library.articles,
  });
}

/** Unread entries of a list. */
export function countUnread<T>(list: readonly T[], unread: (entry: T) => boolean): number {
  let n = 0;
  for (const entry of list) if (unread(entry)) n++;
  return n;
}

/**
 * The first unread entry after (direction 1) or before (-1) index `from`, which may lie outside
 * the list (-1: before the first, list.length: after the last); null when there is none that way.
 */
export function findUnreadIn<T extends { id: string }>(
  list: readonly T[],
  from: number,
  direction: 1 | -1,
  unread: (entry: T) => boolean,
): ListPosition | null {
  const n = list.length;
  let i = direction === 1 ? Math.max(from + 1, 0) : Math.min(from - 1, n - 1);
  for (; i >= 0 && i < n; i += direction) {
    const entry = list[i]!;
    if (unread(entry)) return { index: i, id: entry.id };
  }
  return null;
}

/** Two names in the sidebar's order: by the locale's rules, then (where those tie) by code units. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Most used first, then by name (the sidebar's order for categories and sources). */
export function byCountThenName(a: FacetTally, b: FacetTally): number {
  return b.count - a.count || compareNames(a.value, b.value);
}

/** What the sidebar counts of one article. */
export interface TallyMember {
  id: string;
  categories: readonly string[];
  author?: string;
  /** An index into the folder table (ListedArticle's `folder`). */
  folder?: number;
}

interface Count {
  count: number;
  unread: number;
}

interface Counted {
  categories: readonly string[];
  author: string | undefined;
  folder: number | undefined;
  unread: boolean;
}

/**
 * The sidebar's counts kept up to date one article and one read mark at a time: an upsert, a
 * removal or a mark costs the facets of that article, never a pass over the library. The sorted
 * lists are made on demand and kept until the next change.
 */
export class SidebarTally {
  private readonly members = new Map<string, Counted>();
  private readonly categories = new Map<string, Count>();
  private readonly authors = new Map<string, Count>();
  private readonly folders = new Map<number, Count>();
  private total = 0;
  private unread = 0;
  private cached: { table: readonly FolderRef[]; counts: Omit<SidebarCounts, 'version'> } | null = null;

  /** Adds an article, or replaces the one with its id. */
  set(member: TallyMember, unread: boolean): void {
    this.delete(member.id);
    const counted: Counted = {
      categories: member.categories,
      author: member.author?.trim() || undefined,
      folder: member.folder,
      unread,
    };
    this.members.set(member.id, counted);
    this.apply(counted, 1, unread ? 1 : 0);
  }

  delete(id: string): void {
    const counted = this.members.get(id);
    if (!counted) return;
    this.members.delete(id);
    this.apply(counted, -1, counted.unread ? -1 : 0);
  }

  /** An article became read or unread (an id not counted is ignored: its article is not listed). */
  setUnread(id: string, unread: boolean): void {
    const counted = this.members.get(id);
    if (!counted || counted.unread === unread) return;
    counted.unread = unread;
    this.apply(counted, 0, unread ? 1 : -1);
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  get size(): number {
    return this.members.size;
  }

  private apply(counted: Counted, count: number, unread: number): void {
    this.total += count;
    this.unread += unread;
    for (const category of new Set(counted.categories)) bump(this.categories, category, count, unread);
    if (counted.author !== undefined) bump(this.authors, counted.author, count, unread);
    if (counted.folder !== undefined) bump(this.folders, counted.folder, count, unread);
    this.cached = null;
  }

  /** The counts as the sidebar lists them; `table` is the folder table the `folder` numbers index. */
  counts(table: readonly FolderRef[]): Omit<SidebarCounts, 'version'> {
    if (this.cached?.table !== table) {
      this.cached = {
        table,
        counts: {
          total: this.total,
          unread: this.unread,
          categories: tallies(this.categories),
          authors: tallies(this.authors),
          folders: folderTallies(table, this.folders),
        },
      };
    }
    return this.cached.counts;
  }
}

function bump<K>(map: Map<K, Count>, key: K, count: number, unread: number): void {
  const c = map.get(key);
  if (!c) {
    if (count > 0) map.set(key, { count, unread });
    return;
  }
  c.count += count;
  c.unread += unread;
  if (c.count <= 0) map.delete(key);
}

function tallies(map: ReadonlyMap<string, Count>): FacetTally[] {
  const out: FacetTally[] = [];
  for (const [value, c] of map) out.push({ value, count: c.count, unread: c.unread });
  return out.sort(byCountThenName);
}

/**
 * The Folders list: each root (every article under it) by its name then path, each followed by its
 * top-level folders by name. A folder without articles is left out (the window adds the open roots
 * that have none). `counts` is by folder number.
 */
export function folderTallies(table: readonly FolderRef[], counts: ReadonlyMap<number, Count>): FacetTally[] {
  const roots = new Map<string, { tally: FacetTally; children: FacetTally[] }>();
  table.forEach((ref, n) => {
    const c = counts.get(n);
    if (!c || c.count === 0) return;
    let root = roots.get(ref.root);
    if (!root) {
      root = { tally: { value: ref.root, count: 0, unread: 0 }, children: [] };
      roots.set(ref.root, root);
    }
    root.tally.count += c.count;
    root.tally.unread += c.unread;
    if (ref.name !== undefined)
      root.children.push({ value: folderPath(ref), count: c.count, unread: c.unread });
  });
  const out: FacetTally[] = [];
  const sorted = [...roots.values()].sort(
    (a, b) =>
      compareNames(baseName(a.tally.value), baseName(b.tally.value)) ||
      compareNames(a.tally.value, b.tally.value),
  );
  for (const root of sorted) {
    out.push(root.tally);
    out.push(...root.children.sort((a, b) => compareNames(a.value, b.value)));
  }
  return out;
}
