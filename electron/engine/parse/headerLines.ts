// Pelican and MultiMarkdown metadata: `Key: value` lines at the very top of a Markdown file, ended by a
// blank line, with no fences at all:
//
//   Title: My super title
//   Date: 2010-12-03 10:20
//   Category: Python
//   Tags: pelican, publishing
//
// Read only when every line of the first paragraph is such a line (or an indented continuation, as
// MultiMarkdown allows) and one of them is a title or a date, so prose that happens to open with
// "Note: …" stays prose.

interface HeaderLines {
  data: Record<string, unknown>;
  /** The text after the header paragraph. */
  body: string;
}

const HEADER = /^([A-Za-z][A-Za-z0-9 _-]{0,39}):(?:[ \t]+(.*))?$/;
const CONTINUATION = /^(?: {2,}|\t)\S/;
/** Keys whose value is a comma-separated list in Pelican (`Tags: a, b`, `Authors: A; B`). */
const LIST_KEYS = new Set(['tags', 'keywords', 'authors']);
const MAX_HEADER_LINES = 60;

export function readHeaderLines(text: string): HeaderLines | null {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Skip blank lines first.
  while (at < text.length) {
    const end = lineEnd(text, at);
    if (text.slice(at, end).trim() !== '') break;
    at = end + 1;
  }
  const fields: [string, string][] = [];
  let lines = 0;
  let bodyStart = text.length;
  while (at < text.length) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end).replace(/\r$/, '');
    if (line.trim() === '') {
      bodyStart = Math.min(end + 1, text.length);
      break;
    }
    if (++lines > MAX_HEADER_LINES) return null;
    const m = HEADER.exec(line);
    if (m) fields.push([m[1]!.toLowerCase().replace(/[ _-]/g, ''), (m[2] ?? '').trim()]);
    else if (CONTINUATION.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`.trim();
    } else return null;
    at = end + 1;
  }
  if (!fields.some(([key]) => key === 'title' || key === 'date')) return null;
  const data: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    if (Object.hasOwn(data, key)) continue; // the first wins, as in Pelican
    const list = LIST_KEYS.has(key);
    const parsed: unknown = list
      ? value
          .split(key === 'authors' ? /[;,]/ : /,/)
          .map((v) => v.trim())
          .filter((v) => v !== '')
      : value;
    Object.defineProperty(data, key, { value: parsed, enumerable: true, writable: true, configurable: true });
  }
  return { data, body: text.slice(bodyStart) };
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
