import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForPath } from '../../engine/parse/ids';
import { ReadStore } from '../../engine/store/ReadStore';
import { copyArchive, LIBRARY_ARCHIVE } from '../../engine/testing/seeds';
import { runCli } from '../run';
import { captureIO } from '../testIO';

let base: string;
let archive: string;
let dataDir: string;
// The two seeds share a title (王毅会见俄罗斯外长拉夫罗夫) and are different articles.
const seed0 = () => join(archive, 'sina', '000_9fc613d590d79208.txt');
const seed1 = () => join(archive, 'sina', '001_c6695ae4905b6fb4.txt');

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-cli-read-')));
  archive = join(base, 'archive');
  dataDir = join(base, 'data');
  copyArchive(LIBRARY_ARCHIVE, archive);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(argv: string[]) {
  const io = captureIO(base, { BROADSHEET_DATA_DIR: dataDir });
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function readIds(): Promise<string[]> {
  const store = await ReadStore.open(dataDir);
  return [...store.all()]
    .filter((m) => m.read)
    .map((m) => m.id)
    .sort();
}

describe('broadsheet read / unread', () => {
  it('marks articles by path (relative to DIR) and by id, and says which were already read', async () => {
    const first = await run(['read', 'archive', 'sina/000_9fc613d590d79208.txt']);
    expect(first).toMatchObject({ code: 0, out: 'Marked read: 王毅会见俄罗斯外长拉夫罗夫\n' });
    const again = await run(['read', 'archive', articleIdForPath(seed0()), articleIdForPath(seed1())]);
    expect(again.code).toBe(0);
    expect(again.out).toBe(
      'Already read: 王毅会见俄罗斯外长拉夫罗夫\nMarked read: 王毅会见俄罗斯外长拉夫罗夫\n',
    );
    expect(await readIds()).toEqual([articleIdForPath(seed0()), articleIdForPath(seed1())].sort());
  });

  it('unmarks one article without touching the other of the same title', async () => {
    const { code, out } = await run(['unread', 'archive', seed1()]);
    expect(code).toBe(0);
    expect(out).toBe('Marked unread: 王毅会见俄罗斯外长拉夫罗夫\n');
    expect(await readIds()).toEqual([articleIdForPath(seed0())]);
  });

  it('a read mark follows its article when the file is moved', async () => {
    mkdirSync(join(archive, 'moved'));
    const moved = join(archive, 'moved', 'renamed.txt');
    renameSync(seed0(), moved);
    // Any command that opens the library matches the marks to what is there now.
    const { code } = await run(['read', 'archive', 'moved/renamed.txt']);
    expect(code).toBe(0);
    expect(await readIds()).toEqual([articleIdForPath(moved)]);
    renameSync(moved, seed0());
  });

  it('names what it cannot find, marks the rest, and exits 1', async () => {
    const { code, out, err } = await run(['read', 'archive', 'nope.md', seed1()]);
    expect(code).toBe(1);
    expect(err).toContain('No article "nope.md"');
    expect(out).toBe('Marked read: 王毅会见俄罗斯外长拉夫罗夫\n');
  });

  it('without an article it prints the usage', async () => {
    const { code, err } = await run(['unread', 'archive']);
    expect(code).toBe(2);
    expect(err).toContain('usage: broadsheet unread DIR PATH_OR_ID...');
  });
});
