// Saved web pages: what Readability costs. `npx tsx bench/savedPages.ts [--files 10000] [--workers N]`
// 1. CPU per file of parseArticle on the saved-page fixtures (Save Page As, SingleFile, .mhtml), on a
//    synthetic saved news page, and on a Markdown article of exactly the same size.
// 2. A full scan (walk, read, parse in the worker pool, summaries back) of N saved pages against N
//    Markdown articles of the same byte sizes, each scan in a fresh process, alternated twice; the
//    best of each is compared. The target: saved pages no more than 3x slower than Markdown.
// Timings are printed, never asserted.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseArticle, type RawFile } from '../electron/engine/parse/parseArticle';
import { scanLibrary } from '../electron/engine/scan/scanLibrary';
import { defaultPoolSize } from '../electron/engine/scan/scanPool';
import { seededRandom } from '../electron/engine/testing/seededRandom';
import { markdownOfSize, savedNewsPage, savedPageArchives } from './savedPageArchive';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    workers: { type: 'string' },
    'child-scan': { type: 'string' },
  },
});
const workers = values.workers ? Number(values.workers) : defaultPoolSize();

interface ScanResult {
  ms: number;
  cpuS: number;
  articles: number;
  problems: number;
}

async function childScan(dir: string): Promise<void> {
  const workerScript = { filename: join(repo, 'out', 'node', 'scanWorker.js'), execArgv: [] };
  let articles = 0;
  let problems = 0;
  const cpuBefore = process.cpuUsage(); // the whole process: the worker threads are in it
  const started = performance.now();
  for await (const batch of scanLibrary([dir], { workers, includeText: true, workerScript })) {
    articles += batch.articles.length;
    problems += batch.problems.length;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const result: ScanResult = { ms, cpuS: (cpu.user + cpu.system) / 1e6, articles, problems };
  console.log(JSON.stringify(result));
  process.exit(0);
}

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function perFile(label: string, files: RawFile[], rounds: number): number {
  for (const f of files) parseArticle(f); // warm up
  const ms = cpuMs(() => {
    for (let r = 0; r < rounds; r++) for (const f of files) parseArticle(f);
  });
  const per = ms / (rounds * files.length);
  const bytes = files.reduce((n, f) => n + f.size, 0) / files.length;
  console.log(
    `${label.padEnd(40)} ${(per * 1000).toFixed(0).padStart(7)} µs/file CPU  (${Math.round(bytes)} B avg)`,
  );
  return per;
}

function raw(path: string, bytes: Uint8Array): RawFile {
  return { path, root: '/bench', bytes, mtimeMs: 0, size: bytes.length };
}

function parseFigures(): void {
  const fixtures = join(repo, 'electron', 'engine', 'parse', 'fixtures', 'pages');
  const fixture = (name: string) => [
    raw(join(fixtures, name), new Uint8Array(readFileSync(join(fixtures, name)))),
  ];
  console.log('parseArticle only:');
  perFile('Save Page As news page (fixture)', fixture('news-save-page-as.html'), 200);
  perFile('SingleFile page, data: image (fixture)', fixture('singlefile.html'), 200);
  perFile('.mhtml, QP + 2 image parts (fixture)', fixture('saved-page.mhtml'), 200);
  const random = seededRandom(7);
  const pages: RawFile[] = [];
  const markdown: RawFile[] = [];
  for (let i = 0; i < 200; i++) {
    const page = savedNewsPage(random, i);
    const bytes = new TextEncoder().encode(page.html);
    pages.push(raw(`/bench/${i}.html`, bytes));
    markdown.push(
      raw(
        `/bench/${i}.md`,
        new TextEncoder().encode(markdownOfSize(random, i, page.paragraphs, bytes.length)),
      ),
    );
  }
  const p = perFile('synthetic saved news pages (200)', pages, 5);
  const m = perFile('Markdown of the same sizes (200)', markdown, 5);
  console.log(`=> parse only, saved page / Markdown: ${(p / m).toFixed(2)}x`);
}

function child(dir: string): ScanResult {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', self, '--child-scan', dir, '--workers', String(workers)],
    {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (result.status !== 0) throw new Error(`scan child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as ScanResult;
}

async function main(): Promise<void> {
  if (values['child-scan']) return childScan(values['child-scan']);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`node ${process.version}, load average ${load()}`);
  parseFigures();

  const build = spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build:node failed');
  const size = Number(values.files);
  const { pages, markdown } = savedPageArchives(repo, size, console.log);
  console.log(`\nscan of ${size} files, ${workers} workers, warm page cache, best of 2 alternated runs:`);
  const runs = { pages: [] as ScanResult[], markdown: [] as ScanResult[] };
  child(markdown); // warms the page cache for both
  child(pages);
  for (let round = 0; round < 2; round++) {
    runs.markdown.push(child(markdown));
    runs.pages.push(child(pages));
  }
  const best = (list: ScanResult[]) => ({
    ms: Math.min(...list.map((r) => r.ms)),
    cpuS: Math.min(...list.map((r) => r.cpuS)),
    articles: list[0]!.articles,
    problems: list[0]!.problems,
  });
  const md = best(runs.markdown);
  const pg = best(runs.pages);
  for (const [label, r] of [
    ['Markdown', md],
    ['saved pages', pg],
  ] as const) {
    console.log(
      `${label.padEnd(12)} ${(r.ms / 1000).toFixed(1).padStart(6)} s wall  ${r.cpuS.toFixed(1).padStart(6)} s CPU  ` +
        `${((r.cpuS * 1e6) / r.articles).toFixed(0).padStart(6)} µs CPU/file  ${r.articles} articles, ${r.problems} problems`,
    );
  }
  console.log(
    `=> saved pages / Markdown: ${(pg.ms / md.ms).toFixed(2)}x wall, ${(pg.cpuS / md.cpuS).toFixed(2)}x CPU (target: at most 3x); load average now ${load()}`,
  );
}

await main();
