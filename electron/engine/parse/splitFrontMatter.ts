// Finds the front-matter block ourselves instead of trusting gray-matter's fence handling: the seeds
// start with a blank line (gray-matter then sees no front matter) and gray-matter would hand a block
// tagged `---js` to eval. Line numbers are 1-based lines of the decoded file.
//
// The forms static-site generators write:
//   ---  YAML  ---         (Jekyll, Hexo, Hugo; `---yaml` too)
//   +++  TOML  +++         (Hugo, Zola; `---toml` too)
//   { "title": … }         (Hugo's JSON front matter: a leading object; `---json` too)
//   ---js / ---coffee …    code, which is never run (kind 'code')

export type FrontMatterKind = 'yaml' | 'toml' | 'json' | 'code';

export type FrontMatterSplit =
  | { kind: 'none'; body: string }
  | {
      kind: FrontMatterKind;
      /** Language written after the opening fence ('' for plain YAML, `+++` TOML and a bare JSON object). */
      language: string;
      /** Line of the opening fence (or of the opening `{`). */
      openLine: number;
      /** The raw text between the fences, without the fence lines (for JSON: the whole object). */
      block: string;
      /** True when no closing fence was found; `block` is then empty and `body` is the rest. */
      unclosed: boolean;
      body: string;
    };

const LANGUAGES: Record<string, FrontMatterKind> = {
  '': 'yaml',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
  json: 'json',
};

export function splitFrontMatter(text: string): FrontMatterSplit {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Skip blank (whitespace-only) lines before the fence.
  for (;;) {
    const end = lineEnd(text, start);
    if (!isBlank(text, start, end)) break;
    if (end >= text.length) return { kind: 'none', body: text };
    start = end + 1;
    line++;
  }
  if (text.startsWith('+++', start) && isBlank(text, start + 3, lineEnd(text, start))) {
    return fenced(text, start, line, 'toml', '', '+++');
  }
  if (text.charCodeAt(start) === 0x7b /* { */ && looksLikeJsonObject(text, start)) {
    return jsonObject(text, start, line);
  }
  if (!text.startsWith('---', start) || text.charAt(start + 3) === '-') return { kind: 'none', body: text };
  let language = text.slice(start + 3, lineEnd(text, start)).trim();
  if (language.startsWith('#')) language = ''; // `--- # note` is a YAML document start with a comment
  return fenced(text, start, line, LANGUAGES[language.toLowerCase()] ?? 'code', language, '---');
}

function fenced(
  text: string,
  start: number,
  openLine: number,
  kind: FrontMatterKind,
  language: string,
  fence: string,
): FrontMatterSplit {
  const fenceEnd = lineEnd(text, start);
  let cursor = fenceEnd + 1;
  while (cursor <= text.length) {
    const end = lineEnd(text, cursor);
    if (text.startsWith(fence, cursor) && isBlank(text, cursor + fence.length, end)) {
      return {
        kind,
        language,
        openLine,
        block: text.slice(fenceEnd + 1, cursor),
        unclosed: false,
        body: text.slice(end + 1),
      };
    }
    if (end >= text.length) break;
    cursor = end + 1;
  }
  return { kind, language, openLine, block: '', unclosed: true, body: text.slice(fenceEnd + 1) };
}

/** `{` then (after white space) a `"` key or the closing `}`: JSON, not Markdown such as `{{< shortcode >}}`. */
function looksLikeJsonObject(text: string, start: number): boolean {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x22 /* " */ || c === 0x7d /* } */;
  }
  return false;
}

/** The object from `start` to its matching `}` (strings and escapes respected); the body starts on the next line. */
function jsonObject(text: string, start: number, openLine: number): FrontMatterSplit {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b /* [ */) depth++;
    else if (c === 0x7d || c === 0x5d /* ] */) {
      if (--depth === 0) {
        const end = lineEnd(text, i);
        return {
          kind: 'json',
          language: '',
          openLine,
          block: text.slice(start, i + 1),
          unclosed: false,
          body: text.slice(Math.min(end + 1, text.length)),
        };
      }
    }
  }
  return { kind: 'json', language: '', openLine, block: '', unclosed: true, body: text.slice(start) };
}

/** Index of the '\n' ending the line that starts at `from`, or text.length for the last line. */
function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xfeff) return false;
  }
  return true;
}
