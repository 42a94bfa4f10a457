// Issue 15's CLI paper cuts: what a new user typed, and what the CLI must answer.

import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../engine/parse/limits';
import { readArticleFile, sizesOverLimit } from '../engine/parse/readArticleFile';
import { copyArchive, LIBRARY_ARCHIVE } from '../engine/testing/seeds';
import { runCli } from './run';
import { captureIO } from './testIO';

let base: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-cli-cuts-')));
  copyArchive(LIBRARY_ARCHIVE, join(base, 'archive'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIO(base, { BROADSHEET_DATA_DIR: join(base, 'data') });
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('CLI paper cuts', { timeout: 120_000 }, () => {
  it('takes --data-dir on every command', async () => {
    const data = join(base, 'other-data');
    expect((await run('scan', 'archive', '--data-dir', data)).code).toBe(0);
    expect((await run('show', 'archive', 'sina/000_9fc613d590d79208.txt', '--data-dir', data)).code).toBe(0);
    const watch = await run('watch', 'no-such-folder', '--data-dir', data);
    expect(watch.code).toBe(1);
    expect(watch.err).toContain('is not a folder');
    expect((await run('starred', 'archive', '--data-dir', data)).code).toBe(0);
  }, 60_000);

  it('show without --json prints the HTML as parsed and the text', async () => {
    const { code, out } = await run('show', 'archive', 'sina/000_9fc613d590d79208.txt');
    expect(code).toBe(0);
    expect(out).toContain('HTML (as parsed, before the reader sanitizes it):');
    expect(out).toMatch(/<p[ >]/);
    expect(out).toContain('\nText:\n');
  });

  it('--help lists --queries and --data-dir', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('--queries FILE');
    expect(out).toContain('--data-dir DIR');
  });

  it('an empty query is a usage error', async () => {
    const empty = await run('search', 'archive', '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('the one given is empty');
    expect((await run('search', 'archive', '   ')).code).toBe(2);
    writeFileSync(join(base, 'blank.txt'), '\n  \n');
    const blank = await run('search', 'archive', '--queries', 'blank.txt');
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('has no queries');
  });

  it('says "folder not found" for a missing folder, whatever the command', async () => {
    for (const argv of [
      ['show', 'nowhere', 'x.md'],
      ['starred', 'nowhere'],
      ['star', 'nowhere', 'x.md'],
      ['unstar', 'nowhere', 'x.md'],
      ['read', 'nowhere', 'x.md'],
      ['unread', 'nowhere', 'x.md'],
      ['search', 'nowhere', 'word'],
    ]) {
      const { code, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(1);
      expect(err, argv.join(' ')).toContain(`Folder not found: ${join(base, 'nowhere')}`);
    }
  });

  it('prints a phrase query with its own quotes only', async () => {
    const { code, out } = await run('search', 'archive', '"high-level cooperation"');
    expect(code).toBe(0);
    expect(out).toMatch(/^1 match for "high-level cooperation" \(/);
    expect((await run('search', 'archive', 'lavrov')).out).toMatch(/^1 match for "lavrov" \(/);
  });

  it("--limit -1 gets a clear message, not the argument parser's", async () => {
    for (const argv of [
      ['search', 'archive', 'x', '--limit', '-1'],
      ['search', 'archive', 'x', '--limit=-1'],
    ]) {
      const { code, err } = await run(...argv);
      expect(code).toBe(2);
      expect(err).toContain('--limit takes a whole number of matches to list (0 or more), got "-1".');
      expect(err).not.toContain('ambiguous');
    }
  });

  it('never says a file over the size limit is the size of the limit', async () => {
    expect(sizesOverLimit(21_000_000, MAX_FILE_BYTES)).toEqual({
      file: '21,000,000 bytes',
      limit: '20,971,520 bytes (20.0 MiB)',
    });
    expect(sizesOverLimit(30 * 1024 * 1024, MAX_FILE_BYTES)).toEqual({ file: '30.0 MiB', limit: '20.0 MiB' });
    const path = join(base, 'big.md');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 21_000_000);
    closeSync(fd);
    const outcome = await readArticleFile(path, base);
    expect(outcome.problems[0]?.message).toContain(
      'This file is 21,000,000 bytes, over the 20,971,520 bytes',
    );
    rmSync(path);
  });
});
