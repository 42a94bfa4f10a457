import { mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyArchive, SCAN_ARCHIVE } from '../testing/seeds';
import { type ScanBatch, scanLibrary, scanToList } from './scanLibrary';

const misbehaving = {
  filename: fileURLToPath(new URL('./testWorkers/misbehavingWorker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
};

let base: string;
let library: string;
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-scan-')));
  library = join(base, 'library');
  copyArchive(SCAN_ARCHIVE, library);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function article(title: string, date: string, body = 'Body text.'): string {
  return `---\ntitle: '${title}'\ndate: ${date}\nauthor: Tester\n---\n\n<p>${body}</p>\n`;
}

async function collect(iterable: AsyncIterable<ScanBatch>): Promise<ScanBatch[]> {
  const batches: ScanBatch[] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

describe('scanToList', () => {
  it('lists the articles newest first and reports a broken file without hiding the others', async () => {
    const list = await scanToList([library], { workers: 2 });
    const seedA = join(library, '2022', '000_9fc613d590d79208.txt');
    const seedB = join(library, '2022', '001_c6695ae4905b6fb4.txt');
    const plain = join(library, '2021', '03', 'plain.md');
    const badYaml = join(library, 'broken', 'bad-yaml.md');
    const paths = list.articles.map((a) => a.path);
    // The file whose title line is broken keeps the date that reads (2020-01-01): it lists last, degraded.
    expect(paths).toEqual([seedA, seedB, plain, badYaml]);
    expect(list.articles[3]).toMatchObject({ dateSource: 'front-matter', degraded: true });
    expect(list.problems).toContainEqual(expect.objectContaining({ path: badYaml, severity: 'warning' }));
    expect(list.articles[0]).toMatchObject({
      title: '王毅会见俄罗斯外长拉夫罗夫',
      date: '2022-08-06T04:07:06.000Z',
      root: library,
    });
    expect(list.articles[0]?.text).toBeUndefined();
    const binary = join(library, 'broken', 'image-renamed.md');
    expect(paths).not.toContain(binary);
    expect(list.problems).toContainEqual(expect.objectContaining({ path: binary, severity: 'error' }));
    expect(paths.some((p) => p.endsWith('.jpg'))).toBe(false);
    const dates = list.articles.map((a) => a.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('carries the plain text when asked and applies the parse options', async () => {
    const shanghai = await scanToList([join(library, '2021')], {
      includeText: true,
      parse: { timeZone: 'Asia/Shanghai' },
    });
    const utc = await scanToList([join(library, '2021')], { parse: { timeZone: 'UTC' } });
    expect(shanghai.articles[0]?.text).toContain('Markdown text');
    expect(utc.articles[0]?.date).toBe('2021-03-22T05:05:06.000Z');
    expect(shanghai.articles[0]?.date).toBe('2021-03-21T21:05:06.000Z');
  });

  it('scans several roots and reports the one that is missing', async () => {
    const other = join(base, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'x.md'), article('Other root', '2023-01-01T00:00:00Z'));
    const missing = join(base, 'missing');
    const list = await scanToList([missing, other, join(library, '2022')]);
    expect(list.articles.map((a) => a.title)).toEqual([
      'Other root',
      '王毅会见俄罗斯外长拉夫罗夫',
      '王毅会见俄罗斯外长拉夫罗夫',
    ]);
    expect(list.articles[0]?.root).toBe(other);
    expect(list.problems).toEqual([expect.objectContaining({ path: missing, code: 'root-missing' })]);
  });
});

describe('scanLibrary', () => {
  it('streams batches, each newest first, ending with a done batch whose counts add up', async () => {
    const many = join(base, 'many');
    for (let i = 0; i < 700; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const hour = String(i % 24).padStart(2, '0');
      writeFileSync(
        join(mkdirSync(join(many, `d${i % 7}`), { recursive: true }) ?? join(many, `d${i % 7}`), `a${i}.md`),
        article(`Article ${i}`, `2020-01-${day}T${hour}:00:00Z`),
      );
    }
    const batches = await collect(scanLibrary([many], { workers: 2 }));
    const last = batches.at(-1)!;
    expect(last.progress).toEqual({ found: 700, parsed: 700, done: true });
    expect(batches.slice(0, -1).every((b) => !b.progress.done)).toBe(true);
    expect(batches.reduce((n, b) => n + b.articles.length, 0)).toBe(700);
    for (const batch of batches) {
      const keys = batch.articles.map((a) => `${a.date} ${a.path}`);
      const sorted = [...batch.articles]
        .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1))
        .map((a) => `${a.date} ${a.path}`);
      expect(keys).toEqual(sorted);
    }
    const ids = new Set(batches.flatMap((b) => b.articles.map((a) => a.id)));
    expect(ids.size).toBe(700);
  });

  it('skips the files the caller says are unchanged', async () => {
    const seed = join(library, '2022', '000_9fc613d590d79208.txt');
    const info = statSync(seed);
    const asked: string[] = [];
    const batches = await collect(
      scanLibrary([join(library, '2022')], {
        isUnchanged: (path, mtimeMs, size) => {
          asked.push(path);
          return path === seed && mtimeMs === info.mtimeMs && size === info.size;
        },
      }),
    );
    expect(asked).toHaveLength(2);
    expect(batches.flatMap((b) => b.unchanged)).toEqual([seed]);
    expect(batches.flatMap((b) => b.articles.map((a) => a.path))).toEqual([
      join(library, '2022', '001_c6695ae4905b6fb4.txt'),
    ]);
    expect(batches.at(-1)?.progress).toEqual({ found: 2, parsed: 2, done: true });
  });

  it('ends quietly when aborted, and when the consumer stops early', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await collect(scanLibrary([library], { signal: controller.signal }))).toEqual([]);

    const later = new AbortController();
    const batches: ScanBatch[] = [];
    for await (const batch of scanLibrary([library], { signal: later.signal, workers: 1 })) {
      batches.push(batch);
      later.abort();
    }
    expect(batches).toHaveLength(1);
  });

  it('stops walking when the consumer leaves the loop early, and the next scan is whole', async () => {
    const root = join(base, 'many');
    mkdirSync(root);
    const total = 5000;
    for (let i = 0; i < total; i++) writeFileSync(join(root, `a${i}.md`), 'x');
    let walked = 0;
    // Every file "unchanged": the walk alone fills the batches, 500 at a time.
    const isUnchanged = () => {
      walked++;
      return true;
    };
    let first: ScanBatch | undefined;
    for await (const batch of scanLibrary([root], { workers: 1, isUnchanged })) {
      first = batch;
      break;
    }
    expect(first!.progress.done).toBe(false);
    expect(first!.unchanged.length).toBeGreaterThan(0);
    const whenLeft = walked;
    expect(whenLeft).toBeLessThan(total); // it did not walk on to the end before returning
    await new Promise((r) => setTimeout(r, 200));
    expect(walked).toBe(whenLeft); // and nothing walks after it returned

    const again = await scanToList([root], { workers: 1, isUnchanged: () => true });
    expect(again.unchanged).toHaveLength(total);
  });

  it('survives a worker that dies or throws: only the file that broke it is lost', async () => {
    const root = join(base, 'crashy');
    mkdirSync(root);
    for (let i = 0; i < 10; i++)
      writeFileSync(join(root, `ok${i}.md`), article(`OK ${i}`, `2020-02-${10 + i}T00:00:00Z`));
    writeFileSync(join(root, 'crash.md'), article('Crash', '2020-01-01T00:00:00Z'));
    writeFileSync(join(root, 'throw.md'), article('Throw', '2020-01-01T00:00:00Z'));
    const list = await scanToList([root], { workers: 1, workerScript: misbehaving });
    expect(list.articles.map((a) => a.title).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `OK ${i}`).sort(),
    );
    expect(list.problems.map((p) => [p.path, p.code])).toEqual([
      [join(root, 'crash.md'), 'parser-crash'],
      [join(root, 'throw.md'), 'parser-crash'],
    ]);
    expect(list.problems[1]?.message).toMatch(/refusing/);
  });
});
