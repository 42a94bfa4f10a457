import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootsToOpen } from './LibraryFolders';

function settingsWith(roots: string[]) {
  const saved: string[][] = [];
  return {
    saved,
    get: () => ({ roots }),
    addRoots: async (added: readonly string[]) => void saved.push([...added]),
  };
}

describe('rootsToOpen', () => {
  it('opens the given folders, saving them only when asked', async () => {
    const s = settingsWith(['/saved']);
    expect(await rootsToOpen({ roots: ['rel/dir'] }, s)).toEqual([resolve('rel/dir')]);
    expect(s.saved).toEqual([]);
    expect(await rootsToOpen({ roots: ['/x'], persistRoots: true }, s)).toEqual([resolve('/x')]);
    expect(s.saved).toEqual([[resolve('/x')]]);
  });

  it('opens the saved folders, and the default ones (saved) only when none are', async () => {
    const saved = settingsWith(['/saved']);
    expect(await rootsToOpen({ defaultRoots: ['/sample'] }, saved)).toEqual(['/saved']);
    expect(saved.saved).toEqual([]);
    const first = settingsWith([]);
    expect(await rootsToOpen({ defaultRoots: ['/sample'] }, first)).toEqual([resolve('/sample')]);
    expect(first.saved).toEqual([[resolve('/sample')]]);
    expect(await rootsToOpen({}, settingsWith([]))).toEqual([]);
  });
});
