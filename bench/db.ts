// Library database benchmark: `npm run bench -- db [--sizes 10000,100000] [--1m] [--queries 20]`.
// For each size, on a generated seed-like archive (bench/scanArchive.ts, cached in .bench/), each step
// in a fresh process so its peak RSS is its own:
//   build     a new database from the files (scan workers parse, one thread writes): time, peak RSS,
//             size on disk
//   update    the same with nothing changed (every file stat-ed and skipped): what `search` pays first
//   query     a process that only opens the database and searches: per query kind, p50/p95 of the
//             first page of 50 newest with its exact total, and of the exact total alone; peak RSS
// `--1m` adds 1,000,000 articles (about 4 GB of files and a long build: not for a shared machine).
// Timings on a shared 2-core machine are noisy: read them as orders of magnitude, never assert them.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LIBRARY_DB_FILE, LibraryDb } from '../electron/engine/db/LibraryDb';
import { updateLibraryDb } from '../electron/engine/db/updateLibraryDb';
import { seededRandom } from '../electron/engine/testing/seededRandom';
import { benchArchive } from './scanArchive';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
const ENGINE = 'bench';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    '1m': { type: 'boolean' },
    queries: { type: 'string', default: '20' },
    'child-build': { type: 'string' },
    'child-query': { type: 'string' },
    db: { type: 'string' },
  },
});

const peakMb = () => process.resourceUsage().maxRSS / 1024;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Child: bring the database at --db up to date with the archive; print JSON. */
async function childBuild(dir: string, dbPath: string): Promise<void> {
  const started = performance.now();
  const db = LibraryDb.open(dbPath, ENGINE);
  const summary = await updateLibraryDb(db, [dir]);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  process.stdout.write(`${JSON.stringify({ seconds, peakMb: peakMb(), summary })}\n`);
}

/** Query kinds over what the generated archive holds (its sentences, titles and index numbers). */
function queryKinds(perKind: number, size: number): Record<string, string[]> {
  const text = readFileSync(join(repo, 'bench/scanArchive.ts'), 'utf8');
  const chinese = [...text.matchAll(/^ {2}'([^'\n]*[\u4e00-\u9fff][^'\n]*)',$/gm)].map((m) => m[1]!);
  const english = [...text.matchAll(/^ {2}'([A-Z][a-z][^'\n]+)',$/gm)].map((m) => m[1]!);
  const random = seededRandom(7);
  const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)]!;
  /** A run of `len` Han characters from the archive's sentences (no punctuation inside). */
  const run = (len: number): string => {
    for (;;) {
      const s = pick(chinese);
      const at = Math.floor(random() * (s.length - len));
      const out = s.slice(at, at + len);
      if (/^\p{Script=Han}+$/u.test(out)) return out;
    }
  };
  const word = () =>
    pick(
      pick(english)
        .split(' ')
        .filter((w) => w.length > 3),
    );
  const make = (fn: () => string) => Array.from({ length: perKind }, fn);
  return {
    'cjk-1': make(() => run(1)),
    'cjk-2': make(() => run(2)),
    'cjk-3..6': make(() => run(3 + Math.floor(random() * 4))),
    'english word': make(word),
    'english prefix': make(() => word().slice(0, 3)),
    'quoted phrase': make(() => `"${pick(english).split(' ').slice(1, 4).join(' ')}"`),
    mixed: make(() => `${run(2)} ${word()}`),
    'rare (title number)': make(() => String(Math.floor(random() * size))),
    '1-char + bigram': make(() => `${run(1)} ${run(2)}`),
    'quoted cjk pair "ab cd"': make(() => `"${run(2)} ${run(2)}"`),
    ...(size <= 10_000
      ? {
          // Verified on the text, candidate by candidate: seconds at 100,000 (see docs/benchmarks.md).
          'phrase with 1-char token': Array.from(
            { length: Math.min(perKind, 5) },
            () => `"${run(1)} ${word()}"`,
          ),
        }
      : {}),
    miss: make(() => pick(['鱻龘', 'zzqxv', '"王毅 Zürich"', '量子纠缠'])),
  };
}

/** Child: open the database and run every query twice (first page of 50, then total only). */
function childQuery(dbPath: string, perKind: number, size: number): void {
  const openStarted = performance.now();
  const db = LibraryDb.open(dbPath, ENGINE);
  const openMs = performance.now() - openStarted;
  const kinds = queryKinds(perKind, size);
  for (const qs of Object.values(kinds)) for (const text of qs.slice(0, 2)) db.search({ text, limit: 50 });
  const rows: Record<string, { page: number[]; relevant: number[]; total: number[]; meanTotal: number }> = {};
  for (const [kind, qs] of Object.entries(kinds)) {
    const page: number[] = [];
    const relevant: number[] = [];
    const total: number[] = [];
    let sum = 0;
    for (const text of qs) {
      let t = performance.now();
      const r = db.search({ text, limit: 50, order: 'newest' });
      page.push(performance.now() - t);
      t = performance.now();
      db.search({ text, limit: 50, order: 'relevance' });
      relevant.push(performance.now() - t);
      t = performance.now();
      const c = db.search({ text, limit: 0 });
      total.push(performance.now() - t);
      if (c.total !== r.total) throw new Error(`totals differ for ${text}`);
      sum += r.total;
    }
    rows[kind] = {
      page: page.sort((a, b) => a - b),
      relevant: relevant.sort((a, b) => a - b),
      total: total.sort((a, b) => a - b),
      meanTotal: sum / qs.length,
    };
  }
  db.close();
  process.stdout.write(`${JSON.stringify({ openMs, peakMb: peakMb(), rows })}\n`);
}

function child(args: string[]): unknown {
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

function fileMb(path: string): number {
  try {
    return statSync(path).size / 1024 / 1024;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  if (values['child-build']) return childBuild(values['child-build'], values.db!);
  if (values['child-query']) {
    return childQuery(values.db!, Number(values.queries), Number(values['child-query']));
  }
  const sizes = values.sizes!.split(',').map(Number);
  if (values['1m'] && !sizes.includes(1_000_000)) sizes.push(1_000_000);
  const f = (n: number) => n.toFixed(2).padStart(8);
  for (const size of sizes) {
    const dir = benchArchive(repo, size, (line) => console.log(line));
    const work = mkdtempSync(join(tmpdir(), 'broadsheet-db-bench-'));
    const dbPath = join(work, LIBRARY_DB_FILE);
    try {
      console.log(`\n--- ${size.toLocaleString('en-US')} seed-like articles (${dir})`);
      const build = child(['--child-build', dir, '--db', dbPath]) as {
        seconds: number;
        peakMb: number;
        summary: { added: number; failed: number };
      };
      const dbMb = fileMb(dbPath) + fileMb(`${dbPath}-wal`);
      console.log(
        `build: ${build.seconds.toFixed(1)} s (${(build.summary.added / build.seconds).toFixed(0)} articles/s), ` +
          `peak RSS ${build.peakMb.toFixed(0)} MB, database ${dbMb.toFixed(0)} MB on disk ` +
          `(${((dbMb * 1024) / size).toFixed(1)} KB an article), ${build.summary.added} articles, ${build.summary.failed} failed`,
      );
      const update = child(['--child-build', dir, '--db', dbPath]) as { seconds: number; peakMb: number };
      console.log(
        `update with nothing changed: ${update.seconds.toFixed(1)} s, peak RSS ${update.peakMb.toFixed(0)} MB`,
      );
      const query = child(['--child-query', String(size), '--db', dbPath, '--queries', values.queries!]) as {
        openMs: number;
        peakMb: number;
        rows: Record<string, { page: number[]; relevant: number[]; total: number[]; meanTotal: number }>;
      };
      console.log(
        `query process: open ${query.openMs.toFixed(1)} ms, peak RSS ${query.peakMb.toFixed(0)} MB ` +
          `(${values.queries} queries a kind, warm page cache)`,
      );
      console.log(
        'kind                       first 50 newest + total ms: p50      p95 | by relevance: p50      p95 | total only: p50      p95 | mean total',
      );
      for (const [kind, r] of Object.entries(query.rows)) {
        console.log(
          `${kind.padEnd(27)}                        ${f(percentile(r.page, 0.5))} ${f(percentile(r.page, 0.95))} |            ${f(percentile(r.relevant, 0.5))} ${f(percentile(r.relevant, 0.95))} |          ${f(percentile(r.total, 0.5))} ${f(percentile(r.total, 0.95))} | ${r.meanTotal.toFixed(0).padStart(10)}`,
        );
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

await main();
