// Synthetic saved web pages for the saved-page benchmark, and Markdown articles of exactly the same
// byte sizes: a news site's "Save Page As" shape (head with metas, JSON-LD, a style sheet and
// scripts; cookie banner, menus, the story, related links, footer). Deterministic (seeded) and
// cached under .bench/ between runs.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../electron/engine/testing/seededRandom';

const GENERATOR_VERSION = 1;
const FOLDERS = 100;
const SENTENCES = [
  'The council voted on Tuesday to approve the new budget after a long debate',
  'Funding for schools, roads and the public library was the main point of dispute',
  'Opposition members said the plan relied on optimistic forecasts of business rates',
  'Library staff, who had campaigned outside City Hall for a month, welcomed the decision',
  'The vote came shortly before midnight, after two amendments were rejected',
  'Residents will be able to comment on the spending plan at public meetings in every ward',
  'The mayor said the city would publish a detailed plan for each branch next month',
  'Analysts expect the new opening hours to bring back thousands of visitors',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function paragraph(random: () => number): string {
  let p = '';
  const count = 2 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) p += `${pick(random, SENTENCES)}, ${Math.floor(random() * 1000)} said. `;
  return p.trim();
}

/** One saved news page (about 16-20 KB), with the story as Markdown paragraphs too. */
export function savedNewsPage(random: () => number, i: number): { html: string; paragraphs: string[] } {
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 6) }, () => paragraph(random));
  const link = (k: number, text: string) => `<a href="https://www.example-news.test/${k}">${text}</a>`;
  const nav = Array.from(
    { length: 40 },
    (_, k) => `<li class="nav-item">${link(k, `Section ${k}`)}</li>`,
  ).join('');
  const related = Array.from(
    { length: 15 },
    (_, k) => `<li>${link(1000 + k, `Related ${k}: ${pick(random, SENTENCES)}`)}</li>`,
  ).join('');
  const day = String((i % 28) + 1).padStart(2, '0');
  const title = `${pick(random, SENTENCES)} (${i})`;
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | Example News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-${day}T10:00:00Z">
<link rel="canonical" href="https://www.example-news.test/news/${i}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2024-03-${day}T10:00:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>
<style>body{font:16px/1.5 Georgia,serif;margin:0}.nav-item{display:inline-block;padding:4px 8px}.cookie{position:fixed;bottom:0}${'.rule-x{color:red}'.repeat(60)}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}${'gtag("event","x");'.repeat(80)}</script>
</head><body>
<div class="cookie" id="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<header class="site-header"><a class="logo" href="https://www.example-news.test/">Example News</a><nav><ul>${nav}</ul></nav></header>
<main><article class="story"><h1>${title}</h1><p class="byline">By Jane Doe</p><time datetime="2024-03-${day}T10:00:00Z">${day} March 2024</time>
<figure><img src="https://images.example-news.test/${i}.jpg" alt="Photo ${i}"><figcaption>A photo.</figcaption></figure>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><aside class="related"><h2>Related</h2><ul>${related}</ul></aside></main>
<footer><p>© Example News</p><ul>${nav}</ul></footer>
<script>(function(){var s=document.createElement("script");s.src="https://ads.example-news.test/ad.js";document.body.appendChild(s)})();</script>
</body></html>
`;
  return { html, paragraphs };
}

/** A Markdown article with the same story, padded with more paragraphs to exactly `bytes` bytes. */
export function markdownOfSize(random: () => number, i: number, paragraphs: string[], bytes: number): string {
  let out = `---\ntitle: "${pick(random, SENTENCES)} (${i})"\ndate: 2024-03-05 10:00:00\nauthor: Jane Doe\ncategories:\n  - News\n---\n\n`;
  out += paragraphs.map((p) => `${p}\n\n`).join('');
  while (Buffer.byteLength(out) < bytes) out += `${paragraph(random)}\n\n`;
  return Buffer.from(out).subarray(0, bytes).toString('latin1'); // ASCII only: byte-exact
}

/** The two archives (saved pages, Markdown of the same sizes) for `size` files each. */
export function savedPageArchives(
  repoRoot: string,
  size: number,
  log: (line: string) => void,
): { pages: string; markdown: string } {
  const pages = join(repoRoot, '.bench', `saved-pages-${size}`);
  const markdown = join(repoRoot, '.bench', `saved-pages-markdown-${size}`);
  const marker = join(pages, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(GENERATOR_VERSION))
    return { pages, markdown };
  log(`generating ${size} saved pages and ${size} Markdown articles of the same sizes ...`);
  for (const dir of [pages, markdown]) {
    rmSync(dir, { recursive: true, force: true });
    for (let f = 0; f < FOLDERS; f++)
      mkdirSync(join(dir, `folder-${String(f).padStart(3, '0')}`), { recursive: true });
  }
  const random = seededRandom(size);
  for (let i = 0; i < size; i++) {
    const folder = `folder-${String(i % FOLDERS).padStart(3, '0')}`;
    const name = String(i).padStart(6, '0');
    const page = savedNewsPage(random, i);
    writeFileSync(join(pages, folder, `${name}.html`), page.html);
    const md = markdownOfSize(random, i, page.paragraphs, Buffer.byteLength(page.html));
    writeFileSync(join(markdown, folder, `${name}.md`), md, 'latin1');
  }
  writeFileSync(marker, String(GENERATOR_VERSION));
  return { pages, markdown };
}
