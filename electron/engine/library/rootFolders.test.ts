import { describe, expect, it } from 'vitest';
import { checkArticleFile, checkNewFolder, describeFsError, type StatFn } from './rootFolders';

function fakeDisk(entries: Record<string, 'dir' | 'file' | 'fifo' | NodeJS.ErrnoException['code']>): StatFn {
  return async (path) => {
    const kind = entries[path];
    if (kind === 'dir' || kind === 'file' || kind === 'fifo') {
      return { isDirectory: () => kind === 'dir', isFile: () => kind === 'file' };
    }
    throw Object.assign(new Error(`${kind ?? 'ENOENT'}: ${path}`), { code: kind ?? 'ENOENT' });
  };
}

const disk = fakeDisk({
  '/lib': 'dir',
  '/lib/2022': 'dir',
  '/other': 'dir',
  '/home': 'dir',
  '/other/a.md': 'file',
  '/other/pipe.md': 'fifo',
  '/locked': 'EACCES',
  '/locked/a.md': 'EACCES',
});

describe('checkNewFolder', () => {
  it('accepts a readable folder outside the roots, trailing separator and all', async () => {
    expect(await checkNewFolder('/other', ['/lib'], disk)).toEqual({ ok: true, path: '/other' });
    expect(await checkNewFolder('/other/', ['/lib'], disk)).toEqual({ ok: true, path: '/other' });
    // A folder holding a root is accepted: it replaces the root.
    expect(await checkNewFolder('/lib', ['/lib/2022'], disk)).toEqual({ ok: true, path: '/lib' });
  });

  it('refuses relative, dotted, missing, unreadable and non-folder paths with a reason', async () => {
    const refused = async (raw: string) => {
      const check = await checkNewFolder(raw, ['/lib'], disk);
      return check.ok ? 'accepted' : check.reason;
    };
    expect(await refused('lib')).toMatch(/Not an absolute path/);
    expect(await refused('/lib/../etc')).toMatch(/"\." or "\.\." parts/);
    expect(await refused('/nowhere')).toMatch(/does not exist/);
    expect(await refused('/locked')).toMatch(/Permission denied/);
    expect(await refused('/other/a.md')).toMatch(/is a file, not a folder/);
  });

  it('refuses a root, and a folder inside one, naming the root', async () => {
    const same = await checkNewFolder('/lib', ['/lib'], disk);
    expect(same).toMatchObject({ ok: false, reason: 'This folder is already in the library.' });
    const inner = await checkNewFolder('/lib/2022', ['/lib'], disk);
    expect(inner).toMatchObject({ ok: false, reason: expect.stringContaining('as part of /lib') });
    // A name that only starts like a root is not inside it.
    expect(await checkNewFolder('/other', ['/oth'], disk)).toMatchObject({ ok: true });
  });
});

describe('checkArticleFile', () => {
  it('accepts a plain absolute path to an article file', async () => {
    expect(await checkArticleFile('/other/a.md', disk)).toEqual({ ok: true, path: '/other/a.md' });
  });

  it('refuses everything else with a reason', async () => {
    const reason = async (path: string) => {
      const check = await checkArticleFile(path, disk);
      return check.ok ? 'accepted' : check.reason;
    };
    expect(await reason('a.md')).toMatch(/Not an absolute path/);
    expect(await reason('/lib/../other/a.md')).toMatch(/"\." or "\.\." parts/);
    expect(await reason('/etc/passwd')).toMatch(/passwd is not an article file/);
    expect(await reason('/other/gone.md')).toMatch(/does not exist/);
    expect(await reason('/locked/a.md')).toMatch(/Permission denied/);
    expect(await reason('/other/pipe.md')).toMatch(/not a regular file/);
  });
});

describe('describeFsError', () => {
  it('names the common causes and falls back to the code', () => {
    const error = (code: string) => Object.assign(new Error('x'), { code });
    expect(describeFsError(error('ENOTDIR'), 'folder')).toMatch(/not a folder/);
    expect(describeFsError(error('EPERM'), 'file')).toMatch(/Permission denied.*this file/);
    expect(describeFsError(error('ELOOP'), 'file')).toBe('This file cannot be read (ELOOP).');
  });
});
