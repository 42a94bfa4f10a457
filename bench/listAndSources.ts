// `npm run bench -- listAndSources`: the work the window does per choice and per keystroke at
// 100,000 articles for the time and sources features, without a browser: the list for a view,
// filter and order (shared/listSelection: the same function `broadsheet list` runs), its day groups,
// the categories, sources and folders counts, the timeline's month counts, and narrowing the
// sidebar's lists as a name is typed. Prints
// per-operation times (median and worst of several runs) against the renderer targets: nothing that
// runs on a keystroke may take 50 ms (one long task).

import { FacetCounts } from '../renderer/src/headlines/listFilter';
import { narrowFacets } from '../renderer/src/sources/narrowFacets';
import { compareNewestFirst } from '../shared/articleOrder';
import { folderPath } from '../shared/folders';
import { groupDays, type ListChoice, makeDayKey, noFilter, selectList } from '../shared/listSelection';
import { monthCounts } from '../shared/timeline';
import type { FolderRef, ListedArticle } from '../shared/types';

const ARTICLES = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const SOURCES = 5_000;
const CATEGORIES = 300;
const FOLDERS = 40;
const folders: FolderRef[] = Array.from({ length: FOLDERS }, (_, i) => ({
  root: '/archive',
  name: `folder ${i}`,
}));
const RUNS = 7;

let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const start = Date.parse('2016-01-01T00:00:00Z');
const span = Date.parse('2026-01-01T00:00:00Z') - start;
const articles: ListedArticle[] = [];
for (let i = 0; i < ARTICLES; i++) {
  const a: ListedArticle = {
    id: i.toString(16).padStart(16, '0'),
    contentHash: `h${i}`,
    title: `Article ${i}`,
    date: new Date(start + Math.floor(random() * span)).toISOString(),
    categories: [`分类 ${Math.floor(random() ** 2 * CATEGORIES)}`],
    author: `Source ${Math.floor(random() ** 3 * SOURCES)}`,
    mtimeMs: 0,
    folder: Math.floor(random() ** 2 * FOLDERS),
  };
  if (i % 200 === 0) a.undated = true;
  articles.push(a);
}
articles.sort(compareNewestFirst);
const dayKey = makeDayKey();

function time(label: string, fn: () => unknown): void {
  const samples: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const worst = samples.at(-1)!;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(1).padStart(6)} ms   worst ${worst.toFixed(1).padStart(6)} ms${worst > 50 ? '   OVER 50 ms' : ''}`,
  );
}

const list = (choice: Partial<ListChoice>) =>
  selectList({
    choice: { view: 'all', filter: noFilter, order: 'newest', ...choice },
    now: Date.parse('2026-01-01T00:00:00Z'),
    dayKey,
    articles,
    folders,
    starred: [],
    presentOf: () => undefined,
    fromArticle: (a) => a,
    fromStar: () => articles[0]!,
    allMapped: articles,
  });

console.log(
  `${ARTICLES.toLocaleString('en-US')} articles, ${SOURCES} sources, ${CATEGORIES} categories, ${RUNS} runs each`,
);
time('list: all, newest first (no filter: the list as is)', () => list({}));
time('list: all, oldest first', () => list({ order: 'oldest' }));
time('list: between two dates (a year), newest first', () =>
  list({ filter: { facet: null, range: 'between', from: '2020-01-01', to: '2020-12-31' } }),
);
time('list: one source, oldest first', () =>
  list({ filter: { facet: { kind: 'author', value: 'Source 1' }, range: 'any' }, order: 'oldest' }),
);
time('list: unread view (every 3rd read), past year', () =>
  selectList({
    choice: { view: 'unread', filter: { facet: null, range: 'year' }, order: 'newest' },
    now: Date.parse('2026-01-01T00:00:00Z'),
    dayKey,
    articles,
    folders,
    starred: [],
    presentOf: () => undefined,
    unread: (a) => a.id.charCodeAt(15) % 3 !== 0,
    fromArticle: (a) => a,
    fromStar: () => articles[0]!,
  }),
);
time('list: one folder, newest first', () =>
  list({ filter: { facet: { kind: 'folder', value: folderPath(folders[3]!) }, range: 'any' } }),
);
time('day groups of the whole list (CLI list --json)', () => groupDays(articles, dayKey));
let months = monthCounts(articles, 'newest', dayKey);
time('timeline: month counts of the whole list (per list change)', () => {
  months = monthCounts(articles, 'newest', dayKey);
});
console.log(`  ${months.length} months`);
let facets = new FacetCounts().facets();
time('sidebar counts from scratch (categories and sources)', () => {
  const counts = new FacetCounts();
  for (const a of articles) counts.add(a);
  facets = counts.facets();
});
console.log(`  ${facets.authors.length} sources and ${facets.categories.length} categories listed`);
for (const typed of ['s', 'so', 'sou', 'source 12', '分类']) {
  time(`sidebar filter, typed "${typed}" (both lists)`, () => {
    narrowFacets(facets.authors, typed, null);
    narrowFacets(facets.categories, typed, null);
  });
}
