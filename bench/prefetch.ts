// Library prefetch benchmark, measured in the window: the app (dev-web bridge, the real engine)
// opens an archive of N articles (default 1,000, five pictures each) whose pictures come from a
// local picture server with latency; the Library panel turns on "Save pictures ahead" for the
// whole library and stays open, so the progress events re-render it the whole time. Prints the
// throughput (pictures/s, MB/s, articles/s) and the window's smoothness while it runs: long tasks
// (PerformanceObserver 'longtask', over 50 ms) and how late a 10 ms timer on the page's main thread
// fires, in Debian's Chromium. Then the same with a bandwidth limit, to show the limit holds.
//   npm run bench -- prefetch [--articles 1000] [--per-article 5] [--kb 40] [--latency-ms 20] [--limit-kbps 1024] [--limited-seconds 15] [--idle-seconds 30]
// Numbers are printed, never asserted: shared machines are noisy.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/support/chromium';
import { startDevWeb } from '../e2e/support/devWebServer';
import { buildWebRenderer } from '../scripts/dev-web/buildWebRenderer';
import { picturesBody, startPictureServer } from './pictureServer';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    'per-article': { type: 'string', default: '5' },
    kb: { type: 'string', default: '40' },
    'latency-ms': { type: 'string', default: '20' },
    'limit-kbps': { type: 'string', default: '1024' },
    'limited-seconds': { type: 'string', default: '15' },
    'idle-seconds': { type: 'string', default: '30' },
  },
  strict: false,
});
const ARTICLES = Number(values.articles);
const PER_ARTICLE = Number(values['per-article']);
const BYTES = Number(values.kb) * 1024;
const LATENCY_MS = Number(values['latency-ms']);
const LIMIT_KBPS = Number(values['limit-kbps']);
const LIMITED_SECONDS = Number(values['limited-seconds']);
const IDLE_SECONDS = Number(values['idle-seconds']);

interface Smoothness {
  longtasks: { t: number; d: number }[];
  /** Long animation frames over 50 ms, with the scripts that took longest (attribution). */
  frames: { t: number; d: number; scripts: string[] }[];
  /** How late each 10 ms timer of the page's main thread fired (its responsiveness). */
  frameGaps: number[];
}

/** Runs in the page before the app: collects long tasks and how late a 10 ms timer fires. */
function installCollector(): void {
  const g = globalThis as unknown as {
    __prefetchBench: Smoothness & { last: number };
    PerformanceObserver: new (
      cb: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
    ) => { observe(o: object): void };
    setInterval(cb: () => void, ms: number): number;
    performance: { now(): number };
  };
  const bench = {
    longtasks: [] as { t: number; d: number }[],
    frames: [] as { t: number; d: number; scripts: string[] }[],
    frameGaps: [] as number[],
    last: 0,
  };
  g.__prefetchBench = bench;
  new g.PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ t: e.startTime, d: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        startTime: number;
        duration: number;
        scripts?: { invoker: string; duration: number; sourceFunctionName?: string }[];
      }[]) {
        if (e.duration <= 50) continue;
        bench.frames.push({
          t: e.startTime,
          d: e.duration,
          scripts: [...(e.scripts ?? [])]
            .sort((x, y) => y.duration - x.duration)
            .slice(0, 3)
            .map(
              (x) =>
                `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} ${Math.round(x.duration)}ms`,
            ),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames in this browser: long tasks only.
  }
  bench.last = g.performance.now();
  g.setInterval(() => {
    const now = g.performance.now();
    bench.frameGaps.push(Math.max(0, now - bench.last - 10));
    bench.last = now;
  }, 10);
}

async function smoothness(page: Page): Promise<Smoothness> {
  return page.evaluate(() => {
    const b = (globalThis as unknown as { __prefetchBench: Smoothness }).__prefetchBench;
    return { longtasks: [...b.longtasks], frames: [...b.frames], frameGaps: [...b.frameGaps] };
  });
}

async function reset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const b = (globalThis as unknown as { __prefetchBench: Smoothness }).__prefetchBench;
    b.longtasks.length = 0;
    b.frames.length = 0;
    b.frameGaps.length = 0;
    return performance.now();
  });
}

function describe(s: Smoothness): string {
  const over50 = s.longtasks.filter((l) => l.d > 50);
  const slowest = [...s.frames].sort((a, b) => b.d - a.d).slice(0, 3);
  const attribution = slowest.length
    ? `\n    slowest frames: ${slowest.map((f) => `${f.d.toFixed(0)} ms [${f.scripts.join(', ') || 'no script'}]`).join('; ')}`
    : '';
  const gaps = [...s.frameGaps].sort((a, b) => a - b);
  const p = (q: number) => (gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]! : 0);
  return (
    `long tasks over 50 ms: ${over50.length}` +
    (over50.length ? ` (longest ${Math.max(...over50.map((l) => l.d)).toFixed(0)} ms)` : '') +
    `; a 10 ms timer fired late by p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${(gaps.at(-1) ?? 0).toFixed(1)} ms (${gaps.length} ticks)` +
    attribution
  );
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bs-bench-prefetch-'));
  const archive = join(dir, 'archive');
  await mkdir(archive);
  const server = await startPictureServer(BYTES, LATENCY_MS);
  const { origin } = server;
  for (let a = 0; a < ARTICLES; a++) {
    const pictures = picturesBody(origin, a, PER_ARTICLE);
    const day = String(1 + (a % 28)).padStart(2, '0');
    await writeFile(
      join(archive, `article-${a}.md`),
      `---\ntitle: Article ${a}\ndate: 2024-02-${day} ${String(a % 24).padStart(2, '0')}:00:00\n---\n\n${pictures}\n`,
    );
  }

  await buildWebRenderer();
  const dataDir = join(dir, 'data');
  const app = await startDevWeb(
    { libraries: [archive], dataDir, env: { BROADSHEET_ALLOW_LOOPBACK_IMAGES: '1' } },
    5 * 60_000,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(installCollector);
    await page.goto(app.url);
    await page
      .getByRole('listbox', { name: 'Headlines' })
      .getByRole('option')
      .first()
      .waitFor({ timeout: 120_000 });
    console.log(
      `${ARTICLES} articles × ${PER_ARTICLE} pictures of ${BYTES / 1024} KB, server latency ${LATENCY_MS} ms; ` +
        `chromium ${browser.version()}`,
    );

    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Library' });
    const status = panel.getByTestId('prefetch-status');
    await panel.getByLabel('Speed limit').selectOption({ label: 'No limit' });
    await page.waitForTimeout(500);
    console.log(`opening the app and the panel: ${describe(await smoothness(page))}`);
    // The control: the same window, panel open, nothing running, on the same (shared) machine.
    await reset(page);
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    console.log(`idle for ${IDLE_SECONDS} s (the control): ${describe(await smoothness(page))}`);

    // Unlimited: the whole library. The first second (the setting saved, every settings listener
    // re-rendering) is reported apart from the run itself.
    await reset(page);
    const started = performance.now();
    await panel.getByLabel('Save ahead for').selectOption({ label: 'The whole library' });
    await page.waitForTimeout(1000);
    const turnOn = await smoothness(page);
    await reset(page);
    await status.filter({ hasText: /^Done:/ }).waitFor({ timeout: 30 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const during = await smoothness(page);
    console.log(`turning it on (first second): ${describe(turnOn)}`);
    const pictures = ARTICLES * PER_ARTICLE;
    console.log(
      `unlimited: ${server.served().pictures} pictures (${(server.served().bytes / 1048576).toFixed(1)} MB) in ${seconds.toFixed(1)} s = ` +
        `${(server.served().pictures / seconds).toFixed(0)} pictures/s, ${(server.served().bytes / 1048576 / seconds).toFixed(2)} MB/s, ` +
        `${(ARTICLES / seconds).toFixed(0)} articles/s (of ${pictures} pictures: ${await status.textContent()})`,
    );
    console.log(`  window while it ran: ${describe(during)}`);

    // Limited: the cache cleared, the limit set, and the rate over a fixed stretch measured.
    await panel
      .getByLabel('Save ahead for')
      .selectOption({ label: 'Nothing more (read and starred articles only)' });
    await panel.getByRole('button', { name: 'Delete saved pictures' }).click();
    await page.waitForTimeout(500);
    const limitLabel = (await panel.getByLabel('Speed limit').locator('option').allTextContents()).find(
      (text) =>
        text.startsWith(
          `${LIMIT_KBPS >= 1024 ? LIMIT_KBPS / 1024 : LIMIT_KBPS} ${LIMIT_KBPS >= 1024 ? 'MB' : 'KB'}`,
        ),
    );
    if (limitLabel) {
      await panel.getByLabel('Speed limit').selectOption({ label: limitLabel });
      const before = server.served().bytes;
      await panel.getByLabel('Save ahead for').selectOption({ label: 'The whole library' });
      const t0 = performance.now();
      await page.waitForTimeout(1000);
      await reset(page);
      await page.waitForTimeout(LIMITED_SECONDS * 1000);
      const limitedSeconds = (performance.now() - t0) / 1000;
      const rate = (server.served().bytes - before) / 1024 / limitedSeconds;
      console.log(
        `limited to ${limitLabel}: ${rate.toFixed(0)} KB/s over ${limitedSeconds.toFixed(0)} s (limit ${LIMIT_KBPS} KB/s); ` +
          `shown: ${await status.textContent()}`,
      );
      console.log(`  window while it ran: ${describe(await smoothness(page))}`);
    } else {
      console.log(`(no speed choice of ${LIMIT_KBPS} KB/s in the panel; limited run skipped)`);
    }
  } finally {
    await browser.close();
    await app.stop();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
