// Search index benchmark: npx tsx bench/search.ts [--docs 100000] [--chars 1500] [--queries 40] [--seed 1]
//   [--traditional 0.3]  that share of the documents converted to Hong Kong Traditional (OpenCC), so
//                        folding Traditional to Simplified and the "exact characters" switch are measured
// (node --expose-gc --import tsx bench/search.ts ... also reports heap after collection).
// Builds a deterministic synthetic archive in memory, indexes it, and prints build time, memory,
// serialize/deserialize cost and per-kind query latency (p50/p95 of SearchResult.elapsedMs and of
// process CPU time, the steadier figure when other processes share the cores).
// Timings on a shared 2-core machine are noisy: read them as orders of magnitude, never assert them.
// The warm-start memory figure comes from a fresh child process (--load <file>) that only loads the
// serialized index: in this process RSS keeps the pages freed by the archive and the cold index.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { IndexDoc } from '../electron/engine/search/IndexState';
import { SearchIndex } from '../electron/engine/search/SearchIndex';
import { EN_PHRASES, syntheticArchive } from '../electron/engine/search/testing/syntheticArchive';
import { seededRandom } from '../electron/engine/testing/seededRandom';
import { CJK, CLASS } from '../shared/charClass';
import type { SearchOrder } from '../shared/types';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const DOCS = arg('docs', 100_000);
const CHARS = arg('chars', 1500);
const PER_KIND = arg('queries', 40);
const SEED = arg('seed', 1);
const TRADITIONAL = arg('traditional', 0);

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const memory = () => {
  // Twice: array buffers are released by the second pass.
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  // `external` already includes `arrayBuffers`.
  return `rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}, external ${mb(m.external)}`;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Wall and CPU time of `fn`: on a shared machine CPU time is the steadier figure. */
const time = <T>(fn: () => T): [T, number, number] => {
  const t = performance.now();
  const c = cpuMs();
  const out = fn();
  return [out, performance.now() - t, cpuMs() - c];
};
const secs = (wall: number, cpu: number) =>
  `${(wall / 1000).toFixed(2)} s wall / ${(cpu / 1000).toFixed(2)} s cpu`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

function queryKinds(docs: IndexDoc[]): Record<string, string[]> {
  const random = seededRandom(SEED + 100);
  const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)]!;
  const cjkRun = (len: number): string => {
    for (;;) {
      const text = pick(docs).text;
      const at = Math.floor(random() * (text.length - len));
      const run = text.slice(at, at + len);
      if ([...run].every((c) => CLASS[c.charCodeAt(0)] === CJK)) return run;
    }
  };
  const englishWord = (): string => {
    for (;;) {
      const words = pick(docs).text.match(/[A-Za-z][A-Za-z]{3,}/g);
      if (words) return pick(words);
    }
  };
  const make = (fn: () => string) => Array.from({ length: PER_KIND }, fn);
  return {
    'cjk-1': make(() => cjkRun(1)),
    'cjk-2': make(() => cjkRun(2)),
    'cjk-3..6': make(() => cjkRun(3 + Math.floor(random() * 4))),
    'english word': make(englishWord),
    'english prefix': make(() => englishWord().slice(0, 3)),
    phrase: make(() => (random() < 0.5 ? `"${pick(EN_PHRASES)}"` : `"${cjkRun(4)}"`)),
    mixed: make(() => `${cjkRun(2)} ${englishWord()}`),
    'very common': make(() => pick(['的', '中国', '发展', '合作', '香港', '的 中国', '国际', '表示'])),
    miss: make(() => pick(['鱻龘', 'zzqxv', '"王毅 拉夫罗夫 Zürich"', '量子纠缠', 'xylophonist'])),
  };
}

function runQueries(
  index: SearchIndex,
  kinds: Record<string, string[]>,
  exactCharacters = false,
  order: SearchOrder = 'relevance',
): void {
  // Warm up the JIT on a few queries of each kind first.
  for (const qs of Object.values(kinds))
    for (const text of qs.slice(0, 3)) index.search({ text, exactCharacters, order });
  console.log('kind            elapsedMs: p50     p95     max | cpu ms: p50     p95 | mean total');
  const f = (n: number) => n.toFixed(2).padStart(7);
  for (const [kind, qs] of Object.entries(kinds)) {
    const times: number[] = [];
    const cpus: number[] = [];
    let totals = 0;
    for (const text of qs) {
      const c = cpuMs();
      const r = index.search({ text, exactCharacters, order });
      cpus.push(cpuMs() - c);
      times.push(r.elapsedMs);
      totals += r.total;
    }
    times.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(15)}       ${f(percentile(times, 0.5))} ${f(percentile(times, 0.95))} ${f(times[times.length - 1]!)} |     ${f(percentile(cpus, 0.5))} ${f(percentile(cpus, 0.95))} | ${(totals / qs.length).toFixed(0).padStart(8)}`,
    );
  }
}

const loadAt = process.argv.indexOf('--load');
if (loadAt >= 0) {
  let file: Uint8Array | null = readFileSync(process.argv[loadAt + 1]!);
  const loaded = SearchIndex.deserialize(file);
  file = null;
  console.log(`fresh process with only the deserialized index (${loaded.size} docs): ${memory()}`);
  process.exit(0);
}

console.log(
  `search bench: ${DOCS} docs, ~${CHARS} CJK chars each, ${PER_KIND} queries per kind, seed ${SEED}`,
);
const [docs, genMs] = time(() => {
  const generated = syntheticArchive({ docs: DOCS, bodyChars: CHARS, seed: SEED });
  if (TRADITIONAL > 0) {
    const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const every = Math.max(1, Math.round(1 / TRADITIONAL));
    for (let i = 0; i < generated.length; i += every) {
      const d = generated[i]!;
      generated[i] = { ...d, title: toHk(d.title), text: toHk(d.text) };
    }
  }
  return generated;
});
if (TRADITIONAL > 0) console.log(`every ${Math.round(1 / TRADITIONAL)}th document in Hong Kong Traditional`);
const inputChars = docs.reduce((n, d) => n + d.text.length + d.title.length, 0);
console.log(
  `generated archive in ${(genMs / 1000).toFixed(1)} s (${(inputChars / 1e6).toFixed(0)} M chars); ${memory()}`,
);
const kinds = queryKinds(docs);

let index: SearchIndex | null = new SearchIndex();
const [, buildMs, buildCpu] = time(() => index!.addMany(docs));
console.log(
  `cold build (addMany): ${secs(buildMs, buildCpu)} = ${(((inputChars / buildCpu) * 1000) / 1e6).toFixed(1)} M chars per cpu-s`,
);
console.log('stats:', index.stats());
console.log(`memory with archive + index: ${memory()}`);
console.log('by relevance (the default):');
runQueries(index, kinds);
console.log('newest first:');
runQueries(index, kinds, false, 'newest');
console.log('the same queries with exact characters (Chinese as typed), by relevance:');
runQueries(index, kinds, true);

let [bytes, serMs, serCpu]: [Uint8Array | null, number, number] = time(() => index!.serialize());
const serializedBytes = bytes!.length;
console.log(`serialize: ${secs(serMs, serCpu)}, ${mb(serializedBytes)}`);
const cacheFile = join(tmpdir(), `broadsheet-search-bench-${process.pid}.bin`);
writeFileSync(cacheFile, bytes!);
const child = spawnSync(
  process.execPath,
  [...process.execArgv, fileURLToPath(import.meta.url), '--load', cacheFile],
  { encoding: 'utf8' },
);
rmSync(cacheFile, { force: true });
console.log((child.stdout + child.stderr).trim());
index = null;
docs.length = 0;
console.log(`after dropping archive + index: ${memory()}`);
const [warm, deMs, deCpu] = time(() => SearchIndex.deserialize(bytes!));
console.log(`deserialize (warm start): ${secs(deMs, deCpu)}`);
bytes = null;
console.log(`memory with only the deserialized index: ${memory()}`);
runQueries(warm, kinds);

const live = new SearchIndex();
const few = syntheticArchive({ docs: 2000, bodyChars: CHARS, seed: SEED + 1 });
const [, addMs] = time(() => {
  for (const d of few) live.add(d);
});
console.log(
  `single add(): ${((addMs / few.length) * 1000).toFixed(0)} µs per document (2000 docs one by one)`,
);
