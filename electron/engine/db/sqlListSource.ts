// The headline list answered from the library database (engine/list/ListSource.ts): every answer
// equals shared/listSelection.ts selectList over the whole library (the tests' oracle), without the
// library in memory. The All and Unread views are walks of the list_order index (schema.ts
// LIST_SCHEMA): the shape is one pass over the matching index entries, grouped by calendar day in the
// query's zone (zoneDays.ts); a page, a position or the next unread row starts at its day group's
// first instant (an index seek), so it costs the rows of one day, not the rows before it. The
// Starred view is the stars' own list (bounded by what the user starred), sorted here.
// What a query resolves to (its shape and groups) is kept until the database, the stars or the read
// marks change.

import type Database from 'better-sqlite3';
import { comparatorFor, isUndated, type ListOrder } from '../../../shared/articleOrder';
import { starredTest } from '../../../shared/listAnswers';
import {
  LIST_ROWS_LIMIT,
  type ListDay,
  type ListPosition,
  type ListQuery,
  type ListRow,
  type ListShape,
  type SidebarCounts,
} from '../../../shared/listQuery';
import { type DayKey, groupDays, makeDayKey, rangeBounds, UNDATED_DAY } from '../../../shared/listSelection';
import type { DateSource, ListedArticle, StarredEntry } from '../../../shared/types';
import type { ListSource } from '../list/ListSource';
import { pathRange } from './articleRow';
import {
  and,
  beforeWhere,
  boundsWhere,
  facetWhere,
  fromDayWhere,
  type IsoBounds,
  type ListScope,
  orderBy,
  scopeWhere,
  viewWhere,
  type Where,
} from './listWhere';
import { sidebarCounts } from './sidebarCounts';
import { type ZoneDays, zoneDays } from './zoneDays';

export interface SqlListDeps {
  /** The folders whose articles are the library (the open roots; the CLI's folder). */
  folders(): readonly string[];
  /** The stars, matched to the library (LibraryStars.starred, FolderLibrary.starred). */
  starred(): readonly StarredEntry[];
  /** How far an article was read (0–1), from the read-marks store. */
  progressOf(id: string): number | undefined;
  /** The list version the engine counts (ListShape.version). */
  version(): number;
}

/** One day group of the dated run, in list order. */
interface Group {
  /** zoneDays day number. */
  day: number;
  start: number;
  count: number;
  unread: number;
}

interface IndexPlan {
  kind: 'index';
  order: ListOrder;
  dated: Where;
  /** Null when a date range is chosen (undated articles are in none). */
  undated: Where | null;
  zone: ZoneDays;
  groups: Group[];
  datedTotal: number;
  undatedCount: number;
  undatedUnread: number;
  shape: ListShape;
}

interface StarPlan {
  kind: 'stars';
  rows: ListRow[];
  shape: ListShape;
}

type Plan = IndexPlan | StarPlan;

interface ArticleRowData {
  key: number;
  id: string;
  content_hash: string;
  title: string;
  date: string;
  date_source: string;
  author: string | null;
  categories: string;
  read: number;
}

const ROW_COLUMNS =
  'a.key, a.id, a.content_hash, a.title, a.date, a.date_source, a.author, a.categories, e.read';

export class SqlListSource implements ListSource {
  private readonly plans = new Map<string, Plan>();
  private stamp = '';
  private scopeCache: ListScope | null = null;
  private sidebarCache: SidebarCounts | null = null;
  private readonly dayKeys = new Map<string, (ms: number) => DayKey>();
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database.Database,
    private readonly deps: SqlListDeps,
  ) {
    this.statements = prepare(db);
  }

  // ---- The questions -------------------------------------------------------------------------

  shape(query: ListQuery): ListShape {
    return this.plan(query).shape;
  }

  rows(query: ListQuery, offset: number, limit: number): ListRow[] {
    const plan = this.plan(query);
    const count = Math.max(0, Math.min(Math.floor(limit), LIST_ROWS_LIMIT));
    const from = Math.max(0, Math.floor(offset));
    if (plan.kind === 'stars') return plan.rows.slice(from, from + count);
    const keys = this.keysFrom(plan, from, count);
    return keys.map((k) => this.rowOf(k));
  }

  position(query: ListQuery, id: string): number {
    const plan = this.plan(query);
    if (plan.kind === 'stars') return plan.rows.findIndex((r) => r.id === id);
    const entry = this.statements.entryById.get(id) as
      | { key: number; undated: number; date: string; id: string; ms: number | null }
      | undefined;
    if (!entry) return -1;
    const run = entry.undated ? plan.undated : plan.dated;
    if (!run || !this.get(and(run, { sql: 'e.key = ?', params: [entry.key] }), 'SELECT 1 AS n')) return -1;
    const before = beforeWhere(plan.order, entry.date, entry.id);
    if (entry.undated) return plan.datedTotal + this.count(and(run, before));
    const g = entry.ms === null ? -1 : this.groupOfDay(plan, plan.zone.dayOf(entry.ms));
    if (g < 0) return this.count(and(run, before));
    return plan.groups[g]!.start + this.count(and(run, this.fromGroup(plan, g), before));
  }

  findUnread(query: ListQuery, from: number, direction: 1 | -1): ListPosition | null {
    const plan = this.plan(query);
    if (plan.kind === 'stars') {
      const n = plan.rows.length;
      for (
        let i = direction === 1 ? Math.max(from + 1, 0) : Math.min(from - 1, n - 1);
        i >= 0 && i < n;
        i += direction
      )
        if (unreadRow(plan.rows[i]!)) return { index: i, id: plan.rows[i]!.id };
      return null;
    }
    const total = plan.shape.total;
    // The groups of the list (the undated run as the last), skipping those with nothing unread.
    const spans = plan.groups.map((g, i) => ({ start: g.start, count: g.count, unread: g.unread, group: i }));
    if (plan.undatedCount > 0)
      spans.push({ start: plan.datedTotal, count: plan.undatedCount, unread: plan.undatedUnread, group: -1 });
    const first = Math.min(Math.max(from + direction, 0), total - 1);
    if (direction === 1 ? from + direction >= total : from + direction < 0) return null;
    let s = spanAt(spans, first);
    for (; s >= 0 && s < spans.length; s += direction) {
      const span = spans[s]!;
      if (span.unread === 0) continue;
      // Indices of this span to look at: from `first` on (forwards) or up to it (backwards).
      const lo = direction === 1 ? Math.max(span.start, first) : span.start;
      const hi = direction === 1 ? span.start + span.count : Math.min(span.start + span.count, first + 1);
      if (hi <= lo) continue;
      const rows = this.entriesFrom(plan, span.group, lo, hi - lo);
      const order = direction === 1 ? rows : rows.reverse();
      for (const r of order) if (!r.read) return { index: r.index, id: r.id };
    }
    return null;
  }

  ids(query: ListQuery, from: number): string[] {
    const plan = this.plan(query);
    const start = Math.max(0, Math.floor(from));
    if (plan.kind === 'stars') return plan.rows.slice(start).map((r) => r.id);
    const out: string[] = [];
    if (start < plan.datedTotal) {
      const g = groupAt(plan.groups, start);
      const where = and(plan.dated, this.fromGroup(plan, g));
      const sql = `SELECT e.id FROM list_entries e WHERE ${where.sql} ORDER BY ${orderBy(plan.order)} LIMIT -1 OFFSET ?`;
      for (const r of this.db.prepare(sql).iterate(...where.params, start - plan.groups[g]!.start))
        out.push((r as { id: string }).id);
    }
    if (plan.undated && plan.undatedCount > 0) {
      const skip = Math.max(0, start - plan.datedTotal);
      const sql = `SELECT e.id FROM list_entries e WHERE ${plan.undated.sql} ORDER BY ${orderBy(plan.order)} LIMIT -1 OFFSET ?`;
      for (const r of this.db.prepare(sql).iterate(...plan.undated.params, skip))
        out.push((r as { id: string }).id);
    }
    return out;
  }

  sidebar(): SidebarCounts {
    this.refreshStamp();
    this.sidebarCache ??= sidebarCounts(
      this.db,
      this.deps.folders(),
      scopeWhere(this.scope()),
      this.deps.version(),
    );
    return this.sidebarCache;
  }

  // ---- Plans ---------------------------------------------------------------------------------

  /** Drops what was worked out when the database (any connection), the stars or the marks changed. */
  private refreshStamp(): void {
    const changes = (this.statements.changes.get() as { n: number }).n;
    const stamp = `${this.deps.version()}:${changes}:${this.db.pragma('data_version', { simple: true })}`;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.plans.clear();
    this.scopeCache = null;
    this.sidebarCache = null;
  }

  private dayKeyOf(timeZone: string): (ms: number) => DayKey {
    let f = this.dayKeys.get(timeZone);
    if (!f) {
      f = makeDayKey(timeZone || undefined);
      this.dayKeys.set(timeZone, f);
    }
    return f;
  }

  private plan(query: ListQuery): Plan {
    this.refreshStamp();
    const dayKey = this.dayKeyOf(query.timeZone);
    const bounds = rangeBounds(query.filter, query.now, dayKey);
    const id = JSON.stringify([
      query.view,
      query.filter.facet,
      bounds,
      query.order,
      query.timeZone,
      query.view === 'unread' ? query.keptUnread : [],
    ]);
    let plan = this.plans.get(id);
    if (!plan) {
      plan = query.view === 'starred' ? this.starPlan(query, bounds, dayKey) : this.indexPlan(query, bounds);
      if (this.plans.size > 32) this.plans.clear();
      this.plans.set(id, plan);
    }
    return plan;
  }

  private scope(): ListScope {
    if (this.scopeCache) return this.scopeCache;
    const folders = this.deps.folders();
    const s = this.statements;
    this.scopeCache = {
      folders: this.hasArticlesOutside(folders) ? folders : null,
      folderTest: (chosen) => {
        const root = s.anyRoot.get(chosen) !== undefined;
        if (!root) return 'folder';
        return s.anyFolderElsewhere.get(chosen, chosen) !== undefined ? 'both' : 'root';
      },
    };
    return this.scopeCache;
  }

  private hasArticlesOutside(folders: readonly string[]): boolean {
    const ranges = folders.map(pathRange).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    let from = '';
    for (const [lo, hi] of ranges) {
      if (lo > from && this.statements.anyPathBetween.get(from, lo)) return true;
      if (hi > from) from = hi;
    }
    return this.statements.anyPathFrom.get(from) !== undefined;
  }

  private indexPlan(query: ListQuery, bounds: IsoBounds | null): IndexPlan {
    const scope = this.scope();
    const common = and(
      scopeWhere(scope),
      facetWhere(query.filter.facet, scope),
      viewWhere(query.view, query.keptUnread),
    );
    const dated = and({ sql: 'e.undated = 0', params: [] }, common, boundsWhere(bounds));
    const undated = bounds ? null : and({ sql: 'e.undated = 1', params: [] }, common);
    const newest = (this.statements.newestDate.get() as { ms: number } | undefined)?.ms ?? 0;
    const oldest = (this.statements.oldestDate.get() as { ms: number } | undefined)?.ms ?? 0;
    const zone = zoneDays(query.timeZone, 'e.ms', oldest, newest);
    const byDay = this.db
      .prepare(
        `SELECT ${zone.daySql} AS d, count(*) AS n, sum(e.read) AS r FROM list_entries e WHERE ${dated.sql} GROUP BY d`,
      )
      .all(...dated.params) as { d: number | null; n: number; r: number }[];
    const days = new Map<number, { n: number; r: number }>();
    for (const row of byDay) {
      if (row.d !== null) days.set(row.d, { n: row.n, r: row.r });
      else this.addUnreadableDates(dated, zone, days);
    }
    const sorted = [...days.keys()].sort((a, b) => (query.order === 'newest' ? b - a : a - b));
    const groups: Group[] = [];
    const listDays: ListDay[] = [];
    let start = 0;
    let unread = 0;
    for (const day of sorted) {
      const { n, r } = days.get(day)!;
      groups.push({ day, start, count: n, unread: n - r });
      listDays.push({ day: zone.dayKeyOf(day), count: n, unread: n - r });
      start += n;
      unread += n - r;
    }
    const datedTotal = start;
    let undatedCount = 0;
    let undatedUnread = 0;
    if (undated) {
      const u = this.db
        .prepare(
          `SELECT count(*) AS n, coalesce(sum(e.read), 0) AS r FROM list_entries e WHERE ${undated.sql}`,
        )
        .get(...undated.params) as { n: number; r: number };
      undatedCount = u.n;
      undatedUnread = u.n - u.r;
      if (u.n > 0) listDays.push({ day: UNDATED_DAY, count: u.n, unread: undatedUnread });
    }
    return {
      kind: 'index',
      order: query.order,
      dated,
      undated,
      zone,
      groups,
      datedTotal,
      undatedCount,
      undatedUnread,
      shape: {
        version: this.deps.version(),
        total: datedTotal + undatedCount,
        unread: unread + undatedUnread,
        days: listDays,
      },
    };
  }

  /** Dated rows whose year SQLite cannot read (ms NULL): their days from JS. */
  private addUnreadableDates(
    dated: Where,
    zone: ZoneDays,
    days: Map<number, { n: number; r: number }>,
  ): void {
    const rows = this.db
      .prepare(
        `SELECT e.date AS date, e.read AS read FROM list_entries e WHERE ${dated.sql} AND e.ms IS NULL`,
      )
      .all(...dated.params) as { date: string; read: number }[];
    for (const row of rows) {
      const day = zone.dayOf(Date.parse(row.date));
      const d = days.get(day) ?? { n: 0, r: 0 };
      d.n++;
      d.r += row.read;
      days.set(day, d);
    }
  }

  private starPlan(query: ListQuery, bounds: IsoBounds | null, dayKey: (ms: number) => DayKey): StarPlan {
    const scope = this.scope();
    const facet = query.filter.facet;
    const listed = scopeWhere(scope);
    const inFacet = facetWhere(facet, scope);
    const inBounds = (date: string) =>
      !bounds || ((!bounds.from || date >= bounds.from) && (!bounds.to || date <= bounds.to));
    const rows: ListRow[] = [];
    for (const star of this.deps.starred()) {
      const present = this.presentOf(star, listed);
      if (present !== undefined) {
        // A star whose article is listed shows under its facet and date only.
        if (!this.get(and(inFacet, { sql: 'e.key = ?', params: [present] }), 'SELECT 1 AS n')) continue;
        const row = this.rowOf(present);
        if (bounds && (row.undated || !inBounds(row.date))) continue;
        rows.push({ ...row, starred: true });
      } else if (!facet && inBounds(star.date)) {
        const row: ListRow = {
          id: star.id,
          contentHash: star.contentHash,
          title: star.title,
          date: star.date,
          source: '',
          missing: star.missing,
          starred: true,
          read: this.statements.isRead.get(star.id) !== undefined,
        };
        if (star.closedFolder) row.closedFolder = star.closedFolder;
        const progress = this.deps.progressOf(star.id);
        if (progress !== undefined && progress > 0) row.progress = progress;
        rows.push(row);
      }
    }
    rows.sort(comparatorFor(query.order));
    const days: ListDay[] = groupDays(rows, dayKey).map((g) => ({
      day: g.day,
      count: g.entries.length,
      unread: g.entries.filter(unreadRow).length,
    }));
    return {
      kind: 'stars',
      rows,
      shape: {
        version: this.deps.version(),
        total: rows.length,
        unread: rows.filter(unreadRow).length,
        days,
      },
    };
  }

  /**
   * The listed article a star stands for (shared/listSelection presentOf): by id, else by content
   * (its file moved); of several copies, the last in the library's order (as a Map by content keeps).
   */
  private presentOf(star: StarredEntry, scope: Where): number | undefined {
    const listed = (key: number) =>
      this.get(and(scope, { sql: 'e.key = ?', params: [key] }), 'SELECT 1 AS n');
    const entry = this.statements.entryById.get(star.id) as { key: number } | undefined;
    if (entry && listed(entry.key)) return entry.key;
    for (const r of this.statements.keysByHash.iterate(star.contentHash)) {
      const key = (r as { key: number }).key;
      if (listed(key)) return key;
    }
    return undefined;
  }

  // ---- Rows ----------------------------------------------------------------------------------

  private rowOf(key: number): ListRow {
    const r = this.statements.rowByKey.get(key) as ArticleRowData;
    const categories = JSON.parse(r.categories) as string[];
    const row: ListRow = {
      id: r.id,
      contentHash: r.content_hash,
      title: r.title,
      date: r.date,
      source: r.author?.trim() || categories[0] || '',
      missing: false,
      starred: this.isStarred(r.id, r.content_hash),
      read: r.read === 1,
    };
    if (isUndated({ dateSource: r.date_source as DateSource })) row.undated = true;
    const progress = this.deps.progressOf(r.id);
    if (progress !== undefined && progress > 0) row.progress = progress;
    return row;
  }

  private starredCache: { of: readonly StarredEntry[]; test: (a: ListedArticle) => boolean } | null = null;

  /** Stars follow content (shared/listAnswers starredTest): starred by its id or its content. */
  private isStarred(id: string, contentHash: string): boolean {
    const stars = this.deps.starred();
    if (this.starredCache?.of !== stars) this.starredCache = { of: stars, test: starredTest(stars) };
    return this.starredCache.test({ id, contentHash } as ListedArticle);
  }

  /** Keys of rows offset… (at most `count`), dated run then undated run. */
  private keysFrom(plan: IndexPlan, offset: number, count: number): number[] {
    const keys: number[] = [];
    if (count === 0) return keys;
    if (offset < plan.datedTotal) {
      const g = groupAt(plan.groups, offset);
      const where = and(plan.dated, this.fromGroup(plan, g));
      const sql = `SELECT e.key AS key FROM list_entries e WHERE ${where.sql} ORDER BY ${orderBy(plan.order)} LIMIT ? OFFSET ?`;
      for (const r of this.db.prepare(sql).all(...where.params, count, offset - plan.groups[g]!.start))
        keys.push((r as { key: number }).key);
    }
    if (plan.undated && keys.length < count && offset + keys.length >= plan.datedTotal) {
      const skip = offset + keys.length - plan.datedTotal;
      const sql = `SELECT e.key AS key FROM list_entries e WHERE ${plan.undated.sql} ORDER BY ${orderBy(plan.order)} LIMIT ? OFFSET ?`;
      for (const r of this.db.prepare(sql).all(...plan.undated.params, count - keys.length, skip))
        keys.push((r as { key: number }).key);
    }
    return keys;
  }

  /** Rows lo…lo+count of one span (a day group, or -1: the undated run) with their index and state. */
  private entriesFrom(
    plan: IndexPlan,
    group: number,
    lo: number,
    count: number,
  ): { index: number; id: string; read: boolean }[] {
    const run = group < 0 ? plan.undated! : and(plan.dated, this.fromGroup(plan, group));
    const skip = lo - (group < 0 ? plan.datedTotal : plan.groups[group]!.start);
    const sql = `SELECT e.id AS id, e.read AS read FROM list_entries e WHERE ${run.sql} ORDER BY ${orderBy(plan.order)} LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...run.params, count, skip) as { id: string; read: number }[]).map(
      (r, i) => ({ index: lo + i, id: r.id, read: r.read === 1 }),
    );
  }

  /** Dated rows from group g's first row on, in list order (an index seek to its day's edge). */
  private fromGroup(plan: IndexPlan, g: number): Where {
    const day = plan.groups[g]?.day;
    if (day === undefined) return { sql: '1', params: [] };
    const iso = (ms: number) => new Date(ms).toISOString();
    return fromDayWhere(plan.order, iso(plan.zone.firstMsOf(day)), iso(plan.zone.firstMsOf(day + 1)));
  }

  private groupOfDay(plan: IndexPlan, day: number): number {
    const { groups } = plan;
    let lo = 0;
    let hi = groups.length - 1;
    const newest = plan.order === 'newest';
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = groups[mid]!.day;
      if (d === day) return mid;
      if (newest ? d > day : d < day) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private count(where: Where): number {
    return (
      this.db.prepare(`SELECT count(*) AS n FROM list_entries e WHERE ${where.sql}`).get(...where.params) as {
        n: number;
      }
    ).n;
  }

  private get(where: Where, select: string): unknown {
    return this.db.prepare(`${select} FROM list_entries e WHERE ${where.sql}`).get(...where.params);
  }
}

/** A row counts as unread unless read; a star whose file is gone has nothing to read (shared/listAnswers). */
function unreadRow(row: ListRow): boolean {
  return !row.read && !row.missing;
}

/** The group holding list index i (the groups are in list order, by start). */
function groupAt(groups: readonly Group[], i: number): number {
  let lo = 0;
  let hi = groups.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (groups[mid]!.start <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function spanAt(spans: readonly { start: number }[], i: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (spans[mid]!.start <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function prepare(db: Database.Database) {
  return {
    changes: db.prepare('SELECT total_changes() AS n'),
    rowByKey: db.prepare(
      `SELECT ${ROW_COLUMNS} FROM articles a JOIN list_entries e ON e.key = a.key WHERE a.key = ?`,
    ),
    entryById: db.prepare(
      'SELECT e.key, e.undated, e.date, e.id, e.ms, e.read FROM articles a JOIN list_entries e ON e.key = a.key WHERE a.id = ?',
    ),
    keysByHash: db.prepare(
      'SELECT e.key FROM articles a JOIN list_entries e ON e.key = a.key WHERE a.content_hash = ? ORDER BY e.undated DESC, e.date ASC, e.id DESC',
    ),
    isRead: db.prepare('SELECT 1 FROM read_marks WHERE id = ?'),
    newestDate: db.prepare(
      'SELECT ms FROM list_entries WHERE undated = 0 AND ms IS NOT NULL ORDER BY date DESC LIMIT 1',
    ),
    oldestDate: db.prepare(
      'SELECT ms FROM list_entries WHERE undated = 0 AND ms IS NOT NULL ORDER BY date ASC LIMIT 1',
    ),
    anyRoot: db.prepare('SELECT 1 FROM list_entries WHERE root = ? LIMIT 1'),
    anyFolderElsewhere: db.prepare('SELECT 1 FROM list_entries WHERE folder = ? AND root != ? LIMIT 1'),
    anyPathBetween: db.prepare('SELECT 1 FROM articles WHERE path >= ? AND path < ? LIMIT 1'),
    anyPathFrom: db.prepare('SELECT 1 FROM articles WHERE path >= ? LIMIT 1'),
  };
}
