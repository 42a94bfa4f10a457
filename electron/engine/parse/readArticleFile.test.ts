import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIR, SEED_NAMES } from '../testing/seeds';
import { MAX_FILE_BYTES } from './limits';
import { readArticleFile, readArticleFileSync, unreadable } from './readArticleFile';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = join(dir, 'seed.txt');
copyFileSync(join(SEED_DIR, SEED_NAMES[0]), seed);

const readers = [
  ['async', readArticleFile],
  ['sync', async (p: string, r: string) => readArticleFileSync(p, r)],
] as const;

describe.each(readers)('readArticleFile (%s)', (_name, read) => {
  it('reads and parses a file, with its stat', async () => {
    const { article, problems } = await read(seed, dir);
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ title: '王毅会见俄罗斯外长拉夫罗夫', path: seed, root: dir, size: 3783 });
    expect(article!.mtimeMs).toBeGreaterThan(0);
  });

  it('refuses files over the size limit before reading them', async () => {
    const big = join(dir, `big-${_name}.md`);
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1); // sparse: costs no disk
    const { article, problems } = await read(big, dir);
    expect(article).toBeNull();
    expect(problems).toMatchObject([{ code: 'too-large', severity: 'error', path: big }]);
    // One byte over: the sizes are in bytes, so the file never reads as the limit itself.
    expect(problems[0]!.message).toContain(
      'This file is 20,971,521 bytes, over the 20,971,520 bytes (20.0 MiB) limit',
    );
  });

  it('turns a missing file into an unreadable problem', async () => {
    const { article, problems } = await read(join(dir, 'gone.md'), dir);
    expect(article).toBeNull();
    expect(problems).toMatchObject([
      { code: 'file-unreadable', severity: 'error', params: { errno: 'ENOENT' } },
    ]);
    expect(problems[0]!.message).toContain('no longer exists');
  });

  it('refuses a folder named like an article', async () => {
    const folder = join(dir, `folder-${_name}.md`);
    mkdirSync(folder);
    const { article, problems } = await read(folder, dir);
    expect(article).toBeNull();
    expect(problems[0]!.code).toBe('not-regular-file');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'says "permission denied" in words',
    async () => {
      const locked = join(dir, `locked-${_name}.md`);
      writeFileSync(locked, '# x');
      chmodSync(locked, 0o000);
      const { article, problems } = await read(locked, dir);
      expect(article).toBeNull();
      expect(problems[0]!.message).toContain('permission denied');
      chmodSync(locked, 0o600);
    },
  );

  it.skipIf(process.platform === 'win32')('does not hang on a FIFO named like an article', async () => {
    const fifo = join(dir, `pipe-${_name}.md`);
    execFileSync('mkfifo', [fifo]);
    const { article, problems } = await read(fifo, dir);
    expect(article).toBeNull();
    expect(problems[0]!.message).toContain('not a regular file');
  });
});

describe('unreadable', () => {
  it('puts the errno in words with advice, and keeps unknown errors readable', () => {
    const eacces = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    const outcome = unreadable('/l/a.md', eacces);
    expect(outcome.article).toBeNull();
    expect(outcome.problems).toEqual([
      {
        path: '/l/a.md',
        code: 'file-unreadable',
        severity: 'error',
        params: { errno: 'EACCES', detail: '' },
        message:
          'Broadsheet could not read this file: permission denied (EACCES). Give your user read permission on it ' +
          '(for example chmod u+r) and rescan.',
      },
    ]);
    expect(unreadable('/l/a.md', new Error('strange')).problems[0]!.message).toContain('strange');
  });
});
