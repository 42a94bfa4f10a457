import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../shared/types';
import { READ_AHEAD_AFTER_QUEUED, ScanPool } from './scanPool';
import type { ScannedArticle } from './scanProtocol';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-pool-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const misbehaving = {
  filename: fileURLToPath(new URL('./testWorkers/misbehavingWorker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
};

function file(name: string): string {
  const path = join(base, name);
  writeFileSync(path, `---\ntitle: ${name}\ndate: 2020-01-01T00:00:00Z\n---\n\ntext of ${name}\n`);
  return path;
}

async function run(pool: ScanPool, paths: string[]): Promise<void> {
  for (const path of paths) pool.push({ path, root: base });
  pool.end();
  await pool.whenDone();
  await pool.close();
}

describe('ScanPool', () => {
  it('parses every pushed file across workers in small chunks', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => file(`p${i}.md`));
    const articles: ScannedArticle[] = [];
    let files = 0;
    const pool = new ScanPool({ size: 2, chunkSize: 4, ahead: 2, includeText: true }, (r) => {
      articles.push(...r.articles);
      files += r.files;
    });
    await run(pool, paths);
    expect(files).toBe(40);
    expect(articles.map((a) => a.path).sort()).toEqual([...paths].sort());
    expect(articles[0]?.text).toMatch(/^text of p\d+\.md$/);
  });

  it('reads ahead of the workers once their reads look cold, on a big scan only', async () => {
    const paths = Array.from({ length: READ_AHEAD_AFTER_QUEUED + 200 }, (_, i) => file(`r${i}.md`));
    const titles = new Set<string>();
    let results = 0;
    let hold = true; // after the first chunk the consumer is "saturated": no worker gets more files
    // warmMicrosPerFile 0: every read counts as slow, so the first chunk's reads start the thread
    const options = {
      size: 1,
      chunkSize: 8,
      ahead: 1,
      saturated: () => results > 0 && hold,
      readAhead: { warmMicrosPerFile: 0 },
    };
    const big = new ScanPool(options, (r) => {
      results++;
      for (const a of r.articles) titles.add(a.title);
    });
    for (const path of paths) big.push({ path, root: base });
    expect(big.readAheadStatus()).toBeNull(); // no read has been timed yet
    // every full batch of 64 files after the first chunk (8) is read ahead
    await vi.waitFor(() => expect(big.readAheadStatus()).toEqual({ state: 'reading', filesRead: 704 }), {
      timeout: 60_000,
    });
    hold = false;
    big.pump();
    big.end();
    await big.whenDone();
    await big.close();
    expect(titles.size).toBe(paths.length);
    expect(big.readAheadStatus()).toEqual({ state: 'closed', filesRead: expect.any(Number) });

    // reads that count as fast (files in memory) never start it
    const warm = new ScanPool({ size: 1, chunkSize: 8, readAhead: { warmMicrosPerFile: 1e9 } }, () => {});
    await run(warm, paths);
    expect(warm.readAheadStatus()).toBeNull();

    // nor does a small scan, however slow its reads
    const small = new ScanPool({ size: 1, readAhead: { warmMicrosPerFile: 0 } }, () => undefined);
    await run(small, paths.slice(0, 100));
    expect(small.readAheadStatus()).toBeNull();
  }, 120_000); // two pools of ~900 files through worker threads: minutes on a loaded 2-core machine

  it('replaces a hung worker and reports the file it hung on', async () => {
    const paths = [file('fine1.md'), file('hang.md'), file('fine2.md')];
    const articles: ScannedArticle[] = [];
    const problems: Problem[] = [];
    const pool = new ScanPool({ size: 1, chunkSize: 8, stallMs: 1500, script: misbehaving }, (r) => {
      articles.push(...r.articles);
      problems.push(...r.problems);
    });
    await run(pool, paths);
    expect(articles.map((a) => a.title).sort()).toEqual(['fine1.md', 'fine2.md']);
    expect(problems).toEqual([
      expect.objectContaining({ path: join(base, 'hang.md'), code: 'parser-crash' }),
    ]);
  });

  it('gives up with a clear error when the worker script cannot start', async () => {
    const pool = new ScanPool(
      { size: 1, script: { filename: join(base, 'no-such-worker.js'), execArgv: [] } },
      () => undefined,
    );
    pool.push({ path: file('x.md'), root: base });
    pool.end();
    await expect(pool.whenDone()).rejects.toThrow(/scan workers could not start/);
    await pool.close();
  });
});
