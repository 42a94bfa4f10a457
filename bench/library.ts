// Library benchmark: cold open (parse everything) versus warm start (from the cache), on the
// seed-like archives of bench/scanArchive.ts. Prints time to the first 500 headlines, time until
// every article is searchable, cache save time and peak memory.
//   npx tsx bench/library.ts [--sizes 10000,100000]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Library } from '../electron/engine/library/Library';
import { benchArchive } from './scanArchive';

const repo = fileURLToPath(new URL('..', import.meta.url));
const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1]! : '10000,100000').split(',').map(Number);

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
  const library = await Library.open({
    dataDir,
    roots: [archive],
    watch: true,
    onEventForBench: (e) => {
      if (e.type === 'articles-upserted') {
        seen += e.articles.length;
        if (seen >= 500 && Number.isNaN(firstHeadlines)) firstHeadlines = performance.now() - started;
      }
      if (e.type === 'progress' && e.progress.done) resolveDone();
    },
  } as Parameters<typeof Library.open>[0]);
  const opened = performance.now() - started;
  const searchableAt = performance.now() - started;
  const probe = library.search({ text: '拉夫罗夫', limit: 10 });
  await done;
  const scanDone = performance.now() - started;
  return { library, firstHeadlines, opened, searchableAt, scanDone, probeTotal: probe.total };
}

for (const size of sizes) {
  const archive = benchArchive(repo, size, console.log);
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-bench-library-'));
  try {
    const cold = await openTimed(archive, dataDir);
    console.log(
      `library ${size}: cold  first 500 headlines ${s(cold.firstHeadlines)}, all parsed + indexed ${s(cold.scanDone)}, ` +
        `rss ${mb(process.memoryUsage().rss)}, index ${mb(cold.library.indexStats().approxBytes)}`,
    );
    const closing = performance.now();
    await cold.library.close();
    console.log(`library ${size}: close + cache save ${s(performance.now() - closing)}`);
    const warm = await openTimed(archive, dataDir);
    console.log(
      `library ${size}: warm  first 500 headlines ${s(warm.firstHeadlines)}, searchable ${s(warm.searchableAt)} ` +
        `(probe query: ${warm.probeTotal} matches), unchanged-file check done ${s(warm.scanDone)}, ` +
        `rss ${mb(process.memoryUsage().rss)}, peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
    await warm.library.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
