// The headline list as the engine answers it today (issue 11: the window asks for what it shows):
// `npm run bench -- engineList [--size 100000]`. On the generated seed-like archive
// (bench/scanArchive.ts), a Library is opened once to build its library.db (cold, in its own
// process), then opened again warm in a fresh process, which times through the request table
// (Library.call, as the window's requests arrive):
//   shape     getListShape, first (a selection made and its day groups counted) and cached (the
//             same query again), for All newest in the system zone, All in Asia/Shanghai, one
//             category, the Unread view, oldest first
//   rows      getListRows of 100 rows at 20 offsets through the list (scrolling): p50 / p95
//   position  getListPosition of an article 90% down the list; findUnread from there
//   mark      setRead of one article, then getSidebarCounts and getListShape (All) after it
//   search    a common and a missing word, without a filter, Unread only, one source (the engine
//             tests every candidate for the list's own filters)
//   rss       the engine's RSS once all that is done
// Timings on a shared 2-core machine are noisy: the load is printed; never asserted.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Library } from '../electron/engine/library/Library';
import type { ListQuery } from '../shared/listQuery';
import { noFilter } from '../shared/listSelection';
import { benchArchive } from './scanArchive';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    child: { type: 'string' },
    archive: { type: 'string' },
    data: { type: 'string' },
  },
  strict: false,
});
const size = Number(values.size);
const ms = (t: number) => `${t.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await run();
  return [value, performance.now() - t];
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function build(archive: string, dataDir: string): Promise<void> {
  const started = performance.now();
  const library = await Library.open({ dataDir, roots: [archive], watch: false });
  await library.whenIdle();
  console.log(
    `engineList ${size}: cold build ${(library.articles().length).toLocaleString('en')} articles in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s (load ${load()})`,
  );
  await library.close();
}

async function measure(archive: string, dataDir: string): Promise<void> {
  const started = performance.now();
  const library = await Library.open({ dataDir, roots: [archive], watch: false });
  await library.whenIdle();
  const count = library.articles().length;
  console.log(
    `engineList ${size}: warm open + unchanged check ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
      `${count.toLocaleString('en')} articles, rss ${mb(process.memoryUsage().rss)} (load ${load()})`,
  );
  // Every 3rd article read, as a library being read would be.
  const ids = library.articles().map((a) => a.id);
  await library.call(
    'setRead',
    ids.filter((_, i) => i % 3 === 0),
    true,
  );
  const now = Date.now();
  const base: ListQuery = {
    view: 'all',
    filter: noFilter,
    order: 'newest',
    now,
    timeZone: '',
    keptUnread: [],
  };
  const category = library.articles()[0]!.categories[0] ?? '';
  const queries: [string, ListQuery][] = [
    ['All, newest, system zone', base],
    ['All, newest, Asia/Shanghai', { ...base, timeZone: 'Asia/Shanghai' }],
    [
      `category ${category}`,
      { ...base, filter: { facet: { kind: 'category', value: category }, range: 'any' } },
    ],
    ['Unread', { ...base, view: 'unread' }],
    ['All, oldest', { ...base, order: 'oldest' }],
  ];
  for (const [name, query] of queries) {
    const [shape, first] = await timed(() => library.call('getListShape', query));
    const [, cached] = await timed(() => library.call('getListShape', query));
    console.log(
      `engineList ${size}: getListShape ${name}: first ${ms(first)}, cached ${ms(cached)} ` +
        `(${shape.total.toLocaleString('en')} rows, ${shape.days.length} days)`,
    );
  }
  const shape = await library.call('getListShape', base);
  const rowTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const offset = Math.floor((shape.total * i) / 20);
    const [, t] = await timed(() => library.call('getListRows', base, offset, 100));
    rowTimes.push(t);
  }
  console.log(
    `engineList ${size}: getListRows 100 rows at 20 offsets: p50 ${ms(percentile(rowTimes, 0.5))}, ` +
      `p95 ${ms(percentile(rowTimes, 0.95))}`,
  );
  const deep = (await library.call('getListRows', base, Math.floor(shape.total * 0.9), 1)).rows[0]!;
  const [position, positionTime] = await timed(() => library.call('getListPosition', base, deep.id));
  const [, unreadTime] = await timed(() => library.call('findUnread', base, position, 1));
  console.log(
    `engineList ${size}: getListPosition at ${position.toLocaleString('en')}: ${ms(positionTime)}; ` +
      `findUnread from there: ${ms(unreadTime)}`,
  );
  const [, sidebarFirst] = await timed(() => library.call('getSidebarCounts'));
  const markTimes: number[] = [];
  const sidebarTimes: number[] = [];
  const shapeTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const id = ids[1 + i * 3]!; // unread ones
    const [, mark] = await timed(() => library.call('setRead', [id], true));
    const [, sidebar] = await timed(() => library.call('getSidebarCounts'));
    const [, after] = await timed(() => library.call('getListShape', base));
    markTimes.push(mark);
    sidebarTimes.push(sidebar);
    shapeTimes.push(after);
  }
  const sidebar = await library.call('getSidebarCounts');
  console.log(
    `engineList ${size}: getSidebarCounts first ${ms(sidebarFirst)}; after a read mark p50 ` +
      `${ms(percentile(sidebarTimes, 0.5))}, max ${ms(percentile(sidebarTimes, 1))} ` +
      `(${sidebar.categories.length} categories, ${sidebar.authors.length} sources, ${sidebar.folders.length} folders)`,
  );
  console.log(
    `engineList ${size}: setRead of one article p50 ${ms(percentile(markTimes, 0.5))}; getListShape (All) ` +
      `after it p50 ${ms(percentile(shapeTimes, 0.5))}, max ${ms(percentile(shapeTimes, 1))}`,
  );
  // Search with the list's own filters (applied by the engine to every candidate: windowSearch).
  const author =
    library
      .articles()
      .find((a) => a.author)
      ?.author?.trim() ?? '';
  for (const text of ['合作', '量子纠缠']) {
    for (const [name, filters] of [
      ['no filter', {}],
      ['unread only', { unreadOnly: true }],
      [`author ${author}`, { author }],
    ] as const) {
      const [result, t] = await timed(() =>
        library.call('search', { text, filters: { ...filters }, order: 'newest', limit: 50 }),
      );
      console.log(
        `engineList ${size}: search ${text}, ${name}: ${ms(t)} (${result.total.toLocaleString('en')} matches)`,
      );
    }
  }
  console.log(
    `engineList ${size}: rss ${mb(process.memoryUsage().rss)}, peak rss ${mb(process.resourceUsage().maxRSS * 1024)} ` +
      `(load ${load()})`,
  );
  await library.close();
}

if (values.child) {
  const archive = values.archive as string;
  const dataDir = values.data as string;
  if (values.child === 'build') await build(archive, dataDir);
  else await measure(archive, dataDir);
  process.exit(0);
}

const archive = benchArchive(repo, size, console.log);
const dataDir = mkdtempSync(join(tmpdir(), 'bs-bench-engine-list-'));
try {
  for (const child of ['build', 'measure']) {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--child',
        child,
        '--archive',
        archive,
        '--data',
        dataDir,
        '--size',
        String(size),
      ],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error(`the ${child} run exited with ${result.status}`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
