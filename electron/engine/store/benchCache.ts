// Measures LibraryCache save/load for a large synthetic library (not a test: no timing asserts).
// Usage: node --import tsx electron/engine/store/benchCache.ts [articles=100000] [textMB=150] [indexMB=60]

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ArticleSummary } from '../../../shared/types';
import { decodeCache, encodeCache } from './cacheFormat';
import { type CachedTexts, LibraryCache } from './LibraryCache';

const count = Number(process.argv[2] ?? 100_000);
const textMB = Number(process.argv[3] ?? 150);
const indexMB = Number(process.argv[4] ?? 60);
const CJK = '俄罗斯外交部长拉夫罗夫表示央行香港新闻记者政府市民社会经济发展国际关系报道评论';
const roots = ['/home/user/archive/hkcnews', '/home/user/archive/rsshub'];

// Flat strings, like the parser's output (a `+=` loop would leave V8 ropes and skew the numbers).
function cjk(n: number, seed: number): string {
  const chars = new Array<string>(n);
  for (let i = 0; i < n; i++) chars[i] = CJK[(seed * 31 + i * 7) % CJK.length]!;
  return chars.join('');
}

// ~3 bytes per CJK character in UTF-8.
const charsPerText = Math.round((textMB * 1024 * 1024) / count / 3);
const articles: ArticleSummary[] = [];
const texts = new Map<string, string>();
for (let n = 0; n < count; n++) {
  const id = n.toString(16).padStart(16, '0');
  const root = roots[n % 2]!;
  articles.push({
    id,
    contentHash: (n * 2654435761).toString(16).padStart(16, '0').slice(-16),
    path: `${root}/${2015 + (n % 10)}/${String(n % 12).padStart(2, '0')}/article-${n}-${cjk(8, n)}.md`,
    root,
    title: `${cjk(24, n)} ${n}`,
    date: new Date(1_400_000_000_000 + n * 60_000).toISOString(),
    dateSource: 'front-matter',
    author: n % 3 ? `記者 ${n % 50}` : undefined,
    categories: ['港聞', n % 2 ? '國際' : '政治'],
    images: n % 4 ? {} : { head: `https://example.com/img/${n}.jpg` },
    chars: charsPerText,
    excerpt: cjk(200, n + 1),
    bodyFormat: n % 2 ? 'html' : 'markdown',
    mtimeMs: 1_650_000_000_000 + n,
    size: charsPerText * 3 + 300,
    degraded: false,
  });
  texts.set(id, cjk(charsPerText, n + 2));
}
const searchIndex = new Uint8Array(indexMB * 1024 * 1024);
for (let i = 0; i < searchIndex.length; i += 4096) searchIndex[i] = i & 255;

const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
try {
  // The machine is shared: CPU time of this process is reported next to wall time, as it is far
  // less disturbed by other processes' load.
  let cpu = process.cpuUsage();
  const ms = (t: number) => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    return `${(performance.now() - t).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms cpu`;
  };
  const mark = () => {
    cpu = process.cpuUsage();
    return performance.now();
  };
  let t = mark();
  const parts = encodeCache({ roots, engineVersion: 'bench' }, { articles, texts, searchIndex }, new Date());
  console.log(`encode only: ${ms(t)}`);
  t = mark();
  const decoded = decodeCache(Buffer.concat(parts), { roots, engineVersion: 'bench' });
  console.log(`concat + decode only: ${ms(t)} (${decoded.contents?.articles.length} articles)`);
  t = mark();
  await LibraryCache.save(dataDir, roots, 'bench', { articles, texts, searchIndex });
  console.log(`save: ${ms(t)}`);
  const size = statSync(LibraryCache.fileFor(dataDir, roots)).size;
  console.log(
    `file: ${(size / 1024 / 1024).toFixed(1)} MB (${count} articles, ${textMB} MB text, ${indexMB} MB index)`,
  );
  t = mark();
  const file = readFileSync(LibraryCache.fileFor(dataDir, roots));
  console.log(`  phase: read file ${ms(t)}`);
  t = mark();
  crc32(file);
  console.log(`  phase: crc32 ${ms(t)}`);
  t = mark();
  const summaryJson = JSON.stringify(articles);
  const summaryBytes = Buffer.from(summaryJson, 'utf16le');
  mark();
  t = mark();
  JSON.parse(summaryBytes.toString('utf16le'));
  console.log(
    `  phase: decode + JSON.parse summaries (${(summaryBytes.length / 1048576).toFixed(0)} MB) ${ms(t)}`,
  );
  for (let run = 1; run <= 3; run++) {
    t = mark();
    const loaded = await LibraryCache.load(dataDir, roots, 'bench');
    console.log(
      `load #${run}: ${ms(t)} (${loaded?.articles.length} articles, ${(loaded?.texts as CachedTexts | undefined)?.size} texts)`,
    );
  }
  t = mark();
  const noTexts = { articles, searchIndex };
  await LibraryCache.save(dataDir, roots, 'bench', noTexts);
  console.log(`save without texts: ${ms(t)}`);
  t = mark();
  await LibraryCache.load(dataDir, roots, 'bench');
  console.log(`load without texts: ${ms(t)}`);
  console.log(`rss: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
