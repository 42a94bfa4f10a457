// Scan benchmark: `npx tsx bench/scan.ts [--sizes 1000,10000,100000] [--workers N] [--no-text] [--warm-only]`.
// For each size, on a generated seed-like archive (cached in .bench/): full scan time, articles/s,
// MB/s, time to the first 500 headlines, peak memory and worst event-loop delay of the hosting
// process, next to the time to merely read the same bytes with as many worker threads. Each
// measurement runs in a fresh process so peak RSS belongs to it alone.
// Two conditions: warm (the files already in the OS page cache: reading is a memory copy, so the
// ratio is all parsing) and, where the OS lets us empty the cache (root on Linux), cold (every byte
// from the disk, as on the first open of an archive). `--warm-only` skips the cold runs, which
// briefly slow everything else on the machine.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { scanLibrary } from '../electron/engine/scan/scanLibrary';
import { defaultPoolSize } from '../electron/engine/scan/scanPool';
import { benchArchive } from './scanArchive';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    workers: { type: 'string' },
    'no-text': { type: 'boolean' },
    'warm-only': { type: 'boolean' },
    'child-read': { type: 'string' },
    'child-scan': { type: 'string' },
  },
});
const workers = values.workers ? Number(values.workers) : defaultPoolSize();

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.startsWith('.')) files.push(join(entry.parentPath, entry.name));
  }
  return files;
}

/**
 * Child: list the files (the scan has to find them too), then read every file with `workers` threads,
 * each a synchronous loop over its share.
 */
async function childRead(dir: string): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const files = listFiles(dir);
  const listMs = performance.now() - started;
  const code = `
    const { readFileSync } = require('node:fs');
    const { parentPort, workerData } = require('node:worker_threads');
    let bytes = 0;
    for (const path of workerData) bytes += readFileSync(path).length;
    parentPort.postMessage(bytes);`;
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const totals = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(code, { eval: true, workerData: share });
          worker.once('message', (bytes: number) => resolve(bytes));
          worker.once('error', reject);
        }),
    ),
  );
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      ms,
      listMs,
      cpuS: (cpu.user + cpu.system) / 1e6,
      bytes: totals.reduce((a, b) => a + b, 0),
    }),
  );
  process.exit(0);
}

/** Child: one full scan the way the app runs it (bundled worker, plain text for the index). */
async function childScan(dir: string): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const workerScript = { filename: join(repo, 'out', 'node', 'scanWorker.js'), execArgv: [] };
  const kept: unknown[] = [];
  let firstMs = 0;
  let problems = 0;
  let maxHeap = 0;
  let textChars = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for await (const batch of scanLibrary([dir], { workers, includeText: !values['no-text'], workerScript })) {
    for (const { text, ...summary } of batch.articles) {
      textChars += text?.length ?? 0;
      kept.push(summary);
    }
    problems += batch.problems.length;
    if (firstMs === 0 && kept.length >= 500) firstMs = performance.now() - started;
    maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - started;
  delay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      ms,
      cpuS: (cpu.user + cpu.system) / 1e6,
      firstMs,
      articles: kept.length,
      problems,
      textChars,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      maxHeapMB: maxHeap / 1024 / 1024,
      loopMaxMs: delay.max / 1e6,
      loopP99Ms: delay.percentile(99) / 1e6,
    }),
  );
  process.exit(0);
}

interface ReadResult {
  ms: number;
  listMs: number;
  cpuS: number;
  bytes: number;
}

interface ScanResult {
  ms: number;
  cpuS: number;
  firstMs: number;
  articles: number;
  problems: number;
  maxRssMB: number;
  maxHeapMB: number;
  loopMaxMs: number;
  loopP99Ms: number;
}

function child<T>(flag: string, dir: string): T {
  const args = ['--import', 'tsx', self, flag, dir, '--workers', String(workers)];
  if (values['no-text']) args.push('--no-text');
  const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${flag} failed (${result.status}):\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

const DROP_CACHES = '/proc/sys/vm/drop_caches';

/** Empties the OS page cache (after writing dirty pages out), or says why it cannot. */
function dropPageCache(): string | null {
  spawnSync('sync');
  try {
    writeFileSync(DROP_CACHES, '3');
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return `cold runs skipped: writing ${DROP_CACHES} failed (${code}); they need root on Linux`;
  }
}

async function main(): Promise<void> {
  if (values['child-read']) return childRead(values['child-read']);
  if (values['child-scan']) return childScan(values['child-scan']);

  const build = spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:node failed');
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  console.log(
    `scan benchmark: ${workers} worker threads, text ${values['no-text'] ? 'off' : 'on'}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} (other work on the machine slows every number but CPU time)`,
  );
  for (const size of sizes) {
    const dir = benchArchive(repo, size, (line) => console.log(line));
    const files = listFiles(dir);
    let bytes = 0;
    for (const file of files) bytes += readFileSync(file).length; // warms the page cache
    const read = child<ReadResult>('--child-read', dir);
    const scan = child<ScanResult>('--child-scan', dir);
    const mb = bytes / 1024 / 1024;
    console.log(
      [
        `\n${size} files (${mb.toFixed(0)} MB): scanned ${scan.articles} articles, ${scan.problems} problems`,
        `  warm: the files already in memory (page cache)`,
        `  scan         ${(scan.ms / 1000).toFixed(2)} s   ${Math.round((scan.articles / scan.ms) * 1000)} articles/s   ${((mb / scan.ms) * 1000).toFixed(1)} MB/s`,
        `  read only    ${(read.ms / 1000).toFixed(2)} s   (listing ${(read.listMs / 1000).toFixed(2)} s, then ${((mb / (read.ms - read.listMs)) * 1000).toFixed(0)} MB/s)   scan/read = ${(scan.ms / read.ms).toFixed(1)}x`,
        `  CPU time     scan ${scan.cpuS.toFixed(1)} s, read ${read.cpuS.toFixed(1)} s (all threads; on ${workers} idle cores the scan takes about ${(scan.cpuS / workers).toFixed(1)} s)`,
        `  first 500    ${scan.firstMs ? `${Math.round(scan.firstMs)} ms` : 'n/a (fewer articles)'}`,
        `  peak memory  RSS ${scan.maxRssMB.toFixed(0)} MB, main heap ${scan.maxHeapMB.toFixed(0)} MB`,
        `  event loop   max delay ${scan.loopMaxMs.toFixed(0)} ms, p99 ${scan.loopP99Ms.toFixed(0)} ms`,
      ].join('\n'),
    );
    if (values['warm-only']) continue;
    const refused = dropPageCache();
    if (refused) {
      console.log(`  cold: ${refused}`);
      continue;
    }
    const coldRead = child<ReadResult>('--child-read', dir);
    dropPageCache();
    const coldScan = child<ScanResult>('--child-scan', dir);
    console.log(
      [
        `  cold: every file from the disk (page cache emptied before each run)`,
        `  scan         ${(coldScan.ms / 1000).toFixed(2)} s   ${Math.round((coldScan.articles / coldScan.ms) * 1000)} articles/s   first 500 in ${Math.round(coldScan.firstMs)} ms`,
        `  read only    ${(coldRead.ms / 1000).toFixed(2)} s   (listing ${(coldRead.listMs / 1000).toFixed(2)} s, then ${((mb / (coldRead.ms - coldRead.listMs)) * 1000).toFixed(0)} MB/s)   scan/read = ${(coldScan.ms / coldRead.ms).toFixed(1)}x`,
        `  CPU time     scan ${coldScan.cpuS.toFixed(1)} s, read ${coldRead.cpuS.toFixed(1)} s (a cold read costs CPU too)`,
        `  peak memory  RSS ${coldScan.maxRssMB.toFixed(0)} MB, main heap ${coldScan.maxHeapMB.toFixed(0)} MB`,
      ].join('\n'),
    );
  }
}

await main();
