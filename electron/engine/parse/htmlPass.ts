import { Parser } from 'htmlparser2';
import { isPlaceholderImageUrl } from './fields';
import { MAX_HTML_DEPTH } from './limits';

export interface HtmlPassResult {
  /** The input with lazy images given a real `src` and protocol-relative URLs made https:. */
  html: string;
  /** Plain text: no markup, comments, style/script content; entities decoded; paragraphs on their own lines. */
  text: string;
  /** Text of the first h1-h6, '' when there is none. */
  firstHeading: string;
  /** Text of `<title>`, '' when there is none. */
  documentTitle: string;
  /** True when elements nested deeper than MAX_HTML_DEPTH: text and rewriting stopped there. */
  tooDeep: boolean;
}

// Attributes scrapers use to hold the real image while `src` holds a placeholder, most specific first.
const LAZY_SOURCES = ['data-original', 'data-original-src', 'data-src', 'data-actualsrc', 'data-lazy-src'];
const URL_ATTRIBUTES = ['src', 'href', 'poster'];
// Elements whose content is never reading text.
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'head',
  'title',
  'svg',
  'math',
]);
// Elements that start and end a line of text.
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'body',
  'html',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SAFE_ATTRIBUTE_NAME = /^[^\s"'<>/=\u0000-\u001f]+$/;

interface Edit {
  start: number;
  end: number; // exclusive
  replacement: string;
}

/**
 * One streaming htmlparser2 pass over an HTML body: rewrites the tags that need it (by position, so
 * comments and script text can never be mistaken for tags) and collects the plain text. No DOM is
 * built, so nesting costs no call stack. htmlparser2 keeps its open elements in an array it unshifts,
 * which is quadratic in depth (50,000 nested divs took seconds), so the pass stops at MAX_HTML_DEPTH:
 * no real article nests that deep, and browsers cap their own tree at 512.
 */
export function htmlPass(html: string): HtmlPassResult {
  const chunks: string[] = [];
  const edits: Edit[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let titleDepth = 0;
  let documentTitle = '';
  let headingTag = '';
  let heading = '';
  let headingDone = false;
  // htmlparser2 emits a close for every element it pops (void and implied ones too), so this is its stack depth.
  let depth = 0;
  let tooDeep = false;

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++depth > MAX_HTML_DEPTH) {
          tooDeep = true;
          parser.pause(); // stops the tokenizer after this tag; end() then returns without finishing
          return;
        }
        const rewritten = rewriteAttributes(name, attribs);
        if (rewritten) {
          const start = parser.startIndex;
          const end = parser.endIndex + 1;
          const selfClosing = html.charCodeAt(end - 2) === 0x2f; // '/>'
          edits.push({ start, end, replacement: serializeTag(name, rewritten, selfClosing) });
        }
        if (SKIPPED.has(name)) {
          skipDepth++;
          if (name === 'title') titleDepth++;
          return;
        }
        if (name === 'pre') preDepth++;
        if (BLOCKS.has(name)) chunks.push('\n');
        if (!headingDone && headingTag === '' && HEADINGS.has(name)) headingTag = name;
      },
      onclosetag(name) {
        depth--;
        if (SKIPPED.has(name)) {
          if (skipDepth > 0) skipDepth--;
          if (name === 'title' && titleDepth > 0) titleDepth--;
          return;
        }
        if (name === 'pre' && preDepth > 0) preDepth--;
        if (BLOCKS.has(name)) chunks.push('\n');
        if (name === headingTag) {
          headingTag = '';
          heading = heading.replace(/\s+/g, ' ').trim();
          headingDone = heading !== '';
        }
      },
      ontext(data) {
        if (skipDepth > 0) {
          if (titleDepth > 0 && documentTitle.length < 2000) documentTitle += data;
          return;
        }
        if (headingTag !== '' && heading.length < 2000) heading += data;
        chunks.push(preDepth > 0 ? data.replace(/\r\n?/g, '\n') : data.replace(/\s+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);

  return {
    html: applyEdits(html, edits),
    text: normalizeText(chunks.join('')),
    firstHeading: headingDone ? heading : '',
    documentTitle: documentTitle.replace(/\s+/g, ' ').trim(),
    tooDeep,
  };
}

/** New attributes for a tag that needs rewriting, or null when it can stay as written. */
function rewriteAttributes(name: string, attribs: Record<string, string>): Record<string, string> | null {
  let out: Record<string, string> | null = null;
  const set = (key: string, value: string) => {
    out ??= { ...attribs };
    out[key] = value;
  };
  if (name === 'img' || name === 'source') {
    const src = attribs.src;
    if (src === undefined || src.trim() === '' || isPlaceholderImageUrl(src)) {
      for (const key of LAZY_SOURCES) {
        const candidate = attribs[key]?.trim();
        if (candidate && !isPlaceholderImageUrl(candidate)) {
          set('src', httpsIfProtocolRelative(candidate));
          break;
        }
      }
    }
  }
  for (const key of URL_ATTRIBUTES) {
    const value = (out ?? attribs)[key];
    if (value !== undefined && isProtocolRelative(value)) set(key, httpsIfProtocolRelative(value));
  }
  const srcset = attribs.srcset;
  if (srcset?.includes('//')) {
    const fixed = srcset
      .split(',')
      .map((item) => (isProtocolRelative(item) ? item.replace('//', 'https://') : item))
      .join(',');
    if (fixed !== srcset) set('srcset', fixed);
  }
  return out;
}

function isProtocolRelative(url: string): boolean {
  return url.trimStart().startsWith('//');
}

function httpsIfProtocolRelative(url: string): string {
  const trimmed = url.trim();
  return trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
}

function serializeTag(name: string, attribs: Record<string, string>, selfClosing: boolean): string {
  let tag = `<${name}`;
  for (const [key, value] of Object.entries(attribs)) {
    if (!SAFE_ATTRIBUTE_NAME.test(key)) continue;
    tag += ` ${key}="${escapeAttribute(value)}"`;
  }
  return `${tag}${selfClosing ? ' />' : '>'}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue; // cannot happen with a well-behaved parser; never corrupt the output
    out += html.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  return out + html.slice(at);
}

/** Single spaces inside lines, one newline between paragraphs, nothing at either end. */
function normalizeText(raw: string): string {
  return raw
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
