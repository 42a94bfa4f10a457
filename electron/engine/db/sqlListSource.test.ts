// The headline list from the library database against the rules themselves: random libraries (dated
// and undated articles, equal dates, dates near midnight and DST changes, folders, two roots of which
// one is outside the library, copies sharing content, authors with spaces), random stars (listed,
// followed by content, missing), read marks and queries (views, facets, ranges, time zones, orders,
// keptUnread); every answer of SqlListSource equals the in-memory list source's (memoryListSource:
// shared/listSelection.ts selectList and shared/listAnswers over the whole library), also after
// articles are written and removed and marks change.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../../shared/articleOrder';
import { folderPath } from '../../../shared/folders';
import { SidebarTally } from '../../../shared/listAnswers';
import { LIST_ROWS_LIMIT, type ListQuery } from '../../../shared/listQuery';
import {
  type DateRange,
  type FacetChoice,
  groupDays,
  makeDayKey,
  selectList,
} from '../../../shared/listSelection';
import type { ListedArticle, StarredEntry } from '../../../shared/types';
import { FolderTable } from '../library/FolderTable';
import type { ListSource } from '../list/ListSource';
import { MemoryListSource } from '../list/memoryListSource';
import { toListed } from '../parse/ids';
import { LibraryDb, type StoredArticleInput } from './LibraryDb';
import type { SqlListSource } from './sqlListSource';

const ZONES = ['', 'UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const HOUR = 3_600_000;
/** Around the DST changes of 2024 (Europe 31 March, US 10 March, Lord Howe 7 April). */
const SPAN_START = Date.UTC(2024, 2, 5);
const SPAN_DAYS = 40;
const ROOTS = ['/lib', '/other'];
const FOLDERS = ['', 'a', 'b', 'a b'];
const AUTHORS = [undefined, 'Reuters', ' Reuters ', '新华社', '', '\u3000新华社'];
const CATEGORIES = ['金融', '国际', '科技', ''];

interface GenArticle {
  n: number;
  root: number;
  folder: number;
  day: number;
  /** ms into the day; some exact midnights and ends of day, some shared. */
  time: number;
  undated: boolean;
  author: number;
  categories: number[];
  copyOf: number | null;
}

const timeArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 86_399_999, 12 * HOUR, 4 * HOUR, 22 * HOUR + 30 * 60_000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 86_399_999 }) },
);

const articleArb = fc.record({
  root: fc.constantFrom(0, 0, 0, 1),
  folder: fc.integer({ min: 0, max: FOLDERS.length - 1 }),
  day: fc.oneof(fc.constantFrom(5, 26, 33), fc.integer({ min: 0, max: SPAN_DAYS })),
  time: timeArb,
  undated: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  author: fc.integer({ min: 0, max: AUTHORS.length - 1 }),
  categories: fc.array(fc.integer({ min: 0, max: CATEGORIES.length - 1 }), { maxLength: 3 }),
  copyOf: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 5 }),
});

function input(a: GenArticle): StoredArticleInput {
  const root = ROOTS[a.root]!;
  const folder = FOLDERS[a.folder]!;
  const path = folder ? `${root}/${folder}/${a.n}.md` : `${root}/${a.n}.md`;
  const author = AUTHORS[a.author];
  const out: StoredArticleInput = {
    id: `id${String(a.n).padStart(4, '0')}`,
    contentHash: `h${a.copyOf ?? a.n}`,
    path,
    root,
    title: `T${a.n}`,
    date: new Date(SPAN_START + a.day * 86_400_000 + a.time - 12 * HOUR).toISOString(),
    dateSource: a.undated ? 'file-mtime' : 'front-matter',
    categories: a.categories.map((c) => CATEGORIES[c]!),
    images: {},
    chars: 1,
    excerpt: '',
    bodyFormat: 'markdown',
    mtimeMs: 0,
    size: 1,
    degraded: false,
    text: 'x',
    problems: [],
  };
  if (author !== undefined) out.author = author;
  return out;
}

/** What the engine holds besides the database: the stars and read marks (as the stores have them). */
interface World {
  /** The library's folder: /lib, or /lib/a (a folder inside the root its articles were scanned under). */
  scope: string;
  articles: StoredArticleInput[];
  stars: StarredEntry[];
  read: Set<string>;
  progress: Map<string, number>;
}

/**
 * The expected answers: the in-memory list source (engine/list/memoryListSource.ts: selectList and
 * shared/listAnswers over every article of the library's folder, held in memory).
 */
function oracle(world: World): ListSource {
  const inLib = world.articles.filter((a) => a.path.startsWith(`${world.scope}/`)).sort(compareNewestFirst);
  const table = new FolderTable();
  const listed = inLib.map((a) => toListed(a, table.of(a)));
  const byId = new Map(listed.map((a) => [a.id, a]));
  // Of several copies of one content, the last in the library's order (the database's choice too).
  const byHash = new Map(listed.map((a) => [a.contentHash, a]));
  const tally = new SidebarTally();
  for (const a of listed) tally.set(a, !world.read.has(a.id));
  return new MemoryListSource({
    version: () => 1,
    entriesVersion: () => 1,
    articles: () => listed,
    folders: () => table.list(),
    starred: () => world.stars,
    presentOf: (s) => byId.get(s.id) ?? byHash.get(s.contentHash),
    isRead: (id) => world.read.has(id),
    progress: (id) => world.progress.get(id) ?? 0,
    tally,
  });
}

const queryArb = (ids: string[]) =>
  fc.record({
    view: fc.constantFrom('all', 'all', 'unread', 'starred') as fc.Arbitrary<ListQuery['view']>,
    facet: fc.oneof(
      fc.constant(null),
      fc.constantFrom(...CATEGORIES).map((value): FacetChoice => ({ kind: 'category', value })),
      fc
        .constantFrom('Reuters', '新华社', '', 'nobody')
        .map((value): FacetChoice => ({ kind: 'author', value })),
      fc
        .constantFrom('/lib', '/lib/a', '/lib/b', '/lib/a b', '/other', '/lib/zz')
        .map((value): FacetChoice => ({ kind: 'folder', value })),
    ),
    range: fc.constantFrom(
      'any',
      'any',
      'day',
      'week',
      'month',
      'year',
      'between',
    ) as fc.Arbitrary<DateRange>,
    from: fc.option(fc.integer({ min: 0, max: SPAN_DAYS }), { nil: undefined }),
    to: fc.option(fc.integer({ min: 0, max: SPAN_DAYS }), { nil: undefined }),
    order: fc.constantFrom('newest', 'oldest') as fc.Arbitrary<ListQuery['order']>,
    now: fc.integer({ min: SPAN_START, max: SPAN_START + (SPAN_DAYS + 2) * 86_400_000 }),
    timeZone: fc.constantFrom(...ZONES),
    keptUnread: fc.subarray(ids.length ? ids : ['none'], { maxLength: 5 }),
  });

const dayText = (d: number | undefined) =>
  d === undefined ? undefined : new Date(SPAN_START + d * 86_400_000).toISOString().slice(0, 10);

type GenQuery = ReturnType<typeof queryArb> extends fc.Arbitrary<infer T> ? T : never;

function toQuery(q: GenQuery): ListQuery {
  const filter: ListQuery['filter'] = { facet: q.facet, range: q.range };
  if (q.range === 'between') {
    const from = dayText(q.from);
    const to = dayText(q.to);
    if (from) filter.from = from;
    if (to) filter.to = to;
  }
  return {
    view: q.view,
    filter,
    order: q.order,
    now: q.now,
    timeZone: q.timeZone,
    keptUnread: q.keptUnread,
  };
}

function check(source: SqlListSource, world: World, query: ListQuery): void {
  const memory = oracle(world);
  const { version: _v, ...shape } = memory.shape(query);
  const list = memory.rows(query, 0, LIST_ROWS_LIMIT);
  expect(list.length).toBe(shape.total);
  const got = source.shape(query);
  expect({ total: got.total, unread: got.unread, days: got.days }).toEqual(shape);
  // Pages: the first, one across day groups, a deep one, one past the end.
  for (const [offset, limit] of [
    [0, 7],
    [3, 5],
    [Math.floor(list.length / 2), 9],
    [Math.max(0, list.length - 2), 10],
    [list.length + 1, 5],
  ] as const) {
    expect(source.rows(query, offset, limit)).toEqual(list.slice(offset, offset + limit));
  }
  expect(source.rows(query, 0, 1_000)).toEqual(list);
  for (const row of list) expect(source.position(query, row.id)).toBe(memory.position(query, row.id));
  expect(source.position(query, 'id-not-there')).toBe(-1);
  for (const id of world.articles.map((a) => a.id))
    expect(source.position(query, id)).toBe(memory.position(query, id));
  for (const from of [
    -3,
    -1,
    0,
    2,
    Math.floor(list.length / 2),
    list.length - 1,
    list.length,
    list.length + 4,
  ]) {
    for (const direction of [1, -1] as const)
      expect(source.findUnread(query, from, direction)).toEqual(memory.findUnread(query, from, direction));
  }
  for (const from of [0, 3, list.length]) expect(source.ids(query, from)).toEqual(memory.ids(query, from));
  const { version: _s, ...sidebar } = memory.sidebar();
  expect({ ...source.sidebar(), version: undefined }).toEqual({ ...sidebar, version: undefined });
}

const worldArb = fc.record({
  scope: fc.constantFrom('/lib', '/lib', '/lib/a'),
  articles: fc.array(articleArb, { maxLength: 40 }),
  starred: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 8 }),
  byContent: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 2 }),
  read: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }),
  progress: fc.array(
    fc.tuple(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0.1, max: 1, noNaN: true })),
    {
      maxLength: 4,
    },
  ),
  later: fc.array(articleArb, { maxLength: 6 }),
  removed: fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 6 }),
  flipRead: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 6 }),
});

describe('SqlListSource against selectList', () => {
  it('answers every question as the rules do, before and after the library and the marks change', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(queryArb(Array.from({ length: 50 }, (_, n) => `id${String(n).padStart(4, '0')}`)), {
          minLength: 2,
          maxLength: 4,
        }),
        (w, queries) => {
          const db = LibraryDb.open(':memory:', 'test');
          try {
            const articles = w.articles.map((a, n) => input({ ...a, n }));
            db.write({ articles, failed: [], removed: [] });
            const idOf = (n: number) => `id${String(n).padStart(4, '0')}`;
            const starOf = (n: number, byContent: boolean): StarredEntry => {
              const a = articles[n];
              const present = a?.path.startsWith(`${w.scope}/`);
              const star: StarredEntry = {
                id: byContent ? `moved${n}` : idOf(n),
                contentHash: a?.contentHash ?? `gone${n}`,
                path: a?.path ?? `/lib/gone/${n}.md`,
                title: a?.title ?? `Gone ${n}`,
                date: a?.date ?? new Date(SPAN_START + n * 20 * HOUR).toISOString(),
                starredAt: '2024-05-01T00:00:00.000Z',
                missing: !present,
              };
              if (!present && n % 2 === 0) star.closedFolder = '/elsewhere';
              return star;
            };
            const world: World = {
              scope: w.scope,
              articles,
              stars: [...new Set(w.starred)]
                .map((n) => starOf(n, false))
                .concat(w.byContent.map((n) => starOf(n, true))),
              read: new Set(w.read.map(idOf)),
              progress: new Map(w.progress.map(([n, p]) => [idOf(n), p])),
            };
            let version = 1;
            const source = db.listSource({
              folders: () => [w.scope],
              starred: () => world.stars,
              progressOf: (id) => world.progress.get(id),
              version: () => version,
            });
            db.mirrorReadMarks(world.read);
            for (const q of queries) check(source, world, toQuery(q));
            // The library changes: articles come and go, marks are set; the answers follow.
            const added = w.later.map((a, i) => input({ ...a, n: 100 + i }));
            const removed = [...new Set(w.removed)]
              .map((n) => articles[n]?.path)
              .filter((p) => p !== undefined);
            db.write({ articles: added, failed: [], removed });
            world.articles = articles.filter((a) => !removed.includes(a.path)).concat(added);
            const flip = [...new Set(w.flipRead.map(idOf))];
            const nowRead = flip.filter((id) => !world.read.has(id));
            const nowUnread = flip.filter((id) => world.read.has(id));
            db.mirrorRead(nowRead, true);
            db.mirrorRead(nowUnread, false);
            for (const id of nowRead) world.read.add(id);
            for (const id of nowUnread) world.read.delete(id);
            version++;
            for (const q of queries) check(source, world, toQuery(q));
            // A full refresh from the store says the same.
            db.mirrorReadMarks(world.read);
            check(source, world, toQuery(queries[0]!));
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('a library database from before the list tables', () => {
  it('gets them filled in when opened, with the same answers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sql-list-'));
    try {
      const path = join(dir, 'library.db');
      const articles = Array.from({ length: 60 }, (_, n) =>
        input({
          n,
          root: n % 7 === 0 ? 1 : 0,
          folder: n % 4,
          day: n % 9,
          time: (n * 7_777_777) % 86_400_000,
          undated: n % 11 === 0,
          author: n % 6,
          categories: [n % 4, (n + 1) % 4],
          copyOf: null,
        }),
      );
      const deps = {
        folders: () => ['/lib'],
        starred: () => [],
        progressOf: () => undefined,
        version: () => 1,
      };
      const queries: ListQuery[] = [
        {
          view: 'all',
          filter: { facet: null, range: 'any' },
          order: 'newest',
          now: SPAN_START,
          timeZone: 'Europe/Berlin',
          keptUnread: [],
        },
        {
          view: 'unread',
          filter: { facet: { kind: 'category', value: '国际' }, range: 'any' },
          order: 'oldest',
          now: SPAN_START,
          timeZone: '',
          keptUnread: [],
        },
      ];
      let db = LibraryDb.open(path, 'test');
      db.write({ articles, failed: [], removed: [] });
      db.mirrorReadMarks(articles.filter((_, n) => n % 3 === 0).map((a) => a.id));
      const expected = {
        sidebar: db.listSource(deps).sidebar(),
        shapes: queries.map((q) => db.listSource(deps).shape(q)),
      };
      expect(expected.sidebar.total).toBeGreaterThan(0);
      db.close();
      const raw = new Database(path);
      raw.exec('DROP TABLE list_entries; DROP TABLE list_tallies;');
      raw.close();
      db = LibraryDb.open(path, 'test');
      try {
        // The read marks are still mirrored (read_marks was kept): the filled entries say so.
        expect(db.listSource(deps).sidebar()).toEqual(expected.sidebar);
        expect(queries.map((q) => db.listSource(deps).shape(q))).toEqual(expected.shapes);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
