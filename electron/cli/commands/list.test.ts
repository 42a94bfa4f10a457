import { mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run';
import { captureIO } from '../testIO';

let base: string;
let lib: string;
let data: string;

const md = (title: string, extra: string) => `---\ntitle: ${title}\n${extra}---\n\nBody of ${title}.\n`;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-list-')));
  lib = join(base, 'lib');
  data = join(base, 'data');
  mkdirSync(lib);
  writeFileSync(
    join(lib, 'a.md'),
    md('Alpha', 'date: 2024-03-10T08:00:00Z\nauthor: Ann\ncategories: [World]\n'),
  );
  writeFileSync(join(lib, 'b.md'), md('Beta', 'date: 2024-03-09T20:00:00Z\ncategories: [Tech]\n'));
  writeFileSync(join(lib, 'c.md'), md('Gamma', 'date: 2024-03-01T00:00:00Z\nauthor: Ann\n'));
  // No date anywhere: the file's time (set to the newest of all) stands in, and it is listed last.
  const undated = join(lib, 'notes.md');
  writeFileSync(undated, md('Undated note', ''));
  utimesSync(undated, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function list(...args: string[]) {
  const io = captureIO(base);
  const code = await runCli(['list', 'lib', '--data-dir', data, ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

interface Listed {
  total: number;
  shown: number;
  months: { month: string; count: number }[];
  days: { day: string; count: number; articles: { title: string; undated?: boolean; path?: string }[] }[];
}

async function json(...args: string[]): Promise<Listed> {
  const { code, out, err } = await list('--json', ...args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Listed;
}

const titles = (l: Listed) => l.days.map((d) => `${d.day}: ${d.articles.map((a) => a.title).join(', ')}`);

describe('broadsheet list', () => {
  it('lists by day, newest first, the undated article in its own group at the end', async () => {
    const all = await json();
    expect(titles(all)).toEqual([
      '2024-03-10: Alpha',
      '2024-03-09: Beta',
      '2024-03-01: Gamma',
      'undated: Undated note',
    ]);
    expect(all.total).toBe(4);
    expect(all.days[3]!.articles[0]).toMatchObject({ undated: true, path: join(lib, 'notes.md') });
  });

  it('lists oldest first (undated still last), by date range, source, category and limit', async () => {
    expect(titles(await json('--oldest-first'))).toEqual([
      '2024-03-01: Gamma',
      '2024-03-09: Beta',
      '2024-03-10: Alpha',
      'undated: Undated note',
    ]);
    expect(titles(await json('--from', '2024-03-02', '--to', '2024-03-09'))).toEqual(['2024-03-09: Beta']);
    expect(titles(await json('--to', '2024-03-09'))).toEqual(['2024-03-09: Beta', '2024-03-01: Gamma']);
    expect(titles(await json('--source', 'Ann'))).toEqual(['2024-03-10: Alpha', '2024-03-01: Gamma']);
    expect(titles(await json('--category', 'Tech'))).toEqual(['2024-03-09: Beta']);
    const limited = await json('--limit', '2');
    expect(limited).toMatchObject({ total: 4, shown: 2 });
    expect(titles(limited)).toEqual(['2024-03-10: Alpha', '2024-03-09: Beta']);
  });

  it('lists the unread articles: what the Unread view shows after reading one', async () => {
    const io = captureIO(base);
    expect(await runCli(['read', 'lib', 'b.md', '--data-dir', data], io)).toBe(0);
    expect(titles(await json('--unread'))).toEqual([
      '2024-03-10: Alpha',
      '2024-03-01: Gamma',
      'undated: Undated note',
    ]);
    expect((await list('--unread', '--starred')).err).toContain('Choose --unread or --starred');
    expect(await runCli(['unread', 'lib', 'b.md', '--data-dir', data], captureIO(base))).toBe(0);
    expect((await json('--unread')).total).toBe(4);
  });

  it('groups days in the chosen zone', async () => {
    // 2024-03-09T20:00Z is already the 10th in Shanghai.
    expect(titles(await json('--time-zone', 'Asia/Shanghai'))[0]).toBe('2024-03-10: Alpha, Beta');
  });

  it('counts the listed articles by month for the timeline, in list order, before --limit', async () => {
    expect((await json('--limit', '1')).months).toEqual([{ month: '2024-03', count: 3 }]);
    // 2024-03-01T00:00Z is still February 29 in Honolulu.
    const honolulu = ['--time-zone', 'Pacific/Honolulu'];
    expect((await json(...honolulu)).months).toEqual([
      { month: '2024-03', count: 2 },
      { month: '2024-02', count: 1 },
    ]);
    expect((await json(...honolulu, '--oldest-first')).months).toEqual([
      { month: '2024-02', count: 1 },
      { month: '2024-03', count: 2 },
    ]);
  });

  it('narrows to a folder: the root or one of its top-level folders, by name or path', async () => {
    const shelf = join(base, 'shelf');
    mkdirSync(join(shelf, 'world', '2024'), { recursive: true });
    mkdirSync(join(shelf, 'tech'));
    writeFileSync(join(shelf, 'world', '2024', 'w.md'), md('World one', 'date: 2024-03-10T08:00:00Z\n'));
    writeFileSync(join(shelf, 'tech', 't.md'), md('Tech one', 'date: 2024-03-09T08:00:00Z\n'));
    writeFileSync(join(shelf, 'top.md'), md('At the top', 'date: 2024-03-08T08:00:00Z\n'));
    const inShelf = async (...args: string[]) => {
      const io = captureIO(base);
      const code = await runCli(['list', 'shelf', '--data-dir', data, '--json', ...args], io);
      expect(io.stderr()).toBe('');
      expect(code).toBe(0);
      return titles(JSON.parse(io.stdout()) as Listed);
    };
    expect(await inShelf('--folder', 'world')).toEqual(['2024-03-10: World one']);
    expect(await inShelf('--folder', join(shelf, 'tech'))).toEqual(['2024-03-09: Tech one']);
    expect(await inShelf('--folder', '.')).toEqual([
      '2024-03-10: World one',
      '2024-03-09: Tech one',
      '2024-03-08: At the top',
    ]);
    expect(await inShelf('--folder', 'nothing-here')).toEqual([]);
    const deep = captureIO(base);
    expect(await runCli(['list', 'shelf', '--data-dir', data, '--folder', 'world/2024'], deep)).toBe(2);
    expect(deep.stderr()).toContain('--folder takes');
    expect(deep.stderr()).toContain('one of its top-level folders');
  });

  it('prints day headers and a count as text', async () => {
    const { code, out } = await list('--limit', '3');
    expect(code).toBe(0);
    expect(out).toContain('2024-03-10 (1)\n  08:00  Alpha  · Ann\n');
    expect(out).toContain('3 of 4 articles shown (--limit 3)');
    expect((await list('--starred')).out).toBe('No articles match these choices.\n');
  });

  it('says what is wrong with its arguments', async () => {
    const bad = await list('--from', '2024-02-30');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      '--from takes a calendar date as YYYY-MM-DD (such as 2024-03-01), got "2024-02-30"',
    );
    expect((await list('--from', '2024-03-05', '--to', '2024-03-01')).err).toContain('is after --to');
    expect((await list('--limit', 'ten')).err).toContain('--limit takes a whole number of articles');
    expect((await list('--source', 'x', '--category', 'y')).err).toContain(
      'Choose one of --source, --category and --folder',
    );
    expect((await list('--category', 'x', '--folder', 'y')).err).toContain('Choose one of');
    const io = captureIO(base);
    expect(await runCli(['list', 'nowhere', '--data-dir', data], io)).toBe(1);
    expect(io.stderr()).toBe(`Folder not found: ${join(base, 'nowhere')}\n`);
  });
});
