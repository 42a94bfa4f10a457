// Read state at a large library (`npm run bench -- readState [--docs 100000]`): the engine's read
// marks (ReadStore: one mark, mark all, reopen, following articles after a scan) and the window's
// counting (unread per view and per day, the Unread list, next unread) over the same number of
// articles. Prints p50/p95/max; asserts nothing.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { READ_MARKS_FILE, ReadStore } from '../electron/engine/store/ReadStore';
import { groupByDay } from '../renderer/src/headlines/groupByDay';
import { itemFromSummary } from '../renderer/src/headlines/headlineItem';
import { noFilter } from '../renderer/src/headlines/listFilter';

import { nextUnread, unreadCount, unreadInRange } from '../renderer/src/read/readCounts';
import { ReadIndex } from '../renderer/src/read/readIndex';
import { FacetTally } from '../renderer/src/read/unreadTally';
import type { ArticleSummary, ListedArticle } from '../shared/types';

// Imported by a computed path: its types pull in React's (and with them the DOM's), which this
// Node-only program must not see (they change how Playwright's evaluate is typed in bench/renderer.ts).
const selectModule = `../renderer/src/headlines/${'selectHeadlines'}.ts`;
const { selectHeadlines } = (await import(selectModule)) as {
  selectHeadlines: (sources: unknown) => readonly unknown[];
};

const { values } = parseArgs({ options: { docs: { type: 'string', default: '100000' } } });
const DOCS = Number(values.docs);

function stats(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return `  ${label.padEnd(52)} p50 ${at(50).toFixed(2)} ms  p95 ${at(95).toFixed(2)} ms  max ${s[s.length - 1]!.toFixed(2)} ms  (n=${s.length})`;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

const id = (n: number) => n.toString(16).padStart(16, '0');
const DAY = 86_400_000;
const start = Date.parse('2024-06-01T00:00:00Z');
// Newest first, ~300 a day, as a scraper of a few hundred feeds saves them.
const articles: ListedArticle[] = Array.from({ length: DOCS }, (_, n) => ({
  id: id(n),
  contentHash: `c${id(n).slice(1)}`,
  title: `Article ${n}`,
  date: new Date(start - Math.floor((n * DAY) / 300) - (n % 300) * 1000).toISOString(),
  categories: [`cat${n % 40}`],
  author: `source${n % 700}`,
  mtimeMs: 0,
}));
const summary = (a: ListedArticle): ArticleSummary => ({
  ...a,
  path: `/archive/${a.id}.md`,
  root: '/archive',
  dateSource: 'front-matter',
  images: {},
  chars: 100,
  excerpt: '',
  bodyFormat: 'markdown',
  size: 100,
  degraded: false,
});

async function engine(): Promise<void> {
  console.log(`engine: ReadStore with ${DOCS} articles (load ${loadavg()[0]!.toFixed(1)})`);
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-read-'));
  try {
    const store = await ReadStore.open(dir);
    const all = articles.map((a) => ({ id: a.id, contentHash: a.contentHash }));
    const [markAll] = await timeAsync(() => store.setRead(all, true));
    console.log(
      `  mark all ${DOCS} read (one compacted write): ${markAll.toFixed(0)} ms, file ${(statSync(join(dir, READ_MARKS_FILE)).size / 1e6).toFixed(1)} MB`,
    );
    const one: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = all[(i * 7919) % all.length]!;
      const [ms] = await timeAsync(() => store.setRead([t], i % 2 === 1));
      one.push(ms);
    }
    console.log(stats('mark one read/unread (append + fsync)', one));
    const progress: number[] = [];
    for (let i = 0; i < 100; i++) {
      const [ms] = await timeAsync(() => store.setProgress(all[i]!, (i % 10) / 10 + 0.05));
      progress.push(ms);
    }
    console.log(stats('save one reading position', progress));
    console.log(
      `  log after 300 changes: ${(statSync(join(dir, READ_MARKS_FILE)).size / 1e6).toFixed(2)} MB`,
    );
    const byId = new Map(articles.map((a) => [a.id, summary(a)]));
    const byHash = new Map(articles.map((a) => [a.contentHash, byId.get(a.id)!]));
    const lookup = {
      byId: (x: string) => byId.get(x),
      byContentHash: (h: string) => byHash.get(h),
      byPath: () => undefined,
    };
    const resolves: number[] = [];
    for (let i = 0; i < 10; i++) resolves.push((await timeAsync(() => store.resolve(lookup)))[0]);
    console.log(stats(`follow ${store.size} marks after a scan (nothing moved)`, resolves));
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) opens.push((await timeAsync(() => ReadStore.open(dir)))[0]);
    console.log(stats(`open the store (${store.size} marks)`, opens));
    const [unmarkAll] = await timeAsync(() => store.setRead(all, false));
    console.log(`  mark all ${DOCS} unread: ${unmarkAll.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function windowSide(): void {
  console.log(
    `window: counting over ${DOCS} headlines, half of them read (load ${loadavg()[0]!.toFixed(1)})`,
  );
  const items = articles.map(itemFromSummary);
  let reads = ReadIndex.from({ read: articles.filter((_, n) => n % 2 === 0).map((a) => a.id), progress: [] });
  const base = {
    searching: false,
    search: { status: 'idle' as const },
    filter: noFilter,
    now: start,
    articles,
    allItems: items,
    starred: [],
    summaryOf: () => undefined,
    keptUnread: new Set<string>(),
  };
  const count: number[] = [];
  const toggle: number[] = [];
  const unreadList: number[] = [];
  const days: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < 30; i++) {
    // A `j` that marks one read: the index changes, the view's count is made again.
    const [ms] = time(() => {
      reads = reads.with([articles[i * 2 + 1]!.id], []);
      return unreadCount(items, reads);
    });
    toggle.push(ms);
    count.push(time(() => unreadCount(items, reads))[0]);
    unreadList.push(time(() => selectHeadlines({ ...base, view: 'unread', reads }))[0]);
    const grouped = groupByDay(items, {
      now: start,
      locale: 'en',
      labels: { today: 'Today', yesterday: 'Yesterday', undated: 'Undated' },
    });
    // The days on screen: the first dozen headers.
    days.push(
      time(() => {
        let n = 0;
        for (const row of grouped.headerRows.slice(0, 12)) {
          const day = grouped.rowAt(row);
          if (day?.kind === 'day') n += unreadInRange(items, day.firstItem, day.count, reads);
        }
        return n;
      })[0],
    );
    next.push(time(() => nextUnread(items, i * 1000, reads))[0]);
  }
  // The window now: the tally is counted once per library change and follows each mark.
  const byId = new Map(articles.map((a) => [a.id, a]));
  const [build] = time(() => new FacetTally(articles, reads, (x) => byId.get(x)));
  const tally = new FacetTally(articles, reads, (x) => byId.get(x));
  const follow: number[] = [];
  const bulk: number[] = [];
  for (let i = 0; i < 30; i++) {
    follow.push(
      time(() => {
        reads = reads.with([], [articles[i * 2 + 1]!.id]);
        return tally.follow(reads).total;
      })[0],
    );
  }
  for (let i = 0; i < 5; i++) {
    // "Mark older as read" of 1,000 articles, then its undo.
    const ids = articles.slice(i * 1000, i * 1000 + 1000).map((a) => a.id);
    for (const read of [true, false]) {
      bulk.push(
        time(() => {
          reads = read ? reads.with(ids, []) : reads.with([], ids);
          return tally.follow(reads).total;
        })[0],
      );
    }
  }
  console.log(
    `  count the library's unread per category and source once (a library change): ${build.toFixed(1)} ms`,
  );
  console.log(stats('mark one read + follow the tally (pill, sidebar)', follow));
  console.log(stats('mark 1,000 read or unread + follow the tally', bulk));
  console.log(stats('mark one read + count unread of the whole library', toggle));
  console.log(stats('count unread (All view pill)', count));
  console.log(stats('build the Unread view list', unreadList));
  console.log(stats('unread counts of the day headers on screen', days));
  console.log(stats('n: find the next unread', next));
}

await engine();
windowSide();
