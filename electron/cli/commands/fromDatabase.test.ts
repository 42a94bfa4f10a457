// show, list, starred, star and read answer from the library database after an incremental update:
// an unchanged file (same mtime and size) is not read again, and what changed on disk is seen.

import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForPath } from '../../engine/parse/ids';
import { runCli } from '../run';
import { captureIO } from '../testIO';

let base: string;
let lib: string;
let data: string;
const FILE_TIME = new Date('2024-01-01T00:00:00Z');

const md = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\nBody of ${title}.\n`;

/** Writes the file with a fixed modification time, so a rewrite of the same size looks unchanged. */
function write(name: string, content: string, time = FILE_TIME): string {
  const path = join(lib, name);
  writeFileSync(path, content);
  utimesSync(path, time, time);
  return path;
}

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-cli-db-')));
  lib = join(base, 'lib');
  data = join(base, 'data');
  mkdirSync(lib);
  write('a.md', md('Alpha', '2024-03-10T08:00:00Z'));
  write('b.md', md('Bravo', '2024-03-09T08:00:00Z'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIO(base);
  const code = await runCli([...argv, '--data-dir', data], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function json(...argv: string[]) {
  const { code, out, err } = await run(...argv, '--json');
  // `index` reports progress every two seconds, which a loaded machine can reach.
  expect(err.replace(/^Indexing: .*\n/gm, '')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

const listed = async () =>
  (await json('list', 'lib')).days.flatMap((d: { articles: { title: string }[] }) =>
    d.articles.map((a) => a.title),
  );

describe('commands answering from the library database', () => {
  it('do not read an unchanged file again: its indexed title stands until the file changes', async () => {
    expect(await json('index', 'lib')).toMatchObject({ added: 2 });
    expect((await run('star', 'lib', 'a.md')).code).toBe(0);
    expect((await run('read', 'lib', 'b.md')).code).toBe(0);

    // Same size, same modification time: a rescan would print "Omega", the database says "Alpha".
    write('a.md', md('Omega', '2024-03-10T08:00:00Z'));
    expect(await listed()).toEqual(['Alpha', 'Bravo']);
    expect((await json('starred', 'lib')).starred).toMatchObject([{ title: 'Alpha', missing: false }]);
    const unread = await json('list', 'lib', '--unread');
    expect(unread.total).toBe(1);
    expect((await run('list', 'lib', '--starred')).out).toContain('Alpha');

    // A new modification time: the file is read again, everywhere.
    write('a.md', md('Omega', '2024-03-10T08:00:00Z'), new Date('2024-01-02T00:00:00Z'));
    expect(await listed()).toEqual(['Omega', 'Bravo']);
    expect((await json('starred', 'lib')).starred).toMatchObject([{ title: 'Omega', missing: false }]);
    // The commands brought the database up to date: index finds nothing left to do.
    expect(await json('index', 'lib')).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 2 });
  });

  it('see new and removed files (never a stale answer), and find ids in the database', async () => {
    const c = write('c.md', md('Charlie', '2024-03-11T08:00:00Z'));
    const id = articleIdForPath(c);
    expect(await json('show', 'lib', id)).toMatchObject({ title: 'Charlie', path: c });
    expect(await listed()).toEqual(['Charlie', 'Omega', 'Bravo']);

    unlinkSync(c);
    const gone = await run('show', 'lib', id);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain(`No article in it has this id or path: "${id}"`);
    expect(await listed()).toEqual(['Omega', 'Bravo']);
    unlinkSync(join(lib, 'a.md'));
    expect((await json('starred', 'lib')).starred).toMatchObject([{ title: 'Omega', missing: true }]);
    expect((await run('unstar', 'lib', articleIdForPath(join(lib, 'a.md')))).code).toBe(0);
    expect((await run('starred', 'lib')).out).toBe('No starred articles.\n');
  });

  it('answer for the folder asked about only, though the database holds others', async () => {
    const other = join(base, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'x.md'), md('Xray', '2024-03-12T08:00:00Z'));
    expect(await json('index', 'other')).toMatchObject({ added: 1 });
    expect(await listed()).toEqual(['Bravo']);
    const x = articleIdForPath(join(other, 'x.md'));
    expect((await run('show', 'lib', x)).code).toBe(1);
    expect((await run('star', 'lib', x)).code).toBe(1);
    expect((await json('show', 'other', x)).title).toBe('Xray');
  });
});
