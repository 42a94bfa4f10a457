// Watcher benchmark: ready time, memory, inotify watches, and event latency from a file write to
// the 'changes' event, on a generated root of 20,000 articles in 100 folders (under .bench/).
//   npx tsx bench/watch.ts [--files 20000] [--folders 100] [--singles 200] [--burst 2000] [--polling]
// Numbers are printed, never asserted: shared machines are noisy.

import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LibraryWatcher } from '../electron/engine/watch/LibraryWatcher';
import type { WatchChange } from '../electron/engine/watch/watchTypes';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '20000' },
    folders: { type: 'string', default: '100' },
    singles: { type: 'string', default: '200' },
    burst: { type: 'string', default: '2000' },
    polling: { type: 'boolean', default: false },
  },
});
const FILES = Number(values.files);
const FOLDERS = Number(values.folders);
const SINGLES = Number(values.singles);
const BURST = Number(values.burst);

const root = join(process.cwd(), '.bench', `watch-${FILES}-in-${FOLDERS}`);
const scratch = join(root, 'bench-writes');

function generate(): void {
  const done = join(root, '.generated');
  if (existsSync(done)) return;
  rmSync(root, { recursive: true, force: true });
  const body = 'Lorem ipsum dolor sit amet, 新聞 archive text. '.repeat(60);
  for (let f = 0; f < FOLDERS; f++) {
    const dir = join(root, `section-${String(f).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let i = f; i < FILES; i += FOLDERS) {
      writeFileSync(
        join(dir, `article-${i}.md`),
        `---\ntitle: Article ${i}\ndate: 2024-01-01\n---\n\n${body}\n`,
      );
    }
  }
  writeFileSync(done, new Date().toISOString());
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(0)} ms`;
  return `n=${sorted.length} p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  max ${f(sorted.at(-1) ?? Number.NaN)}`;
}

/** inotify watches held by this process, from /proc (Linux only). */
function inotifyWatches(): number | string {
  try {
    let watches = 0;
    for (const fd of readdirSync('/proc/self/fd')) {
      let target = '';
      try {
        target = readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        continue;
      }
      if (target !== 'anon_inode:inotify') continue;
      watches += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('inotify wd:')).length;
    }
    return watches;
  } catch {
    return 'n/a';
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Resolves with performance.now() of the first reported change for each path. */
function arrivals(watcher: LibraryWatcher) {
  const seen = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  watcher.on('changes', (changes: WatchChange[]) => {
    const now = performance.now();
    for (const c of changes) {
      if (!seen.has(c.path)) seen.set(c.path, now);
      waiters.get(c.path)?.();
    }
  });
  return {
    seen,
    wait(path: string): Promise<void> {
      if (seen.has(path)) return Promise.resolve();
      return new Promise((done) => waiters.set(path, done));
    },
  };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  generate();
  console.log(
    `root: ${root} (${FILES} files in ${FOLDERS} folders; ready in ${(performance.now() - t0).toFixed(0)} ms)`,
  );
  rmSync(scratch, { recursive: true, force: true });
  const mode = { polling: values.polling, pollIntervalMs: 1000 };
  console.log(`mode: ${values.polling ? 'polling every 1 s' : 'native (@parcel/watcher)'}`);

  // Cold: nothing known, so the baseline stats every file (first run without a cache).
  global.gc?.();
  const before = process.memoryUsage();
  let started = performance.now();
  const cold = new LibraryWatcher([root], mode);
  await cold.start();
  const coldReady = performance.now() - started;
  const afterCold = process.memoryUsage();
  console.log(`ready, nothing known:      ${coldReady.toFixed(0)} ms`);
  console.log(`inotify watches:           ${inotifyWatches()}`);
  console.log(
    `memory after start:        rss +${mb(afterCold.rss - before.rss)}, heap +${mb(afterCold.heapUsed - before.heapUsed)}`,
  );
  await cold.close();

  // Warm: the library's known files are passed in (the usual start with a cache).
  const known = new Map<string, { mtimeMs: number; size: number }>();
  for (const dir of readdirSync(root)) {
    if (!dir.startsWith('section-')) continue;
    for (const name of readdirSync(join(root, dir))) {
      const s = await stat(join(root, dir, name));
      known.set(join(root, dir, name), { mtimeMs: s.mtimeMs, size: s.size });
    }
  }
  started = performance.now();
  const watcher = new LibraryWatcher([root], { ...mode, known });
  await watcher.start();
  console.log(`ready, ${known.size} known:      ${(performance.now() - started).toFixed(0)} ms`);
  const tracker = arrivals(watcher);

  // Event-loop responsiveness while events are processed: the longest gap between timer ticks.
  let worstLag = 0;
  let last = performance.now();
  const lagTimer = setInterval(() => {
    const now = performance.now();
    worstLag = Math.max(worstLag, now - last - 10);
    last = now;
  }, 10);

  // Single writes, one at a time: half new files (added), half edits of existing ones (changed).
  mkdirSync(scratch, { recursive: true });
  const singles: number[] = [];
  const existing = [...known.keys()];
  for (let i = 0; i < SINGLES; i++) {
    const path = i % 2 === 0 ? join(scratch, `single-${i}.md`) : existing[(i * 97) % existing.length]!;
    tracker.seen.delete(path);
    const at = performance.now();
    await writeFile(path, `---\ntitle: single ${i}\n---\n\nEdited at ${Date.now()} ${'x'.repeat(i)}\n`);
    await tracker.wait(path);
    singles.push(tracker.seen.get(path)! - at);
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(`single writes:             ${summary(singles)}`);

  // A burst: BURST new files written as fast as possible into 10 new folders.
  const burstPaths: string[] = [];
  for (let f = 0; f < 10; f++) {
    mkdirSync(join(scratch, `burst-${f}`));
    for (let i = f; i < BURST; i += 10) burstPaths.push(join(scratch, `burst-${f}`, `b-${i}.md`));
  }
  const writtenAt = new Map<string, number>();
  const burstStart = performance.now();
  for (let i = 0; i < burstPaths.length; i += 50) {
    await Promise.all(
      burstPaths.slice(i, i + 50).map(async (p) => {
        writtenAt.set(p, performance.now());
        await writeFile(p, `---\ntitle: burst\n---\n\nBurst ${p}\n`);
      }),
    );
  }
  const writesDone = performance.now() - burstStart;
  await Promise.all(burstPaths.map((p) => tracker.wait(p)));
  const burstLatencies = burstPaths.map((p) => tracker.seen.get(p)! - writtenAt.get(p)!);
  console.log(
    `burst of ${BURST}:             writes took ${writesDone.toFixed(0)} ms, all reported after ${(performance.now() - burstStart).toFixed(0)} ms`,
  );
  console.log(`burst per-file latency:    ${summary(burstLatencies)}`);
  clearInterval(lagTimer);
  console.log(`worst event-loop lag:      ${worstLag.toFixed(0)} ms`);
  const end = process.memoryUsage();
  console.log(`memory at end:             rss ${mb(end.rss)}, heap ${mb(end.heapUsed)}`);

  await watcher.close();
  rmSync(scratch, { recursive: true, force: true });
}

await main();
