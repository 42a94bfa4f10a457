import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/types';
import { LibraryDb, type WriteBatch } from './LibraryDb';
import { storedArticle } from './testing/dbArticles';
import { batchWrite, rootOf, writeInSlices } from './writeBatches';

const problem = (path: string, message = 'bad'): Problem => ({
  path,
  message,
  severity: 'warning',
  code: 'date-unreadable',
});

const article = (n: number, text = `word${n}`) => {
  const { problems: _, ...scanned } = storedArticle({
    id: `a${n}`,
    path: `/lib/${n}.md`,
    title: `t${n}`,
    text,
    categories: [],
    dateMs: Date.UTC(2024, 0, 1) + n,
  });
  return scanned;
};

describe('batchWrite', () => {
  it('gives articles their own problems, records files without an article as failed, keeps the rest apart', () => {
    const stats: Record<string, { mtimeMs: number; size: number }> = {
      '/lib/broken.md': { mtimeMs: 7, size: 3 },
    };
    const { write, elsewhere } = batchWrite(
      [article(1), article(2)],
      [problem('/lib/1.md'), problem('/lib/broken.md', 'binary'), problem('/lib/unreadable', 'folder')],
      ['/lib', '/lib/deeper'],
      (path) => stats[path] ?? null,
    );
    expect(write.articles.map((a) => [a.id, a.problems.length])).toEqual([
      ['a1', 1],
      ['a2', 0],
    ]);
    expect(write.failed).toEqual([
      {
        path: '/lib/broken.md',
        root: '/lib',
        mtimeMs: 7,
        size: 3,
        problems: [problem('/lib/broken.md', 'binary')],
      },
    ]);
    expect(elsewhere).toEqual([problem('/lib/unreadable', 'folder')]);
    expect(write.removed).toEqual([]);
  });

  it('picks the deepest root holding a path', () => {
    expect(rootOf('/lib/deeper/x.md', ['/lib', '/lib/deeper'])).toBe('/lib/deeper');
    expect(rootOf('/lib/x.md', ['/lib/deeper', '/lib'])).toBe('/lib');
  });
});

describe('writeInSlices', () => {
  const batchOf = (n: number): WriteBatch => ({
    articles: Array.from({ length: n }, (_, i) => ({ ...article(i), problems: [] })),
    failed: [],
    removed: ['/lib/gone.md'],
  });

  it('commits whole slices, sized by the time they take, pausing between them', async () => {
    const db = LibraryDb.open(':memory:', 'test');
    const slices: number[] = [];
    let pauses = 0;
    // A fake clock: every transaction "takes" 50 ms, so after the first the slices double.
    let clock = 0;
    const done = await writeInSlices(db, batchOf(100), {
      pause: async () => {
        pauses++;
      },
      committed: (slice) => {
        slices.push(slice.articles.length);
        // What a committed slice holds is in the database already.
        for (const a of slice.articles) expect(db.fileState(a.path)).toBeDefined();
      },
      firstSlice: 10,
      now: () => (clock += 50),
    });
    expect(done).toBe(true);
    expect(slices).toEqual([0, 10, 20, 40, 30]);
    expect(pauses).toBe(slices.length - 1);
    expect(db.articleCount).toBe(100);
    db.close();
  });

  it('stops between slices when told, keeping what it committed', async () => {
    const db = LibraryDb.open(':memory:', 'test');
    let commits = 0;
    const done = await writeInSlices(
      db,
      { ...batchOf(50), removed: [] },
      {
        pause: async () => undefined,
        committed: () => {
          commits++;
        },
        stopped: () => commits >= 1,
        firstSlice: 8,
      },
    );
    expect(done).toBe(false);
    expect(commits).toBe(1);
    expect(db.articleCount).toBe(8);
    db.close();
  });
});
