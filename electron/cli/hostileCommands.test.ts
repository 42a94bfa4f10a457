// Every command over the hostile archive's terminal attacks (terminal-escapes.md, terminal-osc.md and
// a file name that forges an output row): nothing a terminal would act on reaches stdout or stderr,
// no archive text starts a line of its own, and --json keeps each value exactly but \u-escaped.
// A command added later belongs in this file too.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForPath } from '../engine/parse/ids';
import { buildHostileArchive, type HostileManifest } from '../engine/testing/hostileArchive';
import { runCli } from './run';
import { captureIO } from './testIO';

/** Whatever a terminal acts on; line feeds (and tabs, in article text) are the only controls allowed. */
const TERMINAL_UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
/** The file name's second line, and the title's: a forged row would start with it. */
const FORGED = /^\s*(2099-01-01|FORGED|FAKE|NEL-ROW)/;

let base: string;
let dataDir: string;
let manifest: HostileManifest;
const osc = () => join(manifest.root, 'terminal-osc.md');
const forgedName = () =>
  join(manifest.root, manifest.files.find((f) => f.path.startsWith('generated/forged-row'))!.path);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'bs-cli-hostile-commands-'));
  dataDir = join(base, 'data');
  manifest = await buildHostileArchive(base, { heavy: false });
}, 60_000);
afterAll(() => rm(base, { recursive: true, force: true }));

async function run(argv: string[], signal?: AbortSignal) {
  const io = captureIO(base, { BROADSHEET_DATA_DIR: dataDir });
  const code = await runCli(argv, signal ? { ...io, signal } : io);
  return { code, out: io.stdout(), err: io.stderr() };
}

function expectSafeHuman(output: string, label: string) {
  const bad = output.split('\n').filter((line) => TERMINAL_UNSAFE.test(line));
  expect(
    bad.map((l) => JSON.stringify(l).slice(0, 160)),
    label,
  ).toEqual([]);
  const forged = output.split('\n').filter((line) => FORGED.test(line));
  expect(forged, label).toEqual([]);
}

function expectSafeJson(output: string, label: string) {
  expect(
    output.split('\n').filter((line) => TERMINAL_UNSAFE.test(line)),
    label,
  ).toEqual([]);
  for (const line of output.trim().split('\n')) JSON.parse(line);
}

// Each command opens the library over the hostile archive: slow on a loaded machine.
describe('every CLI command over terminal attacks', { timeout: 180_000 }, () => {
  it('scan', async () => {
    const human = await run(['scan', manifest.root]);
    expect(human.code).toBe(0);
    expectSafeHuman(human.out + human.err, 'scan');
    expect(human.out).toContain('Copy ␛]52;c;');
    const json = await run(['scan', manifest.root, '--json']);
    expectSafeJson(json.out, 'scan --json');
    const doc = JSON.parse(json.out) as { articles: { path: string; title: string; author: string }[] };
    const article = doc.articles.find((a) => a.path === osc())!;
    expect(article.title).toContain('\u001b]52;c;cHduZWQ=\u0007');
    expect(article.title).toContain('\u009b2J');
    expect(article.title).toContain('\u202egnp.exe');
    expect(doc.articles.some((a) => a.path === forgedName())).toBe(true);
  });

  it('index', async () => {
    const human = await run(['index', manifest.root]);
    expect(human.code, human.err).toBe(0);
    expectSafeHuman(human.out + human.err, 'index');
    const json = await run(['index', manifest.root, '--json']);
    expectSafeJson(json.out, 'index --json');
  });

  it('show, for a hostile title and body and for a hostile file name', async () => {
    for (const path of [osc(), forgedName(), join(manifest.root, 'terminal-escapes.md')]) {
      const human = await run(['show', manifest.root, path]);
      expect(human.code, human.err).toBe(0);
      expectSafeHuman(human.out + human.err, `show ${path}`);
      const json = await run(['show', manifest.root, path, '--json']);
      expectSafeJson(json.out, `show --json ${path}`);
      expect(JSON.parse(json.out).path).toBe(path);
    }
    const bodyText = (await run(['show', manifest.root, osc()])).out;
    expect(bodyText).toContain('The cerulean body: ␛]52;c;Ym9keQ==␇ clipboard');
    // Errors name paths and refs from the archive too.
    const missing = await run(['show', manifest.root, 'no\u001b]52;c;eA==\u0007\nFORGED.md']);
    expect(missing.code).toBe(1);
    expectSafeHuman(missing.out + missing.err, 'show error');
  });

  it('search', async () => {
    const human = await run(['search', manifest.root, 'cerulean']);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toMatch(/^2 matches for "cerulean"/);
    expectSafeHuman(human.out + human.err, 'search');
    const json = await run(['search', manifest.root, 'cerulean', '--json']);
    expectSafeJson(json.out, 'search --json');
    const paths = JSON.parse(json.out).results[0].matches.map((m: { path: string }) => m.path);
    expect(paths.sort()).toEqual([osc(), forgedName()].sort());
    const query = await run(['search', manifest.root, 'x\u001b]52;c;eA==\u0007\u009b2J\u202e']);
    expectSafeHuman(query.out + query.err, 'search echoing a query');
  });

  it('star, starred and unstar', async () => {
    for (const path of [osc(), forgedName()]) {
      const starred = await run(['star', manifest.root, path]);
      expect(starred.code, starred.err).toBe(0);
      expectSafeHuman(starred.out + starred.err, `star ${path}`);
    }
    const list = await run(['starred', manifest.root]);
    expect(list.out).toContain('2 starred');
    expectSafeHuman(list.out + list.err, 'starred');
    const json = await run(['starred', manifest.root, '--json']);
    expectSafeJson(json.out, 'starred --json');
    expect(
      JSON.parse(json.out)
        .starred.map((s: { path: string }) => s.path)
        .sort(),
    ).toEqual([osc(), forgedName()].sort());
    for (const id of [articleIdForPath(osc()), articleIdForPath(forgedName())]) {
      const unstarred = await run(['unstar', manifest.root, id]);
      expect(unstarred.code, unstarred.err).toBe(0);
      expectSafeHuman(unstarred.out + unstarred.err, 'unstar');
    }
    const unknown = await run(['star', manifest.root, 'gone\u001b[2J\nFORGED.md']);
    expect(unknown.code).toBe(1);
    expectSafeHuman(unknown.out + unknown.err, 'star error');
  });

  it('read, unread and list (the headline list, its unread view, and --json)', async () => {
    for (const path of [osc(), forgedName()]) {
      const read = await run(['read', manifest.root, path]);
      expect(read.code, read.err).toBe(0);
      expectSafeHuman(read.out + read.err, `read ${path}`);
    }
    const unread = await run(['unread', manifest.root, forgedName()]);
    expect(unread.code, unread.err).toBe(0);
    expectSafeHuman(unread.out + unread.err, 'unread');
    for (const argv of [
      ['list', manifest.root],
      ['list', manifest.root, '--unread'],
    ]) {
      const human = await run(argv);
      expect(human.code, human.err).toBe(0);
      expect(human.out).toContain('ALERT'); // the hostile titles are listed, cleaned
      expectSafeHuman(human.out + human.err, argv.join(' '));
      const json = await run([...argv, '--json']);
      expectSafeJson(json.out, `${argv.join(' ')} --json`);
    }
    const unknown = await run(['read', manifest.root, 'gone\u001b]8;;https://x.test\u0007\nFORGED.md']);
    expect(unknown.code).toBe(1);
    expectSafeHuman(unknown.out + unknown.err, 'read error');
  });

  it('export (its progress and summary name archive titles)', async () => {
    for (const format of ['md', 'html', 'json']) {
      const out = join(base, `export-${format}`);
      const result = await run([
        'export',
        manifest.root,
        '--query',
        'cerulean',
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(result.code, result.err).toBe(0);
      expectSafeHuman(result.out + result.err, `export --format ${format}`);
    }
  });

  for (const json of [false, true]) {
    it(`watch${json ? ' --json' : ''}`, async () => {
      const stop = new AbortController();
      const io = { ...captureIO(base, { BROADSHEET_DATA_DIR: dataDir }), signal: stop.signal };
      const running = runCli(['watch', manifest.root, ...(json ? ['--json'] : [])], io);
      const until = async (test: () => boolean) => {
        const deadline = Date.now() + 15_000;
        while (!test()) {
          if (Date.now() > deadline) throw new Error(`timed out:\n${io.stdout()}\n${io.stderr()}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      await until(() => (json ? io.stdout().includes('"ready"') : io.stderr().includes('Watching')));
      const name = `watch-${json}\n2099-01-01 00:00    FORGED\u001b]52;c;cHduZWQ=\u0007\u009b2J\u202e.md`;
      await writeFile(join(manifest.root, name), '# Watched\n');
      await until(() => io.stdout().includes(`watch-${json}`));
      stop.abort();
      expect(await running).toBe(0);
      if (json) {
        expectSafeJson(io.stdout(), 'watch --json');
        const added = io
          .stdout()
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
          .find((e) => e.type === 'added');
        expect(added.path).toBe(join(manifest.root, name));
      } else {
        expectSafeHuman(io.stdout() + io.stderr(), 'watch');
      }
    }, 30_000);
  }
});
