// Per-file cost of parseArticle (and of read + parse) on the seeds and on a synthetic seed-like body.
// Budget: 100,000 seed-like 4 KB files in < 15 s on 2 workers => ~0.25 ms/file/core including the read,
// so parseArticle itself should stay well under 0.15 ms for a seed. Timings are printed, never asserted.
//   npx tsx bench/parse.ts [--files N]

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle, type RawFile } from '../electron/engine/parse/parseArticle';
import { readArticleFileSync } from '../electron/engine/parse/readArticleFile';
import { SEED_DIR, SEED_NAMES } from '../electron/engine/testing/seeds';

const fixtures = fileURLToPath(new URL('../electron/engine/parse/fixtures/', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITERATIONS = arg('--files', 20_000);

function raw(path: string, bytes: Uint8Array): RawFile {
  return { path, root: fixtures, bytes, mtimeMs: Date.now(), size: bytes.length };
}

function syntheticSeed(i: number): string {
  const para = `<p>　　当地时间2022年8月${(i % 28) + 1}日，国务委员兼外长王毅在金边出席东亚合作系列外长会期间应约会见俄罗斯外长拉夫罗夫。双方同意保持战略协调，深化务实合作。第${i}段。</p>\n`;
  return [
    '',
    '---',
    `title: '第${i}篇：王毅会见俄罗斯外长拉夫罗夫'`,
    'categories: ',
    ' - 金融',
    ' - 新浪财经',
    `headimg: 'https://n.sinaimg.cn/spider20220806/${i}.jpg'`,
    'author: 新浪财经',
    'comments: false',
    `date: Sat, 06 Aug 2022 04:${String(i % 60).padStart(2, '0')}:06 GMT`,
    `thumbnail: 'https://n.sinaimg.cn/spider20220806/${i}.jpg'`,
    '---',
    '',
    '<div>   ',
    `<div class="img_wrapper"><img id="0" src="https://n.sinaimg.cn/${i}.jpg" alt referrerpolicy="no-referrer"></div>`,
    para.repeat(8),
    '<!-- 文末二维码 start -->',
    '            <style>',
    '            .appendQr_wrap&#123;border:1px solid #E6E6E6;padding:8px;&#125;',
    '            </style>',
    '            <div class="clearfix appendQr_wrap"><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div>',
    '<p class="article-editor">责任编辑：李园 </p>',
    '</div>',
    '',
  ].join('\n');
}

// CPU time (user + system) next to wall time: on a shared 2-core machine wall time mostly measures the
// neighbours, CPU time is what one worker would spend.
function measure(run: () => void): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  return { wallMs: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000 };
}

function report(label: string, m: { wallMs: number; cpuMs: number }, count: number, note: string): void {
  const per = (ms: number) => ((ms / count) * 1000).toFixed(1).padStart(7);
  console.log(`${label.padEnd(34)} ${per(m.cpuMs)} µs/file CPU ${per(m.wallMs)} µs/file wall  (${note})`);
}

function time(label: string, files: RawFile[], iterations: number): void {
  for (let i = 0; i < Math.min(2_000, iterations); i++) parseArticle(files[i % files.length]!); // warm up
  const m = measure(() => {
    for (let i = 0; i < iterations; i++) parseArticle(files[i % files.length]!);
  });
  const bytes = files.reduce((n, f) => n + f.size, 0) / files.length;
  report(label, m, iterations, `${Math.round(bytes)} B avg, ${iterations} files`);
}

const seeds = SEED_NAMES.map((n) => raw(join(SEED_DIR, n), readFileSync(join(SEED_DIR, n))));
const synthetic = Array.from({ length: 1_000 }, (_, i) =>
  raw(`/bench/${i}.txt`, new TextEncoder().encode(syntheticSeed(i))),
);
const hkcnews = ['article_8756.md', 'article_659.md'].map((n) =>
  raw(join(fixtures, n), readFileSync(join(fixtures, n))),
);

// Neighbours inflate even CPU time (shared caches, frequency): print the load next to the numbers.
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(`node ${process.version}, load average ${load}, parseArticle only:`);
time('seeds (2 files, HTML body)', seeds, ITERATIONS);
time('synthetic seed-like (1,000 files)', synthetic, ITERATIONS);
time('hkcnews (Markdown body)', hkcnews, Math.ceil(ITERATIONS / 4));

// One figure per front-matter / body format the parser recognises (fixtures/formats: small real-looking
// posts from each generator). Compare with hkcnews above: a new format should cost about as much.
const formats = join(fixtures, 'formats');
const FORMAT_FILES: [string, string][] = [
  ['Hugo TOML (+++)', 'hugo-go1.21.md'],
  ['Zola TOML [taxonomies]/[extra]', 'zola-rust-survey.md'],
  ['Hugo JSON ({ })', 'hugo-json.md'],
  ['---json', 'dash-json.md'],
  ['YAML with CRLF', 'crlf-blank-before-fence.md'],
  ['TOML that does not parse', 'bad-toml.md'],
  ['Jekyll, date from file name (zh)', 'jekyll-zh/_posts/2016-08-21-香港新聞自由指數.md'],
  ['Pelican header lines', 'pelican/first-post.md'],
  ['YAML with a broken line (recovered)', 'broken-title-line.md'],
  ['<BR> in the title', 'newsletter/week-in-rust-154.md'],
  ['Hugo shortcodes, zh-Hant', 'hugo-shortcodes-hk.md'],
  ['<video> without a source', 'video-no-source.html'],
  ['670 stray control bytes', 'control-bytes.md'],
];
for (const [label, name] of FORMAT_FILES) {
  const path = join(formats, name);
  time(label, [raw(path, readFileSync(path))], Math.ceil(ITERATIONS / 4));
}

// read + parse from disk (page cache warm), as a scan worker does it
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-parse-'));
try {
  const count = Math.min(ITERATIONS, 5_000);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `${i}.txt`);
    writeFileSync(path, syntheticSeed(i));
    paths.push(path);
  }
  for (const p of paths.slice(0, 500)) readArticleFileSync(p, dir);
  const m = measure(() => {
    for (const p of paths) readArticleFileSync(p, dir);
  });
  report('readArticleFileSync (synthetic)', m, count, `${count} files from disk, page cache warm`);
  const seconds = ((m.cpuMs / count) * 100_000) / 2 / 1000;
  console.log(
    `=> 100,000 such files on 2 workers: about ${seconds.toFixed(1)} s of CPU per worker (read + parse)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// one 5 MB article
const paragraph =
  '<p>　　当地时间2022年8月5日，国务委员兼外长王毅在金边出席东亚合作系列外长会。<img data-src="//n.sinaimg.cn/x.jpg"></p>\n';
const big = new TextEncoder().encode(
  `\n---\ntitle: big\n---\n<div>${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}</div>`,
);
const bigRun = measure(() => parseArticle(raw('/bench/big.txt', big)));
console.log(
  `${'one 5 MB HTML article'.padEnd(34)} ${bigRun.cpuMs.toFixed(0)} ms CPU, ${bigRun.wallMs.toFixed(0)} ms wall`,
);
