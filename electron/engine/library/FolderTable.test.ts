import { describe, expect, it } from 'vitest';
import { FolderTable } from './FolderTable';

describe('FolderTable', () => {
  it('numbers each root top-level folder once, and the root itself for the files directly in it', () => {
    const table = new FolderTable();
    const root = '/home/me/news';
    expect(table.of({ root, path: `${root}/sina/2024/a.md` })).toBe(0);
    expect(table.of({ root, path: `${root}/a.md` })).toBe(1);
    expect(table.of({ root, path: `${root}/sina/b.md` })).toBe(0);
    expect(table.of({ root: '/other', path: '/other/sina/c.md' })).toBe(2);
    expect(table.list()).toEqual([{ root, name: 'sina' }, { root }, { root: '/other', name: 'sina' }]);
  });

  it('keeps the numbers as folders are added, and hands out the same table until one is', () => {
    const table = new FolderTable();
    table.of({ root: '/r', path: '/r/a/x.md' });
    const first = table.list();
    expect(table.list()).toBe(first);
    table.of({ root: '/r', path: '/r/a/y.md' });
    expect(table.list()).toBe(first);
    table.of({ root: '/r', path: '/r/b/y.md' });
    expect(table.list()).not.toBe(first);
    expect(table.list()[0]).toEqual(first[0]);
  });

  it('reads Windows paths with their own separator, and a folder name as text however odd', () => {
    const table = new FolderTable();
    expect(table.of({ root: 'C:\\news', path: 'C:\\news\\港聞\\a.md' })).toBe(0);
    expect(table.of({ root: '/r', path: '/r/<img src=x onerror=alert(1)>/a.md' })).toBe(1);
    expect(table.list()).toEqual([
      { root: 'C:\\news', name: '港聞' },
      { root: '/r', name: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
