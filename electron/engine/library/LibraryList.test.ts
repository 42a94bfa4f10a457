// The six list requests through the Library's one entry point, over a real scanned archive: the
// answers agree with the listed articles, and every change (read marks, stars, a folder leaving)
// moves the list version and sends 'list-changed'.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../../shared/articleOrder';
import type { LibraryEvent } from '../../../shared/contract';
import type { ListQuery } from '../../../shared/listQuery';
import { noFilter } from '../../../shared/listSelection';
import { copyArchive, LIBRARY_ARCHIVE } from '../testing/seeds';
import { Library } from './Library';

let work: string;
let archive: string;
let library: Library;
let events: LibraryEvent[];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'bs-list-'));
  archive = join(work, 'archive');
  copyArchive(LIBRARY_ARCHIVE, archive);
  events = [];
  library = await Library.open(
    { dataDir: join(work, 'data'), roots: [archive], watch: false, database: 'memory' },
    (event) => events.push(event),
  );
  await library.whenIdle();
});

afterEach(async () => {
  await library.close();
  await rm(work, { recursive: true, force: true });
});

const query = (more: Partial<ListQuery> = {}): ListQuery => ({
  view: 'all',
  filter: noFilter,
  order: 'newest',
  now: Date.now(),
  timeZone: 'UTC',
  keptUnread: [],
  ...more,
});

async function listChanged(after: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const last = events.filter((e) => e.type === 'list-changed').at(-1);
    if (last && last.type === 'list-changed' && last.version > after) return last.version;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no list-changed event');
}

describe('Library list requests', () => {
  it('answers the list, its rows, positions and the sidebar from the listed articles', async () => {
    const listed = [...library.articles()].sort(compareNewestFirst);
    expect(listed.length).toBe(4);
    const shape = await library.call('getListShape', query());
    expect(shape.total).toBe(4);
    expect(shape.unread).toBe(4);
    expect(shape.days.reduce((n, d) => n + d.count, 0)).toBe(4);
    const rows = await library.call('getListRows', query(), 0, 10);
    expect(rows.version).toBe(shape.version);
    expect(rows.rows.map((r) => r.id)).toEqual(listed.map((a) => a.id));
    expect(rows.rows.every((r) => !r.read && !r.starred && !r.missing)).toBe(true);
    const oldest = await library.call('getListRows', query({ order: 'oldest' }), 1, 2);
    expect(oldest.rows.map((r) => r.id)).toEqual(
      listed
        .map((a) => a.id)
        .reverse()
        .slice(1, 3),
    );
    expect(await library.call('getListPosition', query(), listed[2]!.id)).toBe(2);
    expect(await library.call('getListPosition', query(), 'nope')).toBe(-1);
    expect(await library.call('findUnread', query(), 0, 1)).toEqual({ index: 1, id: listed[1]!.id });

    const sidebar = await library.call('getSidebarCounts');
    expect(sidebar.total).toBe(4);
    expect(sidebar.unread).toBe(4);
    expect(sidebar.folders).toEqual([
      { value: archive, count: 4, unread: 4 },
      { value: join(archive, 'sina'), count: 2, unread: 2 },
    ]);
    const categories = new Map<string, number>();
    for (const a of listed)
      for (const c of new Set(a.categories)) categories.set(c, (categories.get(c) ?? 0) + 1);
    expect(new Map(sidebar.categories.map((c) => [c.value, c.count]))).toEqual(categories);
  });

  it('marks the rest of a list read, sends list-changed, and counts follow; setRead undoes it', async () => {
    const before = (await library.call('getListShape', query())).version;
    const sina = query({ filter: { facet: { kind: 'folder', value: join(archive, 'sina') }, range: 'any' } });
    const marked = await library.call('markListRead', sina, 0, true);
    expect(marked.length).toBe(2);
    const version = await listChanged(before);
    expect(version).toBeGreaterThan(before);
    expect((await library.call('getListShape', sina)).unread).toBe(0);
    expect((await library.call('getListShape', query())).unread).toBe(2);
    const sidebar = await library.call('getSidebarCounts');
    expect(sidebar.unread).toBe(2);
    expect(sidebar.folders.find((f) => f.value === join(archive, 'sina'))?.unread).toBe(0);
    // Marking again changes nothing.
    expect(await library.call('markListRead', sina, 0, true)).toEqual([]);
    // The Unread view leaves them out, unless kept.
    const unreadView = await library.call('getListRows', query({ view: 'unread' }), 0, 10);
    expect(unreadView.rows.some((r) => marked.includes(r.id))).toBe(false);
    const kept = await library.call(
      'getListRows',
      query({ view: 'unread', keptUnread: [marked[0]!] }),
      0,
      10,
    );
    expect(kept.rows.filter((r) => marked.includes(r.id)).map((r) => [r.id, r.read])).toEqual([
      [marked[0], true],
    ]);

    await library.call('setRead', marked, false);
    expect((await library.call('getSidebarCounts')).unread).toBe(4);
    expect((await library.call('getListShape', sina)).unread).toBe(2);
  });

  it('follows stars and a folder leaving the library', async () => {
    const first = (await library.call('getListRows', query(), 0, 1)).rows[0]!;
    const before = (await library.call('getListShape', query())).version;
    await library.call('setStarred', first.id, true);
    await listChanged(before);
    const starred = await library.call('getListRows', query({ view: 'starred' }), 0, 10);
    expect(starred.rows.map((r) => [r.id, r.starred])).toEqual([[first.id, true]]);
    expect((await library.call('getListRows', query(), 0, 1)).rows[0]!.starred).toBe(true);

    await library.call('removeFolder', archive);
    const sidebar = await library.call('getSidebarCounts');
    expect(sidebar).toMatchObject({ total: 0, unread: 0, categories: [], authors: [], folders: [] });
    expect((await library.call('getListShape', query())).total).toBe(0);
    // The star stays, its file no longer listed.
    const gone = await library.call('getListRows', query({ view: 'starred' }), 0, 10);
    expect(gone.rows.map((r) => [r.id, r.missing])).toEqual([[first.id, true]]);
    expect((await library.call('getListShape', query({ view: 'starred' }))).unread).toBe(0);
  });
});
