import { mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForPath } from '../../engine/parse/ids';
import { copyArchive, LIBRARY_ARCHIVE } from '../../engine/testing/seeds';
import { runCli } from '../run';
import { captureIO } from '../testIO';

let base: string;
let archive: string;
let dataDir: string;
const seed0 = () => join(archive, 'sina', '000_9fc613d590d79208.txt');
const seed1 = () => join(archive, 'sina', '001_c6695ae4905b6fb4.txt');

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-cli-search-')));
  archive = join(base, 'archive');
  dataDir = join(base, 'data');
  copyArchive(LIBRARY_ARCHIVE, archive);
  writeFileSync(join(base, 'queries.txt'), '拉夫罗夫\n\nlavrov\n"high-level cooperation"\n央行\n');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(argv: string[]) {
  const io = captureIO(base, { BROADSHEET_DATA_DIR: dataDir });
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('broadsheet search', () => {
  it('prints one JSON document for a file of queries, every match listed', async () => {
    const { code, out } = await run(['search', 'archive', '--queries', 'queries.txt', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as {
      results: {
        query: string;
        total: number;
        elapsedMs: number;
        matches: { id: string; path: string; title: string; date: string }[];
      }[];
    };
    expect(doc.results.map((r) => [r.query, r.total])).toEqual([
      ['拉夫罗夫', 2],
      ['lavrov', 1],
      ['"high-level cooperation"', 1],
      ['央行', 0],
    ]);
    const first = doc.results[0]!;
    expect(first.matches.map((m) => m.path).sort()).toEqual([seed0(), seed1()].sort());
    expect(first.matches[0]).toEqual({
      id: articleIdForPath(first.matches[0]!.path),
      path: first.matches[0]!.path,
      title: '王毅会见俄罗斯外长拉夫罗夫',
      date: expect.stringMatching(/^2022-0[78]-\d\dT\d\d:\d\d:\d\d\.000Z$/),
    });
    expect(typeof first.elapsedMs).toBe('number');
  });

  it('honours --limit while still counting every match', async () => {
    const { out } = await run(['search', 'archive', '拉夫罗夫', '--json', '--limit', '1']);
    const doc = JSON.parse(out);
    expect(doc.results[0].total).toBe(2);
    expect(doc.results[0].matches).toHaveLength(1);
  });

  it('finds Simplified text for a Traditional query unless --exact-characters', async () => {
    const folded = JSON.parse((await run(['search', 'archive', '拉夫羅夫', '--json'])).out);
    expect(folded.results[0].total).toBe(2);
    const exact = JSON.parse(
      (await run(['search', 'archive', '拉夫羅夫', '--json', '--exact-characters'])).out,
    );
    expect(exact.results[0].total).toBe(0);
    const same = JSON.parse(
      (await run(['search', 'archive', '拉夫罗夫', '--json', '--exact-characters'])).out,
    );
    expect(same.results[0].total).toBe(2);
  });

  it('orders newest first by default or by relevance, and refuses another order', async () => {
    const dates = (out: string) =>
      (JSON.parse(out).results[0].matches as { date: string }[]).map((m) => m.date);
    const newest = dates((await run(['search', 'archive', '王毅 OR 拉夫罗夫', '--json'])).out);
    expect(newest).toEqual([...newest].sort().reverse());
    const relevance = await run(['search', 'archive', '王毅 OR 拉夫罗夫', '--json', '--order', 'relevance']);
    expect(relevance.code).toBe(0);
    expect(dates(relevance.out).sort()).toEqual([...newest].sort());
    expect((await run(['search', 'archive', 'x', '--order', 'oldest'])).code).toBe(2);
  });

  it('says what the query parser could not use, on stderr and in JSON', async () => {
    const long = `拉夫罗夫 "${'a'.repeat(20)}`;
    const human = await run(['search', 'archive', long]);
    expect(human.err).toContain('The quote was not closed');
    const json = JSON.parse((await run(['search', 'archive', long, '--json'])).out);
    expect(json.results[0].notices).toEqual([
      'The quote was not closed: the rest of the query was searched as a phrase.',
    ]);
  });

  it('prints readable matches and rejects bad usage with exit code 2', async () => {
    const human = await run(['search', 'archive', '金边']);
    expect(human.code).toBe(0);
    expect(human.out).toContain('1 match for "金边"');
    expect(human.out).toContain(seed0());
    expect((await run(['search', 'archive'])).code).toBe(2);
    expect((await run(['search', 'archive', 'x', '--limit', 'many'])).code).toBe(2);
    const missing = await run(['search', 'archive', '--queries', 'nope.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Cannot read the queries file');
  });
});

describe('broadsheet star / unstar / starred', () => {
  it('stars by path or id on the shared store, follows a rename, keeps a missing star', async () => {
    expect((await run(['star', 'archive', 'sina/000_9fc613d590d79208.txt'])).code).toBe(0);
    let listed = JSON.parse((await run(['starred', 'archive', '--json'])).out);
    expect(listed.starred).toMatchObject([
      { path: seed0(), missing: false, title: '王毅会见俄罗斯外长拉夫罗夫' },
    ]);

    renameSync(seed0(), join(archive, 'renamed.txt'));
    listed = JSON.parse((await run(['starred', 'archive', '--json'])).out);
    expect(listed.starred).toMatchObject([{ path: join(archive, 'renamed.txt'), missing: false }]);
    expect(listed.starred[0].path).not.toBe(seed1());

    rmSync(join(archive, 'renamed.txt'));
    const human = await run(['starred', 'archive']);
    expect(human.out).toContain('missing');
    const id = JSON.parse((await run(['starred', 'archive', '--json'])).out).starred[0].id;
    expect((await run(['unstar', 'archive', id])).code).toBe(0);
    expect((await run(['starred', 'archive'])).out).toContain('No starred articles.');
  });

  it('says what to do for an unknown article', async () => {
    const { code, err } = await run(['star', 'archive', 'no-such-file.md']);
    expect(code).toBe(1);
    expect(err).toContain('Use an id from "broadsheet scan --json"');
  });
});
