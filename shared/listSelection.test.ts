import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from './articleOrder';
import {
  dayKeyToIso,
  groupDays,
  type ListChoice,
  makeDayKey,
  noFilter,
  parseDay,
  positionOfDay,
  rangeBounds,
  selectList,
  startOfDay,
  UNDATED_DAY,
} from './listSelection';
import type { ListedArticle, StarredEntry } from './types';

const NOW = Date.parse('2024-03-10T12:00:00Z');
const utc = makeDayKey('UTC');

function article(id: string, date: string, more: Partial<ListedArticle> = {}): ListedArticle {
  return { id, contentHash: `h-${id}`, title: id, date, categories: [], mtimeMs: 0, ...more };
}

// Folders: 0 and 1 are top-level folders of /news, 2 its own files, 3 a second root's folder.
const FOLDERS = [
  { root: '/news', name: 'world' },
  { root: '/news', name: 'tech' },
  { root: '/news' },
  { root: '/blogs', name: 'world' },
];
const a = article('a', '2024-03-10T08:00:00.000Z', { author: 'Ann', categories: ['World'], folder: 0 });
const b = article('b', '2024-03-09T23:59:59.999Z', { categories: ['Tech'], folder: 1 });
const c = article('c', '2024-03-01T00:00:00.000Z', { categories: ['World'], folder: 2 });
const u = article('u', '2024-03-10T11:00:00.000Z', { undated: true, categories: ['World'], folder: 3 });
const ARTICLES = [a, b, c, u].sort(compareNewestFirst);

function list(choice: Partial<ListChoice> = {}, starred: StarredEntry[] = []) {
  return selectList({
    choice: { view: 'all', filter: noFilter, order: 'newest', ...choice },
    now: NOW,
    dayKey: utc,
    articles: ARTICLES,
    folders: FOLDERS,
    starred,
    presentOf: (s) => ARTICLES.find((x) => x.id === s.id),
    fromArticle: (x) => x,
    fromStar: (s, present) => present ?? { id: s.id, date: s.date },
  }).map((x) => x.id);
}

describe('selectList', () => {
  it('lists everything newest first with the undated article last, or oldest first, undated still last', () => {
    expect(list()).toEqual(['a', 'b', 'c', 'u']);
    expect(list({ order: 'oldest' })).toEqual(['c', 'b', 'a', 'u']);
  });

  it('narrows by calendar days, inclusive at both ends, and leaves undated articles out of any range', () => {
    const between = (from?: string, to?: string) =>
      list({ filter: { facet: null, range: 'between', ...(from ? { from } : {}), ...(to ? { to } : {}) } });
    expect(between('2024-03-09', '2024-03-09')).toEqual(['b']);
    expect(between('2024-03-01', '2024-03-09')).toEqual(['b', 'c']);
    expect(between('2024-03-10')).toEqual(['a']);
    expect(between(undefined, '2024-03-01')).toEqual(['c']);
    // Neither end chosen yet: every dated article.
    expect(between()).toEqual(['a', 'b', 'c']);
    expect(list({ filter: { facet: null, range: 'week' } })).toEqual(['a', 'b']);
    expect(list({ filter: { facet: { kind: 'category', value: 'World' }, range: 'any' } })).toEqual([
      'a',
      'c',
      'u',
    ]);
  });

  it('narrows to a folder: a top-level folder, a root with its own files and all its folders, or nothing when unknown', () => {
    const folder = (value: string) => list({ filter: { facet: { kind: 'folder', value }, range: 'any' } });
    expect(folder('/news/world')).toEqual(['a']);
    expect(folder('/news')).toEqual(['a', 'b', 'c']);
    expect(folder('/blogs/world')).toEqual(['u']);
    expect(folder('/blogs')).toEqual(['u']);
    expect(folder('/news/worl')).toEqual([]);
    expect(folder('/elsewhere')).toEqual([]);
  });

  it('lists stars in the chosen order, keeping one whose file is gone unless a facet is chosen', () => {
    const star = (id: string, date: string): StarredEntry => ({
      id,
      contentHash: `h-${id}`,
      path: `/x/${id}.md`,
      title: id,
      date,
      starredAt: date,
      missing: !ARTICLES.some((x) => x.id === id),
    });
    const stars = [star('c', c.date), star('gone', '2024-03-05T00:00:00.000Z'), star('a', a.date)];
    expect(list({ view: 'starred' }, stars)).toEqual(['a', 'gone', 'c']);
    expect(list({ view: 'starred', order: 'oldest' }, stars)).toEqual(['c', 'gone', 'a']);
    expect(
      list({ view: 'starred', filter: { facet: { kind: 'author', value: 'Ann' }, range: 'any' } }, stars),
    ).toEqual(['a']);
  });
});

describe('days', () => {
  it('groups consecutive entries by day, undated in their own group', () => {
    const groups = groupDays(ARTICLES, utc);
    expect(groups.map((g) => [dayKeyToIso(g.day), g.entries.map((e) => e.id)])).toEqual([
      ['2024-03-10', ['a']],
      ['2024-03-09', ['b']],
      ['2024-03-01', ['c']],
      ['undated', ['u']],
    ]);
    expect(groups.at(-1)?.day).toBe(UNDATED_DAY);
  });

  it('finds where "go to date" lands, in either order, never on an undated entry', () => {
    const newest = ARTICLES; // a (03-10), b (03-09), c (03-01), u (undated)
    const oldest = [c, b, a, u];
    expect(positionOfDay(newest, 20240309, 'newest', utc)).toBe(1);
    expect(positionOfDay(newest, 20240305, 'newest', utc)).toBe(2);
    expect(positionOfDay(newest, 20250101, 'newest', utc)).toBe(0);
    expect(positionOfDay(newest, 20200101, 'newest', utc)).toBe(-1);
    expect(positionOfDay(oldest, 20240305, 'oldest', utc)).toBe(1);
    expect(positionOfDay(oldest, 20240311, 'oldest', utc)).toBe(-1);
    expect(positionOfDay([], 20240311, 'oldest', utc)).toBe(-1);
  });

  it('reads only real calendar dates', () => {
    expect(parseDay('2024-02-29')).toBe(20240229);
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2023-13-01')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
    expect(parseDay('2023-1-1')).toBeNull();
  });

  it("finds a day's first instant in any zone, DST days included", () => {
    expect(new Date(startOfDay(20240310, utc)).toISOString()).toBe('2024-03-10T00:00:00.000Z');
    const newYork = makeDayKey('America/New_York');
    // Spring forward: 2024-03-10 starts at 05:00Z (EST), the next day at 04:00Z (EDT).
    expect(new Date(startOfDay(20240310, newYork)).toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(new Date(startOfDay(20240311, newYork)).toISOString()).toBe('2024-03-11T04:00:00.000Z');
    expect(new Date(startOfDay(20240101, makeDayKey('Pacific/Kiritimati'))).toISOString()).toBe(
      '2023-12-31T10:00:00.000Z',
    );
    expect(
      rangeBounds({ facet: null, range: 'between', from: '2024-03-10', to: '2024-03-10' }, NOW, newYork),
    ).toEqual({
      from: '2024-03-10T05:00:00.000Z',
      to: '2024-03-11T03:59:59.999Z',
    });
  });
});
