import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StarredEntry } from '../../../shared/types';
import { folderToOffer, placeMissingStars, rememberingExists } from './starWhereabouts';

const star = (path: string, missing: boolean): StarredEntry => ({
  id: path,
  contentHash: 'h',
  path,
  title: 't',
  date: '2024-01-01T00:00:00.000Z',
  starredAt: '2024-01-02T00:00:00.000Z',
  missing,
});

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'bs-where-'));
  await mkdir(join(work, 'closed', 'sub'), { recursive: true });
  await mkdir(join(work, 'open'), { recursive: true });
  await writeFile(join(work, 'closed', 'sub', 'a.md'), 'x');
});
afterEach(() => rm(work, { recursive: true, force: true }));

describe('placeMissingStars', () => {
  it('names the folder, not open, that still holds the file; "missing" only for files really gone', async () => {
    const exists = rememberingExists();
    const placed = await placeMissingStars(
      [
        star(join(work, 'closed', 'sub', 'a.md'), true), // in a folder that is not open
        star(join(work, 'closed', 'gone.md'), true), // gone from a closed folder
        star(join(work, 'open', 'gone.md'), true), // gone from an open folder
        star(join(work, 'open', 'here.md'), false), // listed
      ],
      [join(work, 'open')],
      [join(work, 'open'), join(work, 'closed')],
      exists,
    );
    expect(placed.map((s) => s.closedFolder)).toEqual([
      join(work, 'closed'),
      undefined,
      undefined,
      undefined,
    ]);
    expect(placed.map((s) => s.missing)).toEqual([true, true, true, false]);
  });

  it('a file inside an open folder is never sent elsewhere, even when it exists on disk', async () => {
    const path = join(work, 'closed', 'sub', 'a.md');
    const placed = await placeMissingStars(
      [star(path, true)],
      [join(work, 'closed')],
      [],
      rememberingExists(),
    );
    expect(placed[0]!.closedFolder).toBeUndefined();
  });
});

describe('folderToOffer', () => {
  it('offers the innermost folder it was opened from, else the file’s own folder', () => {
    expect(folderToOffer('/a/b/c/x.md', ['/a', '/a/b', '/z'])).toBe('/a/b');
    expect(folderToOffer('/q/r/x.md', ['/a'])).toBe('/q/r');
    expect(folderToOffer('/ab/x.md', ['/a'])).toBe('/ab');
  });
});

describe('rememberingExists', () => {
  it('asks the disk again once its answer is a minute old', async () => {
    let now = 0;
    const exists = rememberingExists(() => now);
    const path = join(work, 'later.md');
    expect(await exists(path)).toBe(false);
    await writeFile(path, 'x');
    expect(await exists(path)).toBe(false);
    now = 61_000;
    expect(await exists(path)).toBe(true);
  });
});
