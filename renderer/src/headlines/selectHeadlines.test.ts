import { describe, expect, it } from 'vitest';
import { makeDayKey } from '../../../shared/listSelection';
import type { ListedArticle, SearchResult, StarredEntry } from '../../../shared/types';
import { ReadIndex } from '../read/readIndex';
import { itemFromSummary } from './headlineItem';
import { noFilter } from './listFilter';
import { type HeadlineSources, selectHeadlines, shownSearchResult } from './selectHeadlines';

const NOW = Date.parse('2024-03-10T12:00:00Z');

function article(id: string, date: string, more: Partial<ListedArticle> = {}): ListedArticle {
  return { id, contentHash: `h-${id}`, title: `Title ${id}`, date, categories: [], mtimeMs: 0, ...more };
}

const FOLDERS = [
  { root: '/news', name: 'world' },
  { root: '/news', name: 'tech' },
];
const a = article('a', '2024-03-10T08:00:00.000Z', { author: 'Ann', categories: ['World'], folder: 0 });
const b = article('b', '2024-03-09T08:00:00.000Z', { author: 'Bo', categories: ['Tech'], folder: 1 });
const c = article('c', '2023-01-01T08:00:00.000Z', { categories: ['World'], folder: 0 });
const ARTICLES = [a, b, c];

function star(of: ListedArticle, more: Partial<StarredEntry> = {}): StarredEntry {
  return {
    id: of.id,
    contentHash: of.contentHash,
    path: `/lib/${of.id}.md`,
    title: of.title,
    date: of.date,
    starredAt: '2024-03-10T00:00:00.000Z',
    missing: false,
    ...more,
  };
}

function sources(over: Partial<HeadlineSources> = {}): HeadlineSources {
  const byId = new Map(ARTICLES.map((x) => [x.id, x]));
  return {
    searching: false,
    search: { status: 'idle' },
    view: 'all',
    filter: noFilter,
    order: 'newest',
    now: NOW,
    dayKey: makeDayKey('UTC'),
    articles: ARTICLES,
    folders: FOLDERS,
    allItems: ARTICLES.map(itemFromSummary),
    starred: [],
    summaryOf: (id) => byId.get(id),
    reads: ReadIndex.empty(),
    keptUnread: new Set(),
    ...over,
  };
}

function result(ids: string[]): SearchResult {
  return {
    query: 'q',
    total: ids.length,
    elapsedMs: 1,
    matches: ids.map((id) => ({
      id,
      path: `/lib/${id}.md`,
      title: `Match ${id}`,
      date: '2024-01-01T00:00:00.000Z',
      titleHighlights: [],
      snippet: `snippet ${id}`,
      snippetHighlights: [],
      score: 1,
    })),
  };
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('selectHeadlines', () => {
  it('shows the whole list as it is when nothing narrows it', () => {
    const s = sources();
    expect(selectHeadlines(s)).toBe(s.allItems);
  });

  it('narrows the list by facet and by date range', () => {
    expect(
      ids(
        selectHeadlines(sources({ filter: { facet: { kind: 'category', value: 'World' }, range: 'any' } })),
      ),
    ).toEqual(['a', 'c']);
    expect(
      ids(selectHeadlines(sources({ filter: { facet: { kind: 'author', value: 'Bo' }, range: 'any' } }))),
    ).toEqual(['b']);
    expect(ids(selectHeadlines(sources({ filter: { facet: null, range: 'week' } })))).toEqual(['a', 'b']);
    expect(
      ids(
        selectHeadlines(sources({ filter: { facet: { kind: 'category', value: 'World' }, range: 'day' } })),
      ),
    ).toEqual(['a']);
  });

  it('lists search matches in the engine’s order, keeping the previous result while the next runs', () => {
    const done = sources({ searching: true, search: { status: 'done', result: result(['c', 'a']) } });
    expect(ids(selectHeadlines(done))).toEqual(['c', 'a']);
    expect(selectHeadlines(done)[0]?.title).toBe('Match c');
    const running = sources({ searching: true, search: { status: 'searching', previous: result(['b']) } });
    expect(ids(selectHeadlines(running))).toEqual(['b']);
    expect(
      selectHeadlines(sources({ searching: true, search: { status: 'searching', previous: null } })),
    ).toEqual([]);
    expect(selectHeadlines(sources({ searching: true, search: { status: 'error', message: 'x' } }))).toEqual(
      [],
    );
  });

  it('applies the author and folder facets to search matches itself, dropping matches it cannot check', () => {
    const s = sources({
      searching: true,
      search: { status: 'done', result: result(['a', 'b', 'gone']) },
      filter: { facet: { kind: 'author', value: 'Ann' }, range: 'any' },
    });
    expect(ids(selectHeadlines(s))).toEqual(['a']);
    const inFolder = sources({
      searching: true,
      search: { status: 'done', result: result(['a', 'b', 'c', 'gone']) },
      filter: { facet: { kind: 'folder', value: '/news/world' }, range: 'any' },
    });
    expect(ids(selectHeadlines(inFolder))).toEqual(['a', 'c']);
    expect(ids(selectHeadlines({ ...inFolder, searching: false }))).toEqual(['a', 'c']);
    // The category facet and the dates went to the engine with the query: not applied twice.
    const byCategory = sources({
      searching: true,
      search: { status: 'done', result: result(['a', 'b', 'gone']) },
      filter: { facet: { kind: 'category', value: 'World' }, range: 'day' },
    });
    expect(ids(selectHeadlines(byCategory))).toEqual(['a', 'b', 'gone']);
  });

  it('lists the starred articles newest first, following a moved file by its content', () => {
    const moved = article('b2', b.date, { contentHash: b.contentHash, author: 'Bo' });
    const s = sources({
      view: 'starred',
      articles: [a, moved, c],
      summaryOf: (id) => [a, moved, c].find((x) => x.id === id),
      starred: [star(c), star(b), star(a)],
    });
    const items = selectHeadlines(s);
    expect(ids(items)).toEqual(['a', 'b2', 'c']);
    expect(items.every((i) => !i.missing)).toBe(true);
  });

  it('keeps a star whose file is gone unless a facet is chosen, and orders equal dates by id', () => {
    const gone = star(article('z', a.date), { missing: true, title: 'Gone' });
    const twin = star(article('y', a.date), { missing: true });
    const s = sources({ view: 'starred', starred: [gone, star(a), twin] });
    expect(ids(selectHeadlines(s))).toEqual(['a', 'y', 'z']);
    expect(selectHeadlines(s).find((i) => i.id === 'z')).toMatchObject({ missing: true, title: 'Gone' });
    const faceted = sources({
      view: 'starred',
      starred: [gone, star(a)],
      filter: { facet: { kind: 'author', value: 'Ann' }, range: 'any' },
    });
    expect(ids(selectHeadlines(faceted))).toEqual(['a']);
    const old = sources({ view: 'starred', starred: [star(c)], filter: { facet: null, range: 'month' } });
    expect(selectHeadlines(old)).toEqual([]);
  });
});

describe('shownSearchResult', () => {
  it('is the finished result, or the previous one while searching, else none', () => {
    const r = result(['a']);
    expect(shownSearchResult({ status: 'done', result: r })).toBe(r);
    expect(shownSearchResult({ status: 'searching', previous: r })).toBe(r);
    expect(shownSearchResult({ status: 'idle' })).toBeNull();
    expect(shownSearchResult({ status: 'error', message: 'x' })).toBeNull();
  });
});

describe('the Unread view', () => {
  const reads = () => ReadIndex.from({ read: ['b'], progress: [] });

  it('lists what is not read, narrowed by the filters like All', () => {
    const ids = (over: Partial<HeadlineSources>) => selectHeadlines(sources(over)).map((i) => i.id);
    expect(ids({ view: 'unread', reads: reads() })).toEqual(['a', 'c']);
    expect(
      ids({
        view: 'unread',
        reads: reads(),
        filter: { ...noFilter, facet: { kind: 'category', value: 'World' } },
      }),
    ).toEqual(['a', 'c']);
    expect(ids({ view: 'unread', reads: reads(), filter: { ...noFilter, range: 'week' } })).toEqual(['a']);
  });

  it('keeps an article read while the view shows it, until the view is left', () => {
    const ids = selectHeadlines(sources({ view: 'unread', reads: reads(), keptUnread: new Set(['b']) })).map(
      (i) => i.id,
    );
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('narrows search matches to the unread ones', () => {
    const ids = selectHeadlines(
      sources({
        view: 'unread',
        reads: reads(),
        searching: true,
        search: { status: 'done', result: result(['b', 'c']) },
      }),
    ).map((i) => i.id);
    expect(ids).toEqual(['c']);
  });
});
