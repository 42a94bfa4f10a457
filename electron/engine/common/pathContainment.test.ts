import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isInsideFolder,
  isReallyInsideFolder,
  isStrictlyInsideFolder,
  POSIX_PATHS,
  WINDOWS_PATHS,
} from './pathContainment';

describe('isInsideFolder, POSIX paths', () => {
  const inside = (path: string, folder: string) => isInsideFolder(path, folder, POSIX_PATHS);

  it('holds for the folder itself and anything below it', () => {
    expect(inside('/lib', '/lib')).toBe(true);
    expect(inside('/lib/a.md', '/lib')).toBe(true);
    expect(inside('/lib/x/y/z.md', '/lib')).toBe(true);
  });

  it('is not fooled by a shared prefix: /a/bc is not inside /a/b', () => {
    expect(inside('/a/bc', '/a/b')).toBe(false);
    expect(inside('/a/bc/d.md', '/a/b')).toBe(false);
    expect(inside('/library/a.md', '/lib')).toBe(false);
    expect(inside('/lib.md', '/lib')).toBe(false);
  });

  it('ignores a trailing separator on either side', () => {
    expect(inside('/lib/a.md', '/lib/')).toBe(true);
    expect(inside('/lib/', '/lib')).toBe(true);
    expect(inside('/lib', '/lib/')).toBe(true);
    expect(inside('/libx', '/lib/')).toBe(false);
  });

  it('treats the file-system root as containing every absolute path', () => {
    expect(inside('/etc/passwd', '/')).toBe(true);
    expect(inside('/', '/')).toBe(true);
  });

  it('refuses the parent, siblings and empty paths', () => {
    expect(inside('/', '/lib')).toBe(false);
    expect(inside('/other/a.md', '/lib')).toBe(false);
    expect(inside('', '/lib')).toBe(false);
    expect(inside('/lib/a.md', '')).toBe(false);
  });

  it('compares case-sensitively and takes a backslash as part of a name', () => {
    expect(inside('/Lib/a.md', '/lib')).toBe(false);
    expect(inside('/lib\\a.md', '/lib')).toBe(false);
  });
});

describe('isInsideFolder, Windows paths', () => {
  const inside = (path: string, folder: string) => isInsideFolder(path, folder, WINDOWS_PATHS);

  it('accepts either separator and ignores case (drive letters included)', () => {
    expect(inside('C:\\Lib\\a.md', 'C:\\Lib')).toBe(true);
    expect(inside('c:\\lib\\a.md', 'C:\\LIB')).toBe(true);
    expect(inside('C:/Lib/sub/a.md', 'c:\\lib\\')).toBe(true);
    expect(inside('C:\\Lib', 'c:/lib/')).toBe(true);
  });

  it('is not fooled by a shared prefix or another drive', () => {
    expect(inside('C:\\Library\\a.md', 'C:\\Lib')).toBe(false);
    expect(inside('D:\\Lib\\a.md', 'C:\\Lib')).toBe(false);
    expect(inside('C:\\a\\bc', 'C:\\a\\b')).toBe(false);
  });

  it('lets a drive root contain its drive only', () => {
    expect(inside('C:\\Lib\\a.md', 'C:\\')).toBe(true);
    expect(inside('D:\\Lib\\a.md', 'C:\\')).toBe(false);
  });

  it('handles UNC shares', () => {
    expect(inside('\\\\server\\share\\news\\a.md', '\\\\server\\share')).toBe(true);
    expect(inside('\\\\server\\shared\\a.md', '\\\\server\\share')).toBe(false);
  });
});

describe('isStrictlyInsideFolder', () => {
  it('is isInsideFolder without the folder itself', () => {
    expect(isStrictlyInsideFolder('/lib', '/lib', POSIX_PATHS)).toBe(false);
    expect(isStrictlyInsideFolder('/lib/', '/lib', POSIX_PATHS)).toBe(false);
    expect(isStrictlyInsideFolder('/lib/a', '/lib', POSIX_PATHS)).toBe(true);
    expect(isStrictlyInsideFolder('C:\\LIB', 'c:/lib', WINDOWS_PATHS)).toBe(false);
    expect(isStrictlyInsideFolder('/libx', '/lib', POSIX_PATHS)).toBe(false);
  });
});

describe('isReallyInsideFolder (symbolic links followed)', () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'containment-')));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const lib = join(base, 'lib');
  const outside = join(base, 'outside');
  mkdirSync(join(lib, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(lib, 'sub', 'a.md'), 'a');
  writeFileSync(join(outside, 'secret.md'), 's');
  symlinkSync(join(outside, 'secret.md'), join(lib, 'escape.md'));
  symlinkSync(outside, join(lib, 'door'));
  symlinkSync(lib, join(base, 'lib-link'));
  symlinkSync(join(lib, 'sub', 'a.md'), join(outside, 'into-lib.md'));

  it('holds for a real file inside', async () => {
    expect(await isReallyInsideFolder(join(lib, 'sub', 'a.md'), lib)).toBe(true);
  });

  it('refuses a link inside that points outside, to a file or through a folder', async () => {
    expect(isInsideFolder(join(lib, 'escape.md'), lib)).toBe(true); // lexically inside...
    expect(await isReallyInsideFolder(join(lib, 'escape.md'), lib)).toBe(false); // ...really not
    expect(await isReallyInsideFolder(join(lib, 'door', 'secret.md'), lib)).toBe(false);
  });

  it('follows a link to the folder itself and a link from outside into it', async () => {
    expect(await isReallyInsideFolder(join(lib, 'sub', 'a.md'), join(base, 'lib-link'))).toBe(true);
    expect(await isReallyInsideFolder(join(outside, 'into-lib.md'), lib)).toBe(true);
  });

  it('is false when either side does not resolve', async () => {
    expect(await isReallyInsideFolder(join(lib, 'missing.md'), lib)).toBe(false);
    expect(await isReallyInsideFolder(join(lib, 'sub', 'a.md'), join(base, 'gone'))).toBe(false);
  });

  it('uses the realpath it is given', async () => {
    const fake = async (p: string) => (p === '/x/link' ? '/elsewhere/file' : realpath(p).catch(() => p));
    expect(await isReallyInsideFolder('/x/link', '/x', fake, POSIX_PATHS)).toBe(false);
  });
});
