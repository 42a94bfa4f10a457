// The text of exported files: a Markdown file with YAML front matter, one self-contained HTML
// document, and JSON entries shaped like Wallabag's export. Pure: bodies arrive already converted.

import { stringify } from 'yaml';
import type { Article } from '../../../shared/types';

import { escapeHtml } from './exportBody';

/** Front matter a reader (Broadsheet included) reads back: title, date, author, categories first. */
function frontMatterOf(article: Article, starred: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = { title: article.title, date: article.date };
  if (article.author) data.author = article.author;
  if (article.categories.length > 0) data.categories = article.categories;
  if (article.editor) data.editor = article.editor;
  if (article.originalUrl) data.originalUrl = article.originalUrl;
  if (article.images.head) data.headimg = article.images.head;
  if (starred) data.starred = true;
  data.source = article.path;
  return data;
}

export function markdownFile(article: Article, starred: boolean, body: string): string {
  const yaml = stringify(frontMatterOf(article, starred), { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body}`;
}

/** No script, no network, no frames: whatever got through the allowlist still cannot run or load. */
export const EXPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `body{max-width:46em;margin:2em auto;padding:0 1em;font:17px/1.7 system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC",sans-serif;color:#1b1b1b;background:#fff}
article{border-top:1px solid #ddd;padding-top:1.5em;margin-top:2.5em}
.meta{color:#666;font-size:.9em}img{max-width:100%;height:auto}pre{overflow:auto;background:#f5f5f5;padding:.8em}
nav li{margin:.2em 0}.missing{color:#888;font-size:.85em}
@media (prefers-color-scheme:dark){body{background:#161616;color:#e6e6e6}pre{background:#222}.meta{color:#aaa}}`;

export function htmlHead(title: string, count: number, exportedAt: string): string {
  return (
    `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<h1>${escapeHtml(title)}</h1>\n<p class="meta">${count} article${count === 1 ? '' : 's'}, exported ${escapeHtml(exportedAt)} by Broadsheet</p>\n`
  );
}

export function htmlArticle(article: Article, anchor: string, body: string): string {
  const meta = [article.date.slice(0, 10), article.author, article.editor && `Editor: ${article.editor}`]
    .filter(Boolean)
    .map((s) => escapeHtml(String(s)))
    .join(' · ');
  const link =
    article.originalUrl && /^https?:/i.test(article.originalUrl)
      ? ` · <a href="${escapeHtml(article.originalUrl)}">original</a>`
      : '';
  return (
    `<article id="${anchor}">\n<h2>${escapeHtml(article.title)}</h2>\n` +
    `<p class="meta">${meta}${link}</p>\n${body}\n</article>\n`
  );
}

export function htmlToc(entries: { anchor: string; title: string; date: string }[]): string {
  if (entries.length < 2) return '';
  const items = entries
    .map(
      (e) =>
        `<li><a href="#${e.anchor}">${escapeHtml(e.title)}</a> <span class="meta">${escapeHtml(e.date.slice(0, 10))}</span></li>`,
    )
    .join('\n');
  return `<nav>\n<ol>\n${items}\n</ol>\n</nav>\n`;
}

export const HTML_TAIL = '</body>\n</html>\n';

/**
 * One entry of the JSON export, in the fields Wallabag's export uses plus Broadsheet's own. Read
 * articles are `is_archived`, as Wallabag marks what has been read.
 */
export function jsonEntry(
  article: Article,
  starred: boolean,
  content: string,
  read = false,
): Record<string, unknown> {
  let domain: string | null = null;
  try {
    if (article.originalUrl) domain = new URL(article.originalUrl).hostname;
  } catch {
    domain = null;
  }
  return {
    id: article.id,
    title: article.title,
    url: article.originalUrl ?? null,
    is_starred: starred,
    is_archived: read,
    content,
    text: article.text,
    created_at: article.date,
    updated_at: article.updated ?? article.date,
    published_at: article.dateSource === 'front-matter' ? article.date : null,
    published_by: article.author ? [article.author] : [],
    tags: article.categories,
    editor: article.editor ?? null,
    preview_picture: article.images.head ?? article.images.cover ?? article.images.thumbnail ?? null,
    domain_name: domain,
    reading_time: Math.max(1, Math.round(article.chars / 400)),
    path: article.path,
  };
}
