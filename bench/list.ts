// The headline list by ranges: `npm run bench -- list [--size 100000] [--runs 40]`.
// On the generated seed-like archive (bench/scanArchive.ts) and its library database (built on
// demand by bench/db.ts's build step, cached in .bench/list-<size>/: start it with nice, it takes
// minutes), each in a fresh process so its RSS is its own:
//   sql     db/sqlListSource.ts: shape (day groups and counts, worked out again every run: the
//           version changes each time), first page, a deep page (offset 90% of the list), position
//           of an article deep in the list, findUnread from there, sidebar counts; p50 / p95 ms
//           over several queries (All newest in the system zone and in Asia/Shanghai, Unread, one
//           source oldest first); every 3rd article read, 50 stars; the process's RSS after
//   memory  the same questions answered as the engine does today: every row in memory,
//           shared/listSelection.ts selectList per question (then groupDays, slice, findIndex)
// Timings on a shared 2-core machine are noisy: read them as orders of magnitude, never assert them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { LIBRARY_DB_FILE, LibraryDb } from '../electron/engine/db/LibraryDb';
import { FolderTable } from '../electron/engine/library/FolderTable';
import { ENGINE_VERSION } from '../electron/engine/library/parseSettings';
import { toListed } from '../electron/engine/parse/ids';
import { compareNewestFirst } from '../shared/articleOrder';
import type { ListQuery } from '../shared/listQuery';
import { groupDays, makeDayKey, selectList } from '../shared/listSelection';
import type { ListedArticle, StarredEntry } from '../shared/types';
import { benchArchive } from './scanArchive';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '40' },
    child: { type: 'string' },
    db: { type: 'string' },
    dir: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const NOW = Date.parse('2025-01-01T00:00:00Z');

const QUERIES: [string, ListQuery][] = [
  ['all, newest, system zone', query({})],
  ['all, newest, Asia/Shanghai', query({ timeZone: 'Asia/Shanghai' })],
  ['unread, newest', query({ view: 'unread' })],
  [
    'one source, oldest',
    query({ filter: { facet: { kind: 'author', value: '新华社' }, range: 'any' }, order: 'oldest' }),
  ],
];

function query(q: Partial<ListQuery>): ListQuery {
  return {
    view: 'all',
    filter: { facet: null, range: 'any' },
    order: 'newest',
    now: NOW,
    timeZone: '',
    keptUnread: [],
    ...q,
  };
}

const rssMb = () => process.memoryUsage.rss() / 1048576;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

function stats(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}

/** The questions, each asked RUNS times over the queries; ms per question. */
interface Questions {
  shape(q: ListQuery): { total: number };
  firstPage(q: ListQuery): unknown;
  deepPage(q: ListQuery, offset: number): unknown;
  position(q: ListQuery, id: string): number;
  findUnread(q: ListQuery, from: number): unknown;
  sidebar(): unknown;
  /** The All list's keys at 90% by LIMIT/OFFSET on the index alone (what the day seek saves). */
  offsetOnly?(): unknown;
  idAt(q: ListQuery, index: number): string;
}

function measure(ask: Questions, fresh: () => void): Record<string, { p50: number; p95: number }> {
  const samples: Record<string, number[]> = {
    shape: [],
    'first page': [],
    'deep page': [],
    position: [],
    findUnread: [],
    sidebar: [],
    'deep page by OFFSET alone (All, keys only)': [],
  };
  const time = (name: string, fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    samples[name]!.push(performance.now() - t0);
  };
  for (let r = 0; r < RUNS; r++) {
    for (const [, q] of QUERIES) {
      fresh();
      let total = 0;
      time('shape', () => {
        total = ask.shape(q).total;
      });
      time('first page', () => ask.firstPage(q));
      const deep = Math.floor(total * 0.9);
      time('deep page', () => ask.deepPage(q, deep));
      const id = ask.idAt(q, deep + 7);
      time('position', () => ask.position(q, id));
      time('findUnread', () => ask.findUnread(q, deep));
    }
    fresh();
    time('sidebar', () => ask.sidebar());
    if (ask.offsetOnly) time('deep page by OFFSET alone (All, keys only)', () => ask.offsetOnly!());
  }
  return Object.fromEntries(
    Object.entries(samples)
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => [k, stats(v)]),
  );
}

function stars(db: LibraryDb, dir: string): StarredEntry[] {
  const out: StarredEntry[] = [];
  let n = 0;
  for (const a of db.summariesWithin(dir)) {
    if (n++ % 2_000 !== 0) continue;
    out.push({
      id: a.id,
      contentHash: a.contentHash,
      path: a.path,
      title: a.title,
      date: a.date,
      starredAt: a.date,
      missing: false,
    });
  }
  return out;
}

function childSql(dbPath: string, dir: string): void {
  const opened = performance.now();
  const db = LibraryDb.open(dbPath, ENGINE_VERSION);
  const openMs = performance.now() - opened;
  const starred = stars(db, dir);
  const read: string[] = [];
  let n = 0;
  for (const a of db.summariesWithin(dir)) if (n++ % 3 === 0) read.push(a.id);
  const t0 = performance.now();
  db.mirrorReadMarks(read);
  const mirrorMs = performance.now() - t0;
  read.length = 0;
  let version = 0;
  const source = db.listSource({
    folders: () => [dir],
    starred: () => starred,
    progressOf: () => undefined,
    version: () => version,
  });
  const raw = new Database(dbPath, { readonly: true });
  const offsetOnly = raw.prepare(
    'SELECT e.key FROM list_entries e WHERE e.undated = 0 ORDER BY e.date DESC, e.id ASC LIMIT 50 OFFSET ?',
  );
  const rssBefore = rssMb();
  const result = measure(
    {
      shape: (q) => source.shape(q),
      firstPage: (q) => source.rows(q, 0, 50),
      deepPage: (q, offset) => source.rows(q, offset, 50),
      position: (q, id) => source.position(q, id),
      findUnread: (q, from) => source.findUnread(q, from, 1),
      sidebar: () => source.sidebar(),
      offsetOnly: () => offsetOnly.all(Math.floor(db.articleCount * 0.9)),
      idAt: (q, index) => source.rows(q, index, 1)[0]?.id ?? '',
    },
    () => {
      version++;
    },
  );
  raw.close();
  db.close();
  console.log(JSON.stringify({ openMs, mirrorMs, result, rssBefore, rss: rssMb(), peak: peakMb() }));
}

function childMemory(dbPath: string, dir: string): void {
  const db = LibraryDb.open(dbPath, ENGINE_VERSION);
  const starred = stars(db, dir);
  const folders = new FolderTable();
  const t0 = performance.now();
  const summaries = [...db.summariesWithin(dir)].sort(compareNewestFirst);
  const articles: ListedArticle[] = summaries.map((a) => toListed(a, folders.of(a)));
  summaries.length = 0;
  const loadMs = performance.now() - t0;
  db.close();
  const read = new Set<string>();
  articles.forEach((a, i) => {
    if (i % 3 === 0) read.add(a.id);
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  const list = (q: ListQuery) =>
    selectList({
      choice: q,
      now: q.now,
      dayKey: makeDayKey(q.timeZone || undefined),
      articles,
      folders: folders.list(),
      starred,
      presentOf: (s) => byId.get(s.id),
      unread: (a) => !read.has(a.id),
      fromArticle: (a) => a,
      fromStar: (_s, p) => p!,
      allMapped: articles,
    });
  const result = measure(
    {
      shape: (q) => {
        const l = list(q);
        const dayKey = makeDayKey(q.timeZone || undefined);
        groupDays(l, dayKey).map((g) => ({
          day: g.day,
          count: g.entries.length,
          unread: g.entries.filter((a) => !read.has(a.id)).length,
        }));
        return { total: l.length };
      },
      firstPage: (q) => list(q).slice(0, 50),
      deepPage: (q, offset) => list(q).slice(offset, offset + 50),
      position: (q, id) => list(q).findIndex((a) => a.id === id),
      findUnread: (q, from) => {
        const l = list(q);
        for (let i = from + 1; i < l.length; i++) if (!read.has(l[i]!.id)) return i;
        return -1;
      },
      sidebar: () => {
        const categories = new Map<string, number>();
        const authors = new Map<string, number>();
        for (const a of articles) {
          for (const c of new Set(a.categories)) categories.set(c, (categories.get(c) ?? 0) + 1);
          const author = a.author?.trim();
          if (author) authors.set(author, (authors.get(author) ?? 0) + 1);
        }
        return [categories, authors];
      },
      idAt: (q, index) => list(q)[index]?.id ?? '',
    },
    () => {},
  );
  console.log(JSON.stringify({ loadMs, result, rss: rssMb(), peak: peakMb() }));
}

function child(kind: string, dbPath: string, dir: string): Record<string, unknown> {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      kind,
      '--db',
      dbPath,
      '--dir',
      dir,
      '--runs',
      String(RUNS),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`${kind} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

function main(): void {
  const size = Number(values.size);
  const dir = benchArchive(repo, size, (line) => console.log(line));
  const work = join(repo, '.bench', `list-${size}`);
  mkdirSync(work, { recursive: true });
  const dbPath = join(work, LIBRARY_DB_FILE);
  if (!existsSync(dbPath)) {
    console.log(`building the library database of ${size} articles in ${dbPath} (minutes) ...`);
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repo, 'bench/db.ts'), '--child-build', dir, '--db', dbPath],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0) throw new Error('build failed');
  }
  console.log(
    `${size.toLocaleString('en-US')} articles, ${RUNS} runs x ${QUERIES.length} queries (${QUERIES.map(([n]) => n).join('; ')}), load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const sql = child('sql', dbPath, dir) as {
    openMs: number;
    mirrorMs: number;
    result: Record<string, { p50: number; p95: number }>;
    rss: number;
    peak: number;
  };
  const memory = child('memory', dbPath, dir) as {
    loadMs: number;
    result: Record<string, { p50: number; p95: number }>;
    rss: number;
    peak: number;
  };
  const f = (s: { p50: number; p95: number }) => `${s.p50.toFixed(2)} / ${s.p95.toFixed(2)}`;
  console.log(`| question (ms, p50 / p95) | sqlListSource | selectList in memory |`);
  console.log(`| --- | --- | --- |`);
  for (const name of Object.keys(sql.result))
    console.log(
      `| ${name} | ${f(sql.result[name]!)} | ${memory.result[name] ? f(memory.result[name]) : '—'} |`,
    );
  console.log(
    `| process RSS after (peak) | ${sql.rss.toFixed(0)} MB (${sql.peak.toFixed(0)}) | ${memory.rss.toFixed(0)} MB (${memory.peak.toFixed(0)}) |`,
  );
  console.log(
    `sql: open ${sql.openMs.toFixed(0)} ms, read-marks mirror of ${Math.ceil(size / 3).toLocaleString('en-US')} ids ${sql.mirrorMs.toFixed(0)} ms; memory: rows loaded in ${memory.loadMs.toFixed(0)} ms; load now ${loadavg()[0]!.toFixed(1)}`,
  );
}

if (values.child === 'sql') childSql(values.db!, values.dir!);
else if (values.child === 'memory') childMemory(values.db!, values.dir!);
else main();
