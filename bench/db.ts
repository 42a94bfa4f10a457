// Library database benchmark: `npm run bench -- db [--sizes 10000,100000] [--1m] [--queries 20]`.
// For each size, on a generated seed-like archive (bench/scanArchive.ts, cached in .bench/), each step
// in a fresh process so its peak RSS is its own:
//   build     a new database from the files (scan workers parse, one thread writes): time, peak RSS,
//             size on disk
//   update    the same with nothing changed (every file stat-ed and skipped): what `search` pays first
//   query     a process that only opens the database and searches: per query kind, p50/p95 of the
//             first page of 50 newest with its total (estimated above 100,000 matches, and marked
//             so), by relevance, and of the total alone; peak RSS
//   cli       `broadsheet search DIR QUERY --limit 50` as a user runs it (the update with nothing
//             changed, then the query): time and peak RSS, per query kind
//   ripgrep   `rg -l -F` for the same queries over the files (if rg is installed): time, peak RSS,
//             files found, beside the database's count
//   writer    (`--writer N`, alone) the writing thread's CPU per article for N parsed articles, with
//             the text (tokens and deflate made by the writer) and with it prepared by the workers
// `--1m` adds 1,000,000 articles (about 4 GB of files and a long build: start it with nice -n 10).
// The build prints its progress (articles, seconds, RSS, load) every minute on stderr.
// Timings on a shared 2-core machine are noisy: read them as orders of magnitude, never assert them.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LIBRARY_DB_FILE, LibraryDb } from '../electron/engine/db/LibraryDb';
import { updateLibraryDb } from '../electron/engine/db/updateLibraryDb';
import { libraryVersionFor } from '../electron/engine/library/parseSettings';
import { parseChunk } from '../electron/engine/scan/parseChunk';
import { defaultSettings } from '../electron/engine/store/settingsFile';
import { seededRandom } from '../electron/engine/testing/seededRandom';
import { benchArchive } from './scanArchive';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
// The version the CLI (and the app) use for a data folder with default settings and no clean-up
// rules, so `broadsheet search` uses the database the bench built.
const ENGINE = libraryVersionFor(defaultSettings(), []);

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    '1m': { type: 'boolean' },
    queries: { type: 'string', default: '20' },
    'child-build': { type: 'string' },
    'child-query': { type: 'string' },
    db: { type: 'string' },
    writer: { type: 'string' },
    live: { type: 'boolean' },
  },
});

const peakMb = () => process.resourceUsage().maxRSS / 1024;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Child: bring the database at --db up to date with the archive; print JSON. */
async function childBuild(dir: string, dbPath: string): Promise<void> {
  const started = performance.now();
  const db = LibraryDb.open(dbPath, ENGINE);
  let last = started;
  const summary = await updateLibraryDb(db, [dir], {
    onProgress(p) {
      if (performance.now() - last < 60_000) return;
      last = performance.now();
      process.stderr.write(
        `[build ${new Date().toISOString().slice(11, 19)}] ${p.added + p.changed} articles written, ${p.found} files found, ` +
          `${((last - started) / 1000).toFixed(0)} s, RSS ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB ` +
          `(peak ${peakMb().toFixed(0)}), load ${loadavg()[0]!.toFixed(1)}\n`,
      );
    },
  });
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
    'filter (category:, after:)': make(() =>
      random() < 0.5 ? `${run(2)} category:${pick(['金融', '国际', '科技'])}` : `${word()} after:2020-06-01`,
    ),
    'operators (OR, -)': make(() => (random() < 0.5 ? `${run(2)} OR ${word()}` : `${run(3)} -${word()}`)),
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
  const rows: Record<
    string,
    {
      page: number[];
      relevant: number[];
      total: number[];
      meanTotal: number;
      estimated: number;
      pageCpu: number[];
    }
  > = {};
  for (const [kind, qs] of Object.entries(kinds)) {
    const page: number[] = [];
    const relevant: number[] = [];
    const total: number[] = [];
    let sum = 0;
    let estimated = 0;
    const pageCpu: number[] = [];
    for (const text of qs) {
      let t = performance.now();
      const cpu = process.cpuUsage();
      const r = db.search({ text, limit: 50, order: 'newest' });
      page.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      pageCpu.push((used.user + used.system) / 1000);
      t = performance.now();
      db.search({ text, limit: 50, order: 'relevance' });
      relevant.push(performance.now() - t);
      t = performance.now();
      const c = db.search({ text, limit: 0 });
      total.push(performance.now() - t);
      // (A database still being built, --live, grows between the two.)
      if (c.total !== r.total && !values.live) throw new Error(`totals differ for ${text}`);
      sum += r.total;
      if (r.totalEstimated) estimated++;
    }
    rows[kind] = {
      page: page.sort((a, b) => a - b),
      relevant: relevant.sort((a, b) => a - b),
      total: total.sort((a, b) => a - b),
      meanTotal: sum / qs.length,
      estimated,
      pageCpu: pageCpu.sort((a, b) => a - b),
    };
  }
  db.close();
  const examples = Object.fromEntries(Object.entries(kinds).map(([kind, qs]) => [kind, qs[0]!]));
  process.stdout.write(`${JSON.stringify({ openMs, peakMb: peakMb(), rows, examples })}\n`);
}

function child(args: string[]): unknown {
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`bench child ${args.join(' ')} failed (${result.status})`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

function fileMb(path: string): number {
  try {
    return statSync(path).size / 1024 / 1024;
  } catch {
    return 0;
  }
}

/**
 * CPU time of the one writing thread per article: what bounds the build once the parse workers have
 * cores to run on. Measured as process CPU (this process has no other threads doing work).
 */
function writerSplit(n: number): void {
  const dir = benchArchive(repo, 100_000, (line) => console.log(line));
  const jobs = [];
  for (let i = 0; i < n; i++) {
    const folder = join(dir, `folder-${String(i % 100).padStart(3, '0')}`);
    jobs.push({ folder, i });
  }
  const files = new Map<string, string[]>();
  const paths = jobs.map(({ folder, i }) => {
    let list = files.get(folder);
    if (!list) {
      list = readdirSync(folder).sort();
      files.set(folder, list);
    }
    return join(folder, list[Math.floor(i / 100)]!);
  });
  const parsed = (forDatabase: boolean) =>
    parseChunk(
      { id: 0, jobs: paths.map((path) => ({ path, root: dir })) },
      { parse: {}, includeText: true, forDatabase },
    ).articles;
  const cpuMs = (fn: () => void) => {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const writeAll = (articles: ReturnType<typeof parsed>) => {
    const work = mkdtempSync(join(tmpdir(), 'broadsheet-db-writer-'));
    const db = LibraryDb.open(join(work, LIBRARY_DB_FILE), ENGINE);
    try {
      return cpuMs(() => {
        for (let i = 0; i < articles.length; i += 500)
          db.write({
            articles: articles.slice(i, i + 500).map((a) => ({ ...a, text: a.text ?? '', problems: [] })),
            failed: [],
            removed: [],
          });
      });
    } finally {
      db.close();
      rmSync(work, { recursive: true, force: true });
    }
  };
  const withText = parsed(false);
  // Warm-up: every path compiled before anything is measured.
  writeAll(parsed(true).slice(0, 500));
  writeAll(withText.slice(0, 500));
  let prepared: ReturnType<typeof parsed> = [];
  const prepareMs = cpuMs(() => {
    prepared = parsed(true);
  });
  const parseMs = cpuMs(() => parsed(false));
  const textMs = writeAll(withText);
  const preparedMs = writeAll(prepared);
  const per = (ms: number) => `${(ms / n).toFixed(2)} ms`;
  console.log(
    `writer CPU per article (${n} articles, load ${loadavg()[0]!.toFixed(1)}): ` +
      `writing from the text ${per(textMs)}, writing what the workers prepared ${per(preparedMs)}; ` +
      `in a worker: parse ${per(parseMs)}, parse and prepare ${per(prepareMs)}`,
  );
}

async function main(): Promise<void> {
  if (values.writer) return writerSplit(Number(values.writer));
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
        rows: Record<
          string,
          {
            page: number[];
            relevant: number[];
            total: number[];
            meanTotal: number;
            estimated: number;
            pageCpu: number[];
          }
        >;
        examples: Record<string, string>;
      };
      console.log(
        `query process: open ${query.openMs.toFixed(1)} ms, peak RSS ${query.peakMb.toFixed(0)} MB ` +
          `(${values.queries} queries a kind, warm page cache)`,
      );
      console.log(
        'kind                       first 50 newest + total ms: p50      p95 | by relevance: p50      p95 | total only: p50      p95 | mean total | estimated | first 50 CPU ms: p50 p95',
      );
      for (const [kind, r] of Object.entries(query.rows)) {
        console.log(
          `${kind.padEnd(27)}                        ${f(percentile(r.page, 0.5))} ${f(percentile(r.page, 0.95))} |            ${f(percentile(r.relevant, 0.5))} ${f(percentile(r.relevant, 0.95))} |          ${f(percentile(r.total, 0.5))} ${f(percentile(r.total, 0.95))} | ${r.meanTotal.toFixed(0).padStart(10)} | ${r.estimated}/${r.page.length} | ${f(percentile(r.pageCpu, 0.5))} ${f(percentile(r.pageCpu, 0.95))}`,
        );
      }
      cliAndRipgrep(dir, work, query.examples);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** Runs a command under /usr/bin/time: wall seconds, peak RSS (MB), stdout. */
function timed(cmd: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env,
  });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  return {
    status: result.status,
    seconds: seconds!,
    peakMb: kb! / 1024,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/**
 * `broadsheet search` as a user runs it (from the TypeScript source through tsx, so its RSS includes
 * the loader), one query per kind in one process (`--queries`: one update, then every query), and
 * ripgrep's `rg -l -F` for the plain ones. rg matches bytes: no Simplified/Traditional folding, and
 * it also finds text in front matter and markup; its count is files, the database's articles.
 */
function cliAndRipgrep(dir: string, dataDir: string, examples: Record<string, string>): void {
  const file = join(dataDir, 'queries.txt');
  const queries = Object.values(examples);
  writeFileSync(file, `${queries.join('\n')}\n`);
  const cli = timed(
    [
      process.execPath,
      '--import',
      'tsx',
      join(repo, 'electron/cli/main.ts'),
      'search',
      dir,
      '--queries',
      file,
      '--limit',
      '50',
      '--json',
      '--data-dir',
      dataDir,
    ],
    { ...process.env, TZ: 'UTC' },
  );
  if (cli.status !== 0) {
    console.log(`broadsheet search failed (${cli.status}): ${cli.stderr.slice(0, 500)}`);
    return;
  }
  const results = (
    JSON.parse(cli.stdout) as {
      results: { query: string; total: number; totalEstimated?: boolean; elapsedMs: number }[];
    }
  ).results;
  console.log(
    `\nbroadsheet search --queries (${queries.length} queries, --limit 50, load ${loadavg()[0]!.toFixed(1)}): ` +
      `${cli.seconds.toFixed(1)} s in all (the update with nothing changed, then the queries), peak RSS ${cli.peakMb.toFixed(0)} MB`,
  );
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  const haveRg = rg.status === 0;
  if (!haveRg) console.log('ripgrep (rg) is not installed: no comparison (apt-get install ripgrep)');
  console.log(
    'kind                        query                    CLI ms      total |  rg s   rg MB  rg files',
  );
  Object.entries(examples).forEach(([kind, q], i) => {
    const r = results[i]!;
    let rgPart = '';
    // rg -F takes one literal: plain words, CJK runs and quoted phrases only.
    const literal = /^"[^"]+"$/.test(q) ? q.slice(1, -1) : /^[^\s"]+$/.test(q) && !q.includes(':') ? q : null;
    if (haveRg && literal) {
      const found = timed(['rg', '-l', '-F', '--no-messages', '--', literal, dir]);
      const files = found.stdout === '' ? 0 : found.stdout.trimEnd().split('\n').length;
      rgPart = `${found.seconds.toFixed(2).padStart(6)} ${found.peakMb.toFixed(0).padStart(6)} ${String(files).padStart(9)}`;
    }
    console.log(
      `${kind.padEnd(27)} ${q.slice(0, 24).padEnd(24)} ${r.elapsedMs.toFixed(1).padStart(7)} ${`${r.totalEstimated ? '~' : ''}${r.total}`.padStart(10)} | ${rgPart}`,
    );
  });
}

await main();
