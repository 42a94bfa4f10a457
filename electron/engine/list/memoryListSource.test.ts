import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../../shared/articleOrder';
import { baseName, folderPath } from '../../../shared/folders';
import { byCountThenName, compareNames, SidebarTally } from '../../../shared/listAnswers';
import type { FacetTally, ListQuery, ListRow } from '../../../shared/listQuery';
import { DATE_RANGES, groupDays, makeDayKey, selectList } from '../../../shared/listSelection';
import type { FolderRef, ListedArticle, StarredEntry } from '../../../shared/types';
import { MemoryListSource } from './memoryListSource';

const NOW = Date.parse('2024-03-10T12:00:00Z');
const DAY = 86_400_000;
const ZONES = ['', 'UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Chatham'];
const FOLDERS: FolderRef[] = [
  { root: '/news', name: 'world' },
  { root: '/news', name: 'tech' },
  { root: '/news' },
  { root: '/blogs', name: 'world' },
  { root: '/blogs' },
];
const CATEGORIES = ['World', 'Tech', '新闻', 'Sport'];
const AUTHORS = ['Ann', ' Ann ', 'Bo', '李明'];

/** A library as the engine holds it, with the list version and the sidebar tally kept as the engine keeps them. */
class TestLibrary {
  articles: ListedArticle[] = [];
  starred: StarredEntry[] = [];
  read = new Set<string>();
  progressOf = new Map<string, number>();
  version = 0;
  /** Bumped by articles and stars only. */
  entries = 0;
  readonly tally = new SidebarTally();

  constructor(articles: ListedArticle[], starred: StarredEntry[], read: string[]) {
    for (const a of articles) this.upsert(a);
    this.starred = starred;
    for (const id of read) this.setRead(id, true);
  }

  upsert(article: ListedArticle): void {
    this.articles = [...this.articles.filter((a) => a.id !== article.id), article].sort(compareNewestFirst);
    this.tally.set(article, !this.read.has(article.id));
    this.version++;
    this.entries++;
  }

  remove(id: string): void {
    this.articles = this.articles.filter((a) => a.id !== id);
    this.tally.delete(id);
    this.version++;
    this.entries++;
  }

  setRead(id: string, read: boolean): void {
    if (read) this.read.add(id);
    else this.read.delete(id);
    this.tally.setUnread(id, !read);
    this.version++;
  }

  presentOf = (star: StarredEntry): ListedArticle | undefined =>
    this.articles.find((a) => a.id === star.id) ??
    this.articles.find((a) => a.contentHash === star.contentHash);

  source(): MemoryListSource {
    return new MemoryListSource({
      version: () => this.version,
      entriesVersion: () => this.entries,
      articles: () => this.articles,
      folders: () => FOLDERS,
      starred: () => this.starred,
      presentOf: this.presentOf,
      isRead: (id) => this.read.has(id),
      progress: (id) => this.progressOf.get(id) ?? 0,
      tally: this.tally,
    });
  }
}

// ---- the oracle: selectList over the whole library, and the rows as the contract describes them

function expectedRows(lib: TestLibrary, query: ListQuery): ListRow[] {
  const kept = new Set(query.keptUnread);
  const starKeys = new Set(lib.starred.flatMap((s) => [`id:${s.id}`, `hash:${s.contentHash}`]));
  const fromArticle = (a: ListedArticle): ListRow => ({
    id: a.id,
    contentHash: a.contentHash,
    title: a.title,
    date: a.date,
    ...(a.undated ? { undated: true } : {}),
    source: a.author?.trim() || a.categories[0] || '',
    missing: false,
    starred: starKeys.has(`id:${a.id}`) || starKeys.has(`hash:${a.contentHash}`),
    read: lib.read.has(a.id),
    ...(lib.progressOf.get(a.id) ? { progress: lib.progressOf.get(a.id) } : {}),
  });
  return [
    ...selectList<ListRow & { dateSource?: undefined }>({
      choice: { view: query.view, filter: query.filter, order: query.order },
      now: query.now,
      dayKey: makeDayKey(query.timeZone || undefined),
      articles: lib.articles,
      folders: FOLDERS,
      starred: lib.starred,
      presentOf: lib.presentOf,
      unread: (a) => !lib.read.has(a.id) || kept.has(a.id),
      fromArticle,
      fromStar: (s, present) =>
        present
          ? fromArticle(present)
          : {
              id: s.id,
              contentHash: s.contentHash,
              title: s.title,
              date: s.date,
              source: '',
              missing: s.missing,
              ...(s.closedFolder ? { closedFolder: s.closedFolder } : {}),
              starred: true,
              read: lib.read.has(s.id),
              ...(lib.progressOf.get(s.id) ? { progress: lib.progressOf.get(s.id) } : {}),
            },
    }),
  ];
}

const isUnreadRow = (row: ListRow) => !row.missing && !row.read;

function expectedSidebar(lib: TestLibrary) {
  const cats = new Map<string, [number, number]>();
  const authors = new Map<string, [number, number]>();
  const folders = new Map<number, [number, number]>();
  const add = <K>(m: Map<K, [number, number]>, k: K, unread: boolean) => {
    const c = m.get(k) ?? [0, 0];
    c[0]++;
    if (unread) c[1]++;
    m.set(k, c);
  };
  let unread = 0;
  for (const a of lib.articles) {
    const u = !lib.read.has(a.id);
    if (u) unread++;
    for (const c of new Set(a.categories)) add(cats, c, u);
    const author = a.author?.trim();
    if (author) add(authors, author, u);
    if (a.folder !== undefined) add(folders, a.folder, u);
  }
  const list = (m: Map<string, [number, number]>): FacetTally[] =>
    [...m].map(([value, [count, u]]) => ({ value, count, unread: u })).sort(byCountThenName);
  const roots = [...new Set(FOLDERS.map((f) => f.root))].sort(
    (a, b) => compareNames(baseName(a), baseName(b)) || compareNames(a, b),
  );
  const folderList: FacetTally[] = [];
  for (const root of roots) {
    const refs = FOLDERS.map((ref, n) => ({ ref, c: folders.get(n) })).filter(
      (x) => x.ref.root === root && x.c,
    );
    if (refs.length === 0) continue;
    folderList.push({
      value: root,
      count: refs.reduce((s, x) => s + x.c![0], 0),
      unread: refs.reduce((s, x) => s + x.c![1], 0),
    });
    folderList.push(
      ...refs
        .filter((x) => x.ref.name !== undefined)
        .map((x) => ({ value: folderPath(x.ref), count: x.c![0], unread: x.c![1] }))
        .sort((a, b) => compareNames(a.value, b.value)),
    );
  }
  return {
    total: lib.articles.length,
    unread,
    categories: list(cats),
    authors: list(authors),
    folders: folderList,
  };
}

// ---- random libraries and queries

const articleArb = (i: number) =>
  fc
    .record({
      offset: fc.integer({ min: -40 * DAY, max: 2 * DAY }),
      undated: fc.boolean(),
      categories: fc.subarray(CATEGORIES),
      author: fc.option(fc.constantFrom(...AUTHORS), { nil: undefined }),
      folder: fc.option(fc.integer({ min: 0, max: FOLDERS.length - 1 }), { nil: undefined }),
      sameDateAs: fc.option(fc.nat(), { nil: undefined }),
    })
    .map((r): ListedArticle & { sameDateAs?: number } => ({
      id: `a${i}`,
      contentHash: `h${i}`,
      title: `Title ${i}`,
      date: new Date(NOW + r.offset).toISOString(),
      categories: r.categories,
      mtimeMs: 0,
      ...(r.author !== undefined ? { author: r.author } : {}),
      ...(r.folder !== undefined ? { folder: r.folder } : {}),
      ...(r.undated ? { undated: true as const } : {}),
      ...(r.sameDateAs !== undefined ? { sameDateAs: r.sameDateAs } : {}),
    }));

const libraryArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => articleArb(i))))
  .chain((raw) => {
    // Some articles share a date (ties are broken by id).
    const articles: ListedArticle[] = raw.map(({ sameDateAs, ...a }) =>
      sameDateAs !== undefined && raw.length > 0 ? { ...a, date: raw[sameDateAs % raw.length]!.date } : a,
    );
    const ids = articles.map((a) => a.id);
    const star = fc.oneof(
      // A star on a listed article, by id or (moved) by content only.
      fc
        .record({ i: fc.nat(), moved: fc.boolean() })
        .map(({ i, moved }) => (n: number): StarredEntry | null => {
          const a = articles[i % Math.max(1, articles.length)];
          if (!a) return null;
          return {
            id: moved ? `old${n}` : a.id,
            contentHash: a.contentHash,
            path: `/x/${n}`,
            title: a.title,
            date: a.date,
            starredAt: '2024-01-01T00:00:00.000Z',
            missing: false,
          };
        }),
      // A star whose file is gone, or in a closed folder.
      fc
        .record({
          offset: fc.integer({ min: -40 * DAY, max: DAY }),
          closed: fc.boolean(),
          missing: fc.boolean(),
        })
        .map(
          ({ offset, closed, missing }) =>
            (n: number): StarredEntry => ({
              id: `gone${n}`,
              contentHash: `gone-hash${n}`,
              path: `/x/gone${n}`,
              title: `Gone ${n}`,
              date: new Date(NOW + offset).toISOString(),
              starredAt: '2024-01-01T00:00:00.000Z',
              missing,
              ...(closed ? { closedFolder: '/closed' } : {}),
            }),
        ),
    );
    return fc.record({
      articles: fc.constant(articles),
      starred: fc
        .array(star, { maxLength: 8 })
        .map((makers) => makers.map((make, n) => make(n)).filter((s): s is StarredEntry => s !== null)),
      read: fc.subarray([...ids, 'gone0', 'gone1', 'old0']),
      progress: fc.array(
        fc.tuple(fc.constantFrom('a0', 'a1', 'a2', 'gone0'), fc.double({ min: 0.1, max: 1, noNaN: true })),
        {
          maxLength: 3,
        },
      ),
    });
  });

const dayArb = fc
  .integer({ min: -45, max: 3 })
  .map((d) => new Date(NOW + d * DAY).toISOString().slice(0, 10));

const queryArb: fc.Arbitrary<ListQuery> = fc
  .record({
    view: fc.constantFrom('all' as const, 'unread' as const, 'starred' as const),
    order: fc.constantFrom('newest' as const, 'oldest' as const),
    timeZone: fc.constantFrom(...ZONES),
    now: fc.integer({ min: NOW - DAY, max: NOW + DAY }),
    facet: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('category' as const), value: fc.constantFrom(...CATEGORIES, 'None') }),
        fc.record({
          kind: fc.constant('author' as const),
          value: fc.constantFrom('Ann', 'Bo', '李明', 'Zed'),
        }),
        fc.record({
          kind: fc.constant('folder' as const),
          value: fc.constantFrom('/news', '/news/world', '/news/tech', '/blogs', '/blogs/world', '/nowhere'),
        }),
      ),
      { nil: null },
    ),
    range: fc.constantFrom(...DATE_RANGES),
    from: fc.option(dayArb, { nil: undefined }),
    to: fc.option(dayArb, { nil: undefined }),
    keptUnread: fc.subarray(['a0', 'a1', 'a2', 'a3', 'a5', 'a8', 'zz']),
  })
  .map((r) => ({
    view: r.view,
    order: r.order,
    timeZone: r.timeZone,
    now: r.now,
    keptUnread: r.keptUnread,
    filter: {
      facet: r.facet,
      range: r.range,
      ...(r.range === 'between' && r.from ? { from: r.from } : {}),
      ...(r.range === 'between' && r.to ? { to: r.to } : {}),
    },
  }));

function build(lib: {
  articles: ListedArticle[];
  starred: StarredEntry[];
  read: string[];
  progress: [string, number][];
}) {
  const library = new TestLibrary(lib.articles, lib.starred, lib.read);
  for (const [id, p] of lib.progress) library.progressOf.set(id, p);
  return library;
}

/** Every answer of the source for a query against the oracle. */
function checkAgainstOracle(
  library: TestLibrary,
  source: MemoryListSource,
  query: ListQuery,
  probe: number[],
) {
  const rows = expectedRows(library, query);
  const shape = source.shape(query);
  expect(shape.version).toBe(library.version);
  expect(shape.total).toBe(rows.length);
  expect(shape.unread).toBe(rows.filter(isUnreadRow).length);
  const dayKey = makeDayKey(query.timeZone || undefined);
  const groups = groupDays(rows, dayKey);
  expect(shape.days).toEqual(
    groups.map((g) => ({
      day: g.day,
      count: g.entries.length,
      unread: g.entries.filter(isUnreadRow).length,
    })),
  );
  // Rows in pages, from any offset.
  expect(source.rows(query, 0, 500)).toEqual(rows);
  for (const p of probe) {
    const offset = p % (rows.length + 2);
    const limit = (p >> 3) % 7;
    expect(source.rows(query, offset, limit)).toEqual(rows.slice(offset, offset + limit));
    expect(source.ids(query, offset)).toEqual(rows.slice(offset).map((r) => r.id));
    for (const direction of [1, -1] as const) {
      const from = (p % (rows.length + 3)) - 1;
      // The nearest unread row past `from` that way (`from` may lie outside the list).
      const unreadAt = rows.map((r, i) => (isUnreadRow(r) ? i : -1)).filter((i) => i >= 0);
      const at = direction === 1 ? unreadAt.find((i) => i > from) : unreadAt.findLast((i) => i < from);
      const expected = at === undefined ? null : { index: at, id: rows[at]!.id };
      expect(source.findUnread(query, from, direction)).toEqual(expected);
    }
  }
  for (const row of rows) expect(rows[source.position(query, row.id)]!.id).toBe(row.id);
  expect(source.position(query, 'not-there')).toBe(-1);
}

describe('MemoryListSource', () => {
  it('answers shape, rows, positions, unread and ids exactly as selectList over the whole library', () => {
    fc.assert(
      fc.property(
        libraryArb,
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (lib, queries, probe) => {
          const library = build(lib);
          const source = library.source();
          for (const query of queries) checkAgainstOracle(library, source, query, probe);
          // The kept selections are asked again (the cache answers).
          for (const query of queries) checkAgainstOracle(library, source, query, probe);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('follows every change (marks, upserts, removals, stars) through the version, queries kept or not', () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('read' as const), i: fc.nat(), read: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('upsert' as const), article: articleArb(100) }),
      fc.record({ kind: fc.constant('retitle' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('unstar' as const) }),
    );
    fc.assert(
      fc.property(
        libraryArb,
        queryArb,
        fc.array(change, { minLength: 1, maxLength: 6 }),
        (lib, query, changes) => {
          const library = build(lib);
          const source = library.source();
          checkAgainstOracle(library, source, query, [3]);
          for (const c of changes) {
            const target = library.articles[('i' in c ? c.i : 0) % Math.max(1, library.articles.length)];
            if (c.kind === 'read' && target) library.setRead(target.id, c.read);
            else if (c.kind === 'remove' && target) library.remove(target.id);
            else if (c.kind === 'upsert') library.upsert(c.article);
            else if (c.kind === 'retitle' && target)
              library.upsert({ ...target, title: `${target.title}!`, categories: ['Tech'], folder: 3 });
            else if (c.kind === 'unstar') {
              library.starred = library.starred.slice(1);
              library.version++;
              library.entries++;
            }
            checkAgainstOracle(library, source, query, [1, 9]);
            expect(source.sidebar()).toEqual({ version: library.version, ...expectedSidebar(library) });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts the sidebar over the whole library, whatever the query', () => {
    fc.assert(
      fc.property(libraryArb, (lib) => {
        const library = build(lib);
        expect(library.source().sidebar()).toEqual({ version: library.version, ...expectedSidebar(library) });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a selection between pages: rows of an unchanged library are not selected again', () => {
    const articles = Array.from({ length: 50 }, (_, i) => ({
      id: `a${String(i).padStart(2, '0')}`,
      contentHash: `h${i}`,
      title: `T${i}`,
      date: new Date(NOW - i * 3_600_000).toISOString(),
      categories: ['World'],
      mtimeMs: 0,
    }));
    const library = new TestLibrary(articles, [], []);
    let selections = 0;
    const source = new MemoryListSource({
      version: () => library.version,
      entriesVersion: () => library.entries,
      articles: () => {
        selections++;
        return library.articles;
      },
      folders: () => FOLDERS,
      starred: () => [],
      presentOf: () => undefined,
      isRead: (id) => library.read.has(id),
      progress: () => 0,
      tally: library.tally,
    });
    const query: ListQuery = {
      view: 'all',
      filter: { facet: { kind: 'category', value: 'World' }, range: 'any' },
      order: 'oldest',
      now: NOW,
      timeZone: 'UTC',
      keptUnread: [],
    };
    source.shape(query);
    source.rows(query, 10, 20);
    source.rows({ ...query, now: NOW + 5000 }, 30, 20); // the clock does not matter without a relative range
    expect(selections).toBe(1);
    // A read mark changes the counts, not the rows of the All view: no new selection.
    expect(source.shape(query).unread).toBe(50);
    library.setRead('a03', true);
    expect(source.shape(query).unread).toBe(49);
    expect(source.rows(query, 0, 1)[0]!.id).toBe('a49');
    expect(selections).toBe(1);
    // The Unread view's rows are the unread ones: selected again after a mark.
    const unread: ListQuery = { ...query, view: 'unread' };
    expect(source.shape(unread).total).toBe(49);
    library.setRead('a04', true);
    expect(source.shape(unread).total).toBe(48);
    expect(selections).toBe(3);
    // An article changed: every view is selected again.
    library.upsert({ ...library.articles[0]!, title: 'new' });
    source.rows(query, 0, 1);
    expect(selections).toBe(4);
    // A relative range depends on the clock.
    const week: ListQuery = { ...query, filter: { facet: null, range: 'week' } };
    source.rows(week, 0, 5);
    source.rows(week, 5, 5);
    source.rows({ ...week, now: NOW + 1 }, 5, 5);
    expect(selections).toBe(6);
  });
});
