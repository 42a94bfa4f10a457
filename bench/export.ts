// Export benchmark: 1,000 articles (the seed-like bench archive) as Markdown, HTML and JSON, and
// 1,000 articles that each carry a local picture (embedded in HTML, copied for Markdown). Prints
// articles per second, bytes written and pictures saved. Pictures are never fetched here.
//   npx tsx bench/export.ts [--size 1000]

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Library } from '../electron/engine/library/Library';
import type { ExportFormat } from '../shared/types';
import { benchArchive } from './scanArchive';

const repo = fileURLToPath(new URL('..', import.meta.url));
const sizeArg = process.argv.indexOf('--size');
const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 1000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function pictureArchive(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < size; i++) {
    const folder = join(dir, `f${i % 20}`);
    mkdirSync(folder, { recursive: true });
    // A distinct picture per article (a few bytes appended after IEND), so nothing is deduplicated.
    writeFileSync(join(folder, `p${i}.png`), Buffer.concat([PNG, Buffer.from(String(i))]));
    writeFileSync(
      join(folder, `a${i}.md`),
      `---\ntitle: "Article ${i} 第${i}篇"\ndate: 2024-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n\n` +
        `<p>${'Paragraph of the story with 中文 text. '.repeat(40)}</p><img src="p${i}.png" alt="p"><p>End.</p>\n`,
    );
  }
  return dir;
}

async function run(label: string, archive: string, work: string) {
  const library = await Library.open({
    dataDir: join(work, `data-${label}`),
    roots: [archive],
    watch: false,
    database: 'memory',
  });
  await library.whenIdle();
  const count = library.articles().length;
  for (const format of ['md', 'html', 'json'] as ExportFormat[]) {
    const out = join(work, `${label}.${format}`);
    const started = performance.now();
    const s = await library.exportArticles({
      selection: { kind: 'query', query: { text: '' } },
      format,
      destination: out,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(9)} ${format.padEnd(4)} ${s.exported}/${count} articles in ${seconds.toFixed(2)} s = ` +
        `${Math.round(s.exported / seconds)} articles/s, ${(s.bytesWritten / 1024 / 1024).toFixed(1)} MB written, ` +
        `pictures saved ${s.imagesSaved}, not saved ${s.imagesNotSavedCount}, failed ${s.failedCount}`,
    );
  }
  await library.close();
}

const work = mkdtempSync(join(tmpdir(), 'bs-bench-export-'));
try {
  await run('seedlike', benchArchive(repo, size, console.log), work);
  await run('pictures', pictureArchive(join(work, 'pictures-archive')), work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
