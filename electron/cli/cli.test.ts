import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForPath } from '../engine/parse/ids';
import { copyArchive, SCAN_ARCHIVE } from '../engine/testing/seeds';
import { runCli } from './run';
import { captureIO } from './testIO';

const bin = fileURLToPath(new URL('../../bin/broadsheet.js', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

let base: string;
let library: string;
const seed = () => join(library, '2022', '000_9fc613d590d79208.txt');

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-cli-')));
  library = join(base, 'library');
  copyArchive(SCAN_ARCHIVE, library);
  writeFileSync(
    join(library, '2021', 'escape.md'),
    '---\ntitle: "Evil \\e]0;owned\\a title"\ndate: 2019-05-01T00:00:00Z\n---\n\nText with \u001b[2J a clear-screen.\n',
  );
  writeFileSync(join(base, 'outside.md'), '---\ntitle: Outside\n---\n\nnot in the library\n');
  symlinkSync(join(base, 'outside.md'), join(library, 'link-out.md'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(argv: string[], cwd = base) {
  const io = captureIO(cwd, { BROADSHEET_DATA_DIR: join(base, 'data') });
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('broadsheet scan', () => {
  it('prints an aligned table, the problems and a summary', async () => {
    const { code, out, err } = await run(['scan', 'library']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    const seedLines = lines.filter((l) => l.includes('王毅会见俄罗斯外长拉夫罗夫'));
    expect(seedLines).toHaveLength(2);
    expect(seedLines[0]).toMatch(/^2022-08-06 04:07 {4}王毅会见俄罗斯外长拉夫罗夫 +新浪财经$/);
    // Authors line up: the title column has the same display width on every row.
    const plain = lines.find((l) => l.includes('A plain Markdown note'))!;
    expect(plain.indexOf('Reporter')).toBe(seedLines[0]!.indexOf('新浪财经') + 13);
    expect(out).not.toContain('\u001b');
    expect(out).toMatch(/Problems:\n/);
    expect(out).toContain(`${join(library, 'broken', 'image-renamed.md')}\n`);
    expect(out).toContain(
      `${join(library, 'link-out.md')}\n          This link points outside the library folder`,
    );
    expect(out).toMatch(/\n5 articles, 3 problems in 1 folder \(\d+\.\d s\)\n$/);
  });

  it('prints one JSON document, newest first', async () => {
    const { code, out } = await run(['scan', join(library, '2022'), join(library, '2021'), '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.articles.map((a: { date: string }) => a.date)).toEqual([
      '2022-08-06T04:07:06.000Z',
      '2022-07-29T04:55:15.000Z',
      '2021-03-22T05:05:06.000Z',
      '2019-05-01T00:00:00.000Z',
    ]);
    expect(Object.keys(doc.articles[0]).sort()).toEqual(
      [
        'author',
        'categories',
        'chars',
        'date',
        'dateSource',
        'id',
        'images',
        'originalUrl',
        'path',
        'siteName',
        'title',
      ].sort(),
    );
    expect(doc.articles[0]).toMatchObject({ id: articleIdForPath(seed()), path: seed(), author: '新浪财经' });
    expect(doc.problems).toEqual([]);
  });

  it('reads zone-less dates in --time-zone', async () => {
    const { out } = await run([
      'scan',
      join(library, '2021', '03'),
      '--json',
      '--time-zone',
      'Asia/Shanghai',
    ]);
    expect(JSON.parse(out).articles[0].date).toBe('2021-03-21T21:05:06.000Z');
  });

  it('fails with exit 1 when a folder does not exist, after scanning the others', async () => {
    const { code, out, err } = await run(['scan', 'nope', join(library, '2022'), '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc.articles).toHaveLength(2);
    expect(doc.problems[0]).toMatchObject({ path: join(base, 'nope'), code: 'root-missing' });
    expect(err).toContain('Could not scan');
  });

  it('rejects bad usage with exit 2 and the usage text', async () => {
    for (const argv of [
      ['scan'],
      ['scan', 'library', '--bogus'],
      ['scan', 'library', '--time-zone', 'Mars/Base'],
    ]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/usage:|IANA/);
    }
  });
});

describe('broadsheet show', () => {
  it('finds an article by path relative to DIR, to the cwd, absolute, or by id', async () => {
    const refs: [string, string][] = [
      ['2022/000_9fc613d590d79208.txt', base],
      ['library/2022/000_9fc613d590d79208.txt', base],
      [seed(), '/'],
      [articleIdForPath(seed()), base],
    ];
    for (const [ref, cwd] of refs) {
      const { code, out } = await run(['show', library, ref, '--json'], cwd);
      expect(code, ref).toBe(0);
      const doc = JSON.parse(out);
      expect(doc).toMatchObject({ path: seed(), title: '王毅会见俄罗斯外长拉夫罗夫', author: '新浪财经' });
      expect(doc.html).toContain('<p>');
      expect(doc.text).toContain('拉夫罗夫');
      expect(doc.text).not.toContain('<p>');
    }
  });

  it('prints metadata and text for people, in local time, without control characters', async () => {
    const { code, out } = await run(['show', 'library', '2022/000_9fc613d590d79208.txt']);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^王毅会见俄罗斯外长拉夫罗夫\n=+\nDate: +2022-08-06 04:07\nAuthor: +新浪财经\nCategories: +金融, 新浪财经/,
    );
    expect(out).toContain('当地时间2022年8月5日');
    const evil = await run(['show', 'library', '2021/escape.md']);
    expect(evil.code).toBe(0);
    expect(evil.out).not.toMatch(/[\u001b\u0007]/);
  });

  it('refuses paths that leave the folder', async () => {
    for (const ref of ['../outside.md', join(base, 'outside.md'), 'link-out.md']) {
      const { code, err } = await run(['show', 'library', ref]);
      expect(code, ref).toBe(1);
      expect(err).toMatch(/outside/);
    }
    const missing = await run(['show', 'library', 'nothing.md']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No such file/);
    const binary = await run(['show', 'library', 'broken/image-renamed.md']);
    expect(binary.code).toBe(1);
    expect(binary.err).toMatch(/cannot be read as an article:\n.*binary/);
  });
});

describe('broadsheet dispatcher', () => {
  it('answers help and --version, and rejects unknown commands with exit 2', async () => {
    const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
    expect(await run(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/broadsheet scan DIR/);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown command "frobnicate"[\s\S]*usage:/);
    expect((await run([])).code).toBe(2);
  });
});

describe('bin/broadsheet.js', () => {
  it('runs as a real process: JSON on stdout and the documented exit codes', () => {
    const env = { ...process.env, TZ: 'UTC', BROADSHEET_DATA_DIR: join(base, 'data') };
    const ok = spawnSync(process.execPath, [bin, 'scan', library, '--json'], {
      cwd: base,
      env,
      encoding: 'utf8',
    });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).articles).toHaveLength(5);
    const usage = spawnSync(process.execPath, [bin, 'scan', '--nope'], { env, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage:');
    const missing = spawnSync(process.execPath, [bin, 'show', library, 'absent.md'], {
      env,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
  });

  it('runs from the TypeScript source when asked (as in a fresh checkout)', () => {
    const env = { ...process.env, TZ: 'UTC', BROADSHEET_FROM_SOURCE: '1' };
    const ok = spawnSync(process.execPath, [bin, 'scan', join(library, '2022'), '--json'], {
      cwd: tmpdir(),
      env,
      encoding: 'utf8',
    });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).articles.map((a: { path: string }) => a.path)).toContain(seed());
  });
});
