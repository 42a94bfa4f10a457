// Library benchmark: cold open (parse everything) versus warm start, on the seed-like archives of
// bench/scanArchive.ts. Prints time to the first 500 headlines, time until a search sent at once is
// answered, memory (RSS once the scan is done, and peak), close time, and after the warm start the
// latency of a fixed set of queries through the library's request table (first page of 50, both
// orders). Each open runs in a fresh process, as a restarted app would: the warm start does not
// inherit the cold run's heap.
//   npx tsx bench/library.ts [--sizes 10000,100000]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Library } from '../electron/engine/library/Library';
import { benchArchive } from './scanArchive';

const repo = fileURLToPath(new URL('..', import.meta.url));
const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1]! : '10000,100000').split(',').map(Number);

/** Over the archive's sentences (bench/scanArchive.ts): 1, 2 and 4 Han characters, English words, a
 * prefix, a quoted phrase, a mix, and a miss. */
const QUERIES = [
  '国',
  '合作',
  '互利合作',
  '逆回购',
  'benchmark',
  'trad',
  '"close contact"',
  '央行 Friday',
  '量子纠缠',
];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function openTimed(archive: string, dataDir: string) {
  const started = performance.now();
  let firstHeadlines = Number.NaN;
  let seen = 0;
  let resolveDone: () => void;
  const done = new Promise<void>((r) => {
    resolveDone = r;
  });
  // Listen before open() resolves: a warm start emits its cached headlines during open.
  const library = await Library.open(
    {
      dataDir,
      roots: [archive],
      watch: true,
    },
    (e) => {
      if (e.type === 'articles-upserted') {
        seen += e.articles.length;
        if (seen >= 500 && Number.isNaN(firstHeadlines)) firstHeadlines = performance.now() - started;
      }
      if (e.type === 'progress' && e.progress.done) resolveDone();
    },
  );
  const opened = performance.now() - started;
  // Sent as soon as open() resolves, as the window would: it answers once the index is loaded.
  const probe = await library.call('search', { text: '拉夫罗夫', limit: 10 });
  const searchableAt = performance.now() - started;
  await done;
  const scanDone = performance.now() - started;
  return { library, firstHeadlines, opened, searchableAt, scanDone, probeTotal: probe.total };
}

async function child(mode: 'cold' | 'warm', archive: string, dataDir: string, size: number) {
  const run = await openTimed(archive, dataDir);
  const memory = `rss ${mb(process.memoryUsage().rss)}, peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`;
  if (mode === 'cold') {
    console.log(
      `library ${size}: cold  first 500 headlines ${s(run.firstHeadlines)}, all parsed + indexed ${s(run.scanDone)}, ` +
        `${memory}`,
    );
    const closing = performance.now();
    await run.library.close();
    console.log(`library ${size}: close ${s(performance.now() - closing)}`);
  } else {
    console.log(
      `library ${size}: warm  first 500 headlines ${s(run.firstHeadlines)}, open() resolved ${s(run.opened)}, ` +
        `searchable ${s(run.searchableAt)} (probe query: ${run.probeTotal} matches), ` +
        `unchanged-file check done ${s(run.scanDone)}, ${memory}`,
    );
    for (const order of ['newest', 'relevance'] as const) {
      const times: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const text of QUERIES) {
          const t = performance.now();
          await run.library.call('search', { text, limit: 50, order });
          times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(1);
      console.log(
        `library ${size}: warm  search, first 50 by ${order}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms ` +
          `(${QUERIES.length} queries x 5)`,
      );
    }
    await run.library.close();
  }
}

const childArgs = process.argv.indexOf('--child');
if (childArgs > 0) {
  const [mode, archive, dataDir, size] = process.argv.slice(childArgs + 1);
  await child(mode as 'cold' | 'warm', archive!, dataDir!, Number(size));
  process.exit(0);
}

for (const size of sizes) {
  const archive = benchArchive(repo, size, console.log);
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-bench-library-'));
  try {
    for (const mode of ['cold', 'warm']) {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, archive, dataDir, String(size)],
        { stdio: 'inherit' },
      );
      if (result.status !== 0) throw new Error(`the ${mode} run exited with ${result.status}`);
    }
    console.log(
      `library ${size}: load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
