// The window's search filters applied by the engine, over a real scanned archive, against a
// brute-force count over the listed articles: author, folder, unread (with kept ids), stars,
// category and date ranges (undated articles left out of any range), totals after filtering, and
// the row fields every match carries.

import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUndated } from '../../../shared/articleOrder';
import type { ArticleSummary, SearchFilters } from '../../../shared/types';
import { Library } from './Library';

const AUTHORS = ['Ann', ' Ann ', 'Bo', undefined];
const CATEGORIES = ['World', 'Tech'];
const FOLDERS = ['a', 'b', ''];

let work: string;
let archive: string;
let library: Library;
/** Ids of the articles whose text has the searched word. */
const withWord = new Set<string>();
let articles: ArticleSummary[];
const read = new Set<string>();
const starred = new Set<string>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bs-winsearch-'));
  archive = join(work, 'archive');
  for (const folder of FOLDERS) mkdirSync(join(archive, folder), { recursive: true });
  const paths = new Map<string, boolean>();
  for (let i = 0; i < 30; i++) {
    const folder = FOLDERS[i % 3]!;
    const author = AUTHORS[i % 4];
    const undated = i % 5 === 4;
    const word = i % 7 !== 6;
    const lines = [
      '---',
      `title: "Story number ${i}"`,
      ...(undated ? [] : [`date: "2020-01-${String((i % 20) + 1).padStart(2, '0')}T10:00:00Z"`]),
      ...(author !== undefined ? [`author: "${author}"`] : []),
      `category: "${CATEGORIES[i % 2]}"`,
      '---',
      '',
      `A story ${word ? 'about a zebra' : 'about a lion'} and nothing else, number ${i}.`,
    ];
    const path = join(archive, folder, `story-${String.fromCharCode(97 + (i % 26))}${i}.md`);
    writeFileSync(path, lines.join('\n'));
    paths.set(path, word);
  }
  library = await Library.open({
    dataDir: join(work, 'data'),
    roots: [archive],
    watch: false,
    database: 'memory',
  });
  await library.whenIdle();
  articles = library.articles();
  expect(articles.length).toBe(30);
  for (const a of articles) if (paths.get(a.path)) withWord.add(a.id);
  expect(articles.filter((a) => isUndated(a)).length).toBe(6);
  // Some read, some starred.
  const ids = articles.map((a) => a.id).sort();
  const toRead = ids.filter((_, i) => i % 3 === 0);
  await library.call('setRead', toRead, true);
  for (const id of toRead) read.add(id);
  for (const id of ids.filter((_, i) => i % 4 === 1)) {
    await library.call('setStarred', id, true);
    starred.add(id);
  }
}, 120_000);

afterAll(async () => {
  await library?.close();
  await rm(work, { recursive: true, force: true });
});

function expected(filters: SearchFilters): string[] {
  const kept = new Set(filters.keptUnread ?? []);
  const dated = filters.from !== undefined || filters.to !== undefined;
  return articles
    .filter((a) => withWord.has(a.id))
    .filter((a) => filters.category === undefined || a.categories.includes(filters.category))
    .filter((a) => !filters.starredOnly || starred.has(a.id))
    .filter((a) => !dated || !isUndated(a))
    .filter((a) => filters.from === undefined || a.date >= filters.from)
    .filter((a) => filters.to === undefined || a.date <= filters.to)
    .filter((a) => filters.author === undefined || a.author?.trim() === filters.author)
    .filter(
      (a) =>
        filters.folder === undefined ||
        a.path.startsWith(`${filters.folder}/`) ||
        (filters.folder === archive && a.path.startsWith(archive)),
    )
    .filter((a) => !filters.unreadOnly || !read.has(a.id) || kept.has(a.id))
    .map((a) => a.id)
    .sort();
}

describe('the window search filters', () => {
  it('count and list what a brute-force pass over the listed articles finds', async () => {
    const day = fc
      .integer({ min: 1, max: 21 })
      .map((d) => `2020-01-${String(d).padStart(2, '0')}T00:00:00.000Z`);
    const filtersArb = fc.record(
      {
        starredOnly: fc.boolean(),
        from: day,
        to: day,
        category: fc.constantFrom(...CATEGORIES, 'None'),
        author: fc.constantFrom('Ann', 'Bo', 'Zed', ' Ann '),
        folder: fc.constantFrom(join(archive, 'a'), join(archive, 'b'), archive, '/elsewhere'),
        unreadOnly: fc.boolean(),
        keptUnread: fc.subarray([...read].slice(0, 5)),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filtersArb, async (filters) => {
        const result = await library.call('search', { text: 'zebra', filters, order: 'newest', limit: 100 });
        const want = expected(filters);
        expect(result.total).toBe(want.length);
        expect(result.matches.map((m) => m.id).sort()).toEqual(want);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('gives every match what its headline row shows, and pages count after filtering', async () => {
    const result = await library.call('search', { text: 'zebra', order: 'newest', limit: 100 });
    expect(result.total).toBe(withWord.size);
    for (const match of result.matches) {
      const a = articles.find((x) => x.id === match.id)!;
      expect(match.contentHash).toBe(a.contentHash);
      expect(match.source).toBe(a.author?.trim() || a.categories[0]);
      expect(match.read).toBe(read.has(a.id));
      expect(match.starred).toBe(starred.has(a.id));
      expect(match.undated === true).toBe(isUndated(a));
    }
    const filters: SearchFilters = { author: 'Ann', unreadOnly: true };
    const all = expected(filters);
    expect(all.length).toBeGreaterThan(2);
    const page = await library.call('search', {
      text: 'zebra',
      filters,
      order: 'newest',
      limit: 2,
      offset: 1,
    });
    expect(page.total).toBe(all.length);
    expect(page.matches.length).toBe(2);
  });
});
