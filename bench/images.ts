// Image prefetch benchmark: the pictures of N articles (default 1,000, five pictures each) fetched
// into a fresh image cache from a local picture server, the way starred articles are prefetched
// (StarredPrefetch → ImageService → fetchImage, loopback allowed for the bench only). Prints the
// throughput, the engine thread's event-loop delay while it runs (the window's main thread never
// runs this work: in the app the engine is a worker), memory, and a second pass served from cache.
//   npx tsx bench/images.ts [--articles 1000] [--per-article 5] [--kb 40] [--latency-ms 20] [--parallel 4]
// Numbers are printed, never asserted: shared machines are noisy.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ImageService } from '../electron/engine/images/ImageService';
import { StarredPrefetch } from '../electron/engine/images/StarredPrefetch';
import { readArticleFile } from '../electron/engine/parse/readArticleFile';
import { picturesBody, startPictureServer } from './pictureServer';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    'per-article': { type: 'string', default: '5' },
    kb: { type: 'string', default: '40' },
    'latency-ms': { type: 'string', default: '20' },
    parallel: { type: 'string', default: '4' },
  },
});
const ARTICLES = Number(values.articles);
const PER_ARTICLE = Number(values['per-article']);
const BYTES = Number(values.kb) * 1024;
const LATENCY_MS = Number(values['latency-ms']);
const PARALLEL = Number(values.parallel);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bs-bench-images-'));
  const archive = join(dir, 'archive');
  await mkdir(archive);
  const server = await startPictureServer(BYTES, LATENCY_MS);
  const { origin } = server;

  const paths: string[] = [];
  for (let a = 0; a < ARTICLES; a++) {
    const pictures = picturesBody(origin, a, PER_ARTICLE);
    const path = join(archive, `article-${a}.md`);
    await writeFile(path, `---\ntitle: Article ${a}\ndate: 2024-01-01\n---\n\n${pictures}\n`);
    paths.push(path);
  }

  const images = await ImageService.open({
    dataDir: join(dir, 'data'),
    isStarred: () => true,
    locate: () => undefined,
    roots: () => [archive],
    allowLoopback: true,
    parallelism: PARALLEL,
  });
  const byId = new Map(paths.map((p, i) => [`id${i}`, p]));
  const run = async () => {
    const prefetch = new StarredPrefetch({
      loadArticle: async (id) => (await readArticleFile(byId.get(id)!, archive)).article,
      prefetch: (id, urls) => images.prefetch(id, urls),
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    prefetch.starredChanged(byId.keys());
    await prefetch.idle();
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    return { seconds, totals: prefetch.totals, delay };
  };

  console.log(
    `${ARTICLES} articles × ${PER_ARTICLE} pictures of ${BYTES / 1024} KB, server latency ${LATENCY_MS} ms, ${PARALLEL} fetches at once`,
  );
  const cold = await run();
  const stats = images.stats();
  const mb = server.served().bytes / 1048576;
  console.log(
    `cold: ${cold.totals.fetched} fetched, ${cold.totals.failed} failed in ${cold.seconds.toFixed(2)} s = ` +
      `${(cold.totals.fetched / cold.seconds).toFixed(0)} pictures/s, ${(mb / cold.seconds).toFixed(1)} MB/s, ` +
      `${(ARTICLES / cold.seconds).toFixed(0)} articles/s`,
  );
  console.log(
    `  event-loop delay of the engine thread: p50 ${(cold.delay.percentile(50) / 1e6).toFixed(1)} ms, ` +
      `p99 ${(cold.delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(cold.delay.max / 1e6).toFixed(1)} ms`,
  );
  console.log(
    `  cache: ${stats.images} pictures, ${(stats.bytes / 1048576).toFixed(1)} MB; server answered ${server.served().pictures}; ` +
      `rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
  );
  const warm = await run();
  console.log(
    `warm (all cached): ${warm.totals.cached} cached, ${warm.totals.fetched} fetched in ${warm.seconds.toFixed(2)} s; ` +
      `event-loop max ${(warm.delay.max / 1e6).toFixed(1)} ms; server answered ${server.served().pictures} in all`,
  );

  await images.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
