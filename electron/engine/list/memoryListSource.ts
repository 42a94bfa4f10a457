// The headline list answered from what the engine holds in memory: the listed articles, the folder
// table, the stars and the read marks, selected by shared/listSelection.ts's selectList (the rules
// themselves) and counted by shared/listAnswers.ts. A selected list is kept per query and list
// version (a few queries), so scrolling asks for rows at the cost of the rows, not of a selection.

import {
  countDays,
  type DayRun,
  dayRuns,
  findUnreadIn,
  isUnreadEntry,
  type ListEntry,
  type SidebarTally,
  selectEntries,
  starredTest,
  toListRow,
} from '../../../shared/listAnswers';
import {
  LIST_ROWS_LIMIT,
  type ListDay,
  type ListPosition,
  type ListQuery,
  type ListRow,
  type ListShape,
  type SidebarCounts,
} from '../../../shared/listQuery';
import { type DayKey, makeDayKey } from '../../../shared/listSelection';
import type { FolderRef, ListedArticle, StarredEntry } from '../../../shared/types';
import type { ListSource } from './ListSource';

export interface MemoryListDeps {
  /** The list version: bumped by every change of the articles, the stars or the read marks. */
  version(): number;
  /**
   * Bumped by every change of the articles or the stars, not of the read marks: a read mark leaves
   * the lists of the other views as they are (only their unread counts change).
   */
  entriesVersion(): number;
  /** Every listed article, in the library's order (newest first, undated last). */
  articles(): readonly ListedArticle[];
  /** The folder table the articles' `folder` indexes. */
  folders(): readonly FolderRef[];
  starred(): readonly StarredEntry[];
  /** The listed article a star stands for (by id, else by content when its file moved). */
  presentOf(star: StarredEntry): ListedArticle | undefined;
  isRead(id: string): boolean;
  /** How far an article was read, 0–1 (0: never started). */
  progress(id: string): number;
  /** The sidebar's counts, kept up to date as articles and marks change. */
  tally: SidebarTally;
}

type Entry = ListEntry;

interface Selected {
  key: string;
  /** What the list was selected under: entriesVersion, or version for the Unread view. */
  version: number;
  list: readonly Entry[];
  dayKey: (ms: number) => DayKey;
  /** The day groups, made on first need. */
  runs?: DayRun[];
  /** The unread counts, under the list version they were counted at. */
  counted?: { version: number; unread: number; days: ListDay[] };
}

/** Selected lists kept at once (the list shown, and the one or two it was just switched from). */
const KEPT_SELECTIONS = 4;
/** Time zones whose day functions are kept (each holds an Intl formatter and a cache). */
const KEPT_ZONES = 8;

export class MemoryListSource implements ListSource {
  /** Most recently used last. */
  private readonly selections: Selected[] = [];
  private readonly zones = new Map<string, (ms: number) => DayKey>();
  private starTest: { from: readonly StarredEntry[]; test: (article: ListedArticle) => boolean } | null =
    null;

  constructor(private readonly deps: MemoryListDeps) {}

  shape(query: ListQuery): ListShape {
    const version = this.deps.version();
    const selected = this.select(query);
    selected.runs ??= dayRuns(selected.list, selected.dayKey);
    if (selected.counted?.version !== version) {
      const days = countDays(selected.list, selected.runs, (entry) => this.isUnread(entry));
      let unread = 0;
      for (const day of days) unread += day.unread;
      selected.counted = { version, unread, days };
    }
    return {
      version,
      total: selected.list.length,
      unread: selected.counted.unread,
      days: selected.counted.days,
    };
  }

  rows(query: ListQuery, offset: number, limit: number): ListRow[] {
    const { list } = this.select(query);
    const end = Math.min(list.length, offset + Math.max(0, Math.min(limit, LIST_ROWS_LIMIT)));
    const rows: ListRow[] = [];
    for (let i = Math.max(0, offset); i < end; i++) rows.push(this.row(list[i]!));
    return rows;
  }

  position(query: ListQuery, id: string): number {
    const { list } = this.select(query);
    for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return i;
    return -1;
  }

  findUnread(query: ListQuery, from: number, direction: 1 | -1): ListPosition | null {
    return findUnreadIn(this.select(query).list, from, direction, (entry) => this.isUnread(entry));
  }

  ids(query: ListQuery, from: number): string[] {
    const { list } = this.select(query);
    const out: string[] = [];
    for (let i = Math.max(0, from); i < list.length; i++) out.push(list[i]!.id);
    return out;
  }

  sidebar(): SidebarCounts {
    return { version: this.deps.version(), ...this.deps.tally.counts(this.deps.folders()) };
  }

  private isUnread(entry: Entry): boolean {
    return isUnreadEntry(entry, (id) => this.deps.isRead(id));
  }

  private row(entry: Entry): ListRow {
    const starred = this.deps.starred();
    if (this.starTest?.from !== starred) this.starTest = { from: starred, test: starredTest(starred) };
    const { deps } = this;
    return toListRow(entry, {
      isRead: (id) => deps.isRead(id),
      progress: (id) => deps.progress(id),
      isStarred: this.starTest.test,
    });
  }

  /** The list a query selects, from the kept ones when the library has not changed since. */
  private select(query: ListQuery): Selected {
    const key = queryKey(query);
    // The Unread view's rows depend on the read marks; the others' only on the articles and stars.
    const version = query.view === 'unread' ? this.deps.version() : this.deps.entriesVersion();
    const kept = this.selections.findIndex((s) => s.key === key);
    if (kept >= 0) {
      const selected = this.selections[kept]!;
      this.selections.splice(kept, 1);
      if (selected.version === version) {
        this.selections.push(selected);
        return selected;
      }
    }
    const dayKey = this.dayKeyFor(query.timeZone);
    const { deps } = this;
    const library = {
      articles: deps.articles(),
      folders: deps.folders(),
      starred: deps.starred(),
      presentOf: (star: StarredEntry) => deps.presentOf(star),
      isRead: (id: string) => deps.isRead(id),
    };
    const list = selectEntries(library, query, dayKey);
    const selected: Selected = { key, version, list, dayKey };
    this.selections.push(selected);
    if (this.selections.length > KEPT_SELECTIONS) this.selections.shift();
    return selected;
  }

  private dayKeyFor(timeZone: string): (ms: number) => DayKey {
    let dayKey = this.zones.get(timeZone);
    if (!dayKey) {
      dayKey = makeDayKey(timeZone || undefined);
      if (this.zones.size >= KEPT_ZONES) this.zones.clear();
      this.zones.set(timeZone, dayKey);
    }
    return dayKey;
  }
}

/**
 * What makes two queries select the same list: the clock only counts for a relative range, the
 * kept-unread ids only in the Unread view.
 */
function queryKey(query: ListQuery): string {
  const { filter } = query;
  const relative = filter.range !== 'any' && filter.range !== 'between';
  return JSON.stringify([
    query.view,
    query.order,
    query.timeZone,
    filter.facet?.kind ?? null,
    filter.facet?.value ?? null,
    filter.range,
    filter.range === 'between' ? (filter.from ?? null) : null,
    filter.range === 'between' ? (filter.to ?? null) : null,
    relative ? query.now : null,
    query.view === 'unread' ? query.keptUnread : null,
  ]);
}
