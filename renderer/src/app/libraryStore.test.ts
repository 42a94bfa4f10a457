import { describe, expect, it } from 'vitest';
import type { ListedArticle, StarredEntry } from '../../../shared/types';
import { FacetCounts } from '../headlines/listFilter';
import { compareNewestFirst, mergeNewestFirst } from './articleOrder';
import { fromSnapshot, isStarred } from './libraryState';
import { LibraryStore, syncScheduler } from './libraryStore';

function summary(id: string, date: string, extra: Partial<ListedArticle> = {}): ListedArticle {
  return { id, contentHash: `h-${id}`, title: `Title ${id}`, date, categories: [], mtimeMs: 0, ...extra };
}

const ids = (list: readonly ListedArticle[]) => list.map((a) => a.id);

/** Merges with titles as the companions, and checks they stayed with their articles. */
function merge(list: readonly ListedArticle[], batch: ListedArticle[], known?: (id: string) => boolean) {
  const listing = { articles: list, companions: list.map((a) => `companion of ${a.title}`) };
  const merged = mergeNewestFirst(listing, batch, (a) => `companion of ${a.title}`, known);
  expect(merged.companions).toEqual(merged.articles.map((a) => `companion of ${a.title}`));
  return merged.articles;
}

describe('mergeNewestFirst', () => {
  it('merges a batch into a newest-first array', () => {
    const base = [summary('c', '2022-08-06T00:00:00.000Z'), summary('a', '2022-08-01T00:00:00.000Z')];
    const merged = merge(base, [
      summary('d', '2022-09-01T00:00:00.000Z'),
      summary('b', '2022-08-03T00:00:00.000Z'),
      summary('z', '2020-01-01T00:00:00.000Z'),
    ]);
    expect(ids(merged)).toEqual(['d', 'c', 'b', 'a', 'z']);
  });

  it('replaces an upserted article, moving it when its date changed', () => {
    const base = [summary('c', '2022-08-06T00:00:00.000Z'), summary('a', '2022-08-01T00:00:00.000Z')];
    const merged = merge(base, [summary('c', '2022-07-01T00:00:00.000Z', { title: 'New' })]);
    expect(ids(merged)).toEqual(['a', 'c']);
    expect(merged[1]!.title).toBe('New');
  });

  it('agrees with a full sort for random batches', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let list: ListedArticle[] = [];
    const all = new Map<string, ListedArticle>();
    for (let batch = 0; batch < 20; batch++) {
      const items = Array.from({ length: 25 }, () => {
        const id = `id${Math.floor(rand() * 300)}`;
        const day = 1 + Math.floor(rand() * 28);
        return summary(id, `2022-02-${String(day).padStart(2, '0')}T00:00:00.000Z`);
      });
      for (const a of items) all.set(a.id, a);
      list = merge(list, items);
    }
    expect(ids(list)).toEqual(ids([...all.values()].sort(compareNewestFirst)));
  });

  it('trusts `known` to skip the search for replaced entries, and still replaces when told', () => {
    const base = [summary('c', '2022-08-06T00:00:00.000Z'), summary('a', '2022-08-01T00:00:00.000Z')];
    const listed = new Set(ids(base));
    const fresh = merge(base, [summary('b', '2022-08-03T00:00:00.000Z')], (id) => listed.has(id));
    expect(ids(fresh)).toEqual(['c', 'b', 'a']);
    const moved = merge(
      base,
      [summary('a', '2022-09-01T00:00:00.000Z'), summary('b', '2022-08-03T00:00:00.000Z')],
      (id) => listed.has(id),
    );
    expect(ids(moved)).toEqual(['a', 'c', 'b']);
  });

  it('places entries with equal dates by id, before and after the ones listed', () => {
    const day = '2022-08-06T00:00:00.000Z';
    const base = [summary('b', day), summary('d', day)];
    const merged = merge(base, [summary('e', day), summary('a', day), summary('c', day)], () => false);
    expect(ids(merged)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('LibraryStore', () => {
  const snapshot = {
    roots: [{ path: '/lib', status: 'ready' as const, articleCount: 2 }],
    progress: { found: 2, parsed: 2, done: true },
    articles: [
      summary('b', '2022-08-06T00:00:00.000Z', { categories: ['Tech'], author: 'AP' }),
      summary('a', '2022-08-01T00:00:00.000Z'),
    ],
    folders: [],
    problems: [],
    starred: [] as StarredEntry[],
    readMarks: { read: [], progress: [] },
  };

  it('applies events and keeps the id lookup and the headline items in step with the articles', () => {
    const store = new LibraryStore(syncScheduler);
    let heard = 0;
    store.subscribe(() => heard++);
    store.reset(fromSnapshot(snapshot, null));
    const inStep = () => {
      const { articles, items } = store.getState();
      expect(items.map((i) => i.id)).toEqual(ids(articles));
      expect(items.map((i) => i.title)).toEqual(articles.map((a) => a.title));
      // counted batch by batch, yet always what a fresh count of the list says
      const fresh = new FacetCounts();
      for (const a of articles) fresh.add(a);
      expect(store.facets()).toEqual(fresh.facets());
    };
    inStep();
    store.dispatch({
      type: 'articles-upserted',
      folders: [],
      articles: [summary('n', '2023-01-01T00:00:00.000Z', { categories: ['Tech'], author: 'AP' })],
    });
    expect(ids(store.getState().articles)).toEqual(['n', 'b', 'a']);
    expect(store.summary('n')?.title).toBe('Title n');
    inStep();
    // a re-parsed article replaces its old entry (found through the lookup), here moving down
    store.dispatch({
      type: 'articles-upserted',
      folders: [],
      articles: [summary('n', '2020-01-01T00:00:00.000Z', { title: 'Renamed', categories: ['World'] })],
    });
    expect(ids(store.getState().articles)).toEqual(['b', 'a', 'n']);
    expect(store.summary('n')?.title).toBe('Renamed');
    inStep();
    store.dispatch({ type: 'articles-removed', ids: ['b'] });
    expect(ids(store.getState().articles)).toEqual(['a', 'n']);
    expect(store.summary('b')).toBeUndefined();
    expect(store.summary('a')?.id).toBe('a');
    inStep();
    store.reset(fromSnapshot(snapshot, null));
    expect(store.summary('n')).toBeUndefined();
    store.dispatch({ type: 'progress', progress: { found: 9, parsed: 3, done: false } });
    expect(store.getState().progress.parsed).toBe(3);
    store.dispatch({ type: 'menu', command: 'focus-search' });
    expect(heard).toBe(6); // the menu event changes nothing, so no one hears of it
  });

  it('matches stars by id or by content fingerprint', () => {
    const store = new LibraryStore(syncScheduler);
    store.reset(fromSnapshot(snapshot, null));
    const star: StarredEntry = {
      id: 'old-id',
      contentHash: 'h-a',
      path: '/old/a.md',
      title: 'A',
      date: '2022-08-01T00:00:00.000Z',
      starredAt: '2022-08-02T00:00:00.000Z',
      missing: false,
    };
    store.dispatch({ type: 'stars', starred: [star] });
    const { stars, articles } = store.getState();
    expect(articles.filter((a) => isStarred(stars, a)).map((a) => a.id)).toEqual(['a']);
  });

  it('batches notifications through its scheduler', () => {
    const queued: (() => void)[] = [];
    const store = new LibraryStore((flush) => queued.push(flush));
    let heard = 0;
    store.subscribe(() => heard++);
    store.reset(fromSnapshot(snapshot, null));
    store.dispatch({
      type: 'articles-upserted',
      folders: [],
      articles: [summary('x', '2021-01-01T00:00:00.000Z')],
    });
    store.dispatch({
      type: 'articles-upserted',
      folders: [],
      articles: [summary('y', '2021-01-02T00:00:00.000Z')],
    });
    expect(queued).toHaveLength(1);
    queued[0]!();
    expect(heard).toBe(1);
    expect(store.getState().articles).toHaveLength(4);
  });
});
