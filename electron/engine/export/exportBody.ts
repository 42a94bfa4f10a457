// An article body for export, from the engine's (unsanitized) HTML: either safe HTML built from an
// allowlist (no script, no event handler, no style, no frame, only http(s)/mailto links, images only
// where the caller gives a source) or Markdown. One walk over htmlparser2's document tree for both,
// bounded in depth: a body nested deeper than MAX_EXPORT_DEPTH is exported as its plain text.

import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { cleanMailtoUrl } from '../../../shared/mailtoUrl';
import { clampSpan } from '../../../shared/tableSpan';

const MAX_EXPORT_DEPTH = 400;

/** Tags kept (as themselves) in exported HTML; their text is kept in Markdown either way. */
const KEPT = new Set(
  (
    'p br hr h1 h2 h3 h4 h5 h6 strong b em i u s sub sup small mark blockquote q cite code pre kbd samp ' +
    'ul ol li dl dt dd a img figure figcaption table thead tbody tfoot tr th td caption span div section ' +
    'article header footer aside main time abbr del ins ruby rt rp center font'
  ).split(' '),
);
/** Dropped with everything inside them: never reading text, or active content. */
const DROPPED = new Set(
  (
    'script style template noscript iframe frame frameset object embed applet svg math head title ' +
    'textarea select option button form input video audio canvas meta link base param source track map area dialog'
  ).split(' '),
);
const BLOCK = new Set(
  'p div section article header footer aside main center figure figcaption blockquote pre ul ol li dl dt dd table thead tbody tfoot tr caption h1 h2 h3 h4 h5 h6 hr'.split(
    ' ',
  ),
);
const VOID = new Set(['br', 'hr', 'img']);

/** What an image becomes: a new src (a data: URI, a relative file), or null to leave it out. */
type ImageSource = (src: string) => string | null;

/** Every image `src` of a body (lazy `data-original` and friends already resolved by the engine). */
export function imageSources(html: string): string[] {
  const out: string[] = [];
  const walk = (nodes: ChildNode[], depth: number) => {
    if (depth > MAX_EXPORT_DEPTH) return;
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      if (DROPPED.has(el.name)) continue;
      if (el.name === 'img' && el.attribs.src) out.push(el.attribs.src.trim());
      walk(el.children, depth + 1);
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children, 0);
  return [...new Set(out)];
}

/**
 * The link an exported file may keep: an in-page anchor, http(s), or a mailto address cleaned by the
 * same rule as the reading pane's (`shared/mailtoUrl`: no smuggled headers or encoded controls);
 * null for anything else.
 */
export function safeExportLink(href: string): string | null {
  const h = href.trim();
  if (h.startsWith('#')) return h;
  if (/^https?:/i.test(h)) return h;
  if (/^mailto:/i.test(h)) return cleanMailtoUrl(h);
  return null;
}

// ---- HTML ----------------------------------------------------------------------------------

/** Control characters (other than tab and line breaks) have no business in an exported file. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function escapeHtml(text: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Safe HTML for an exported file. */
export function exportHtml(html: string, image: ImageSource, fallbackText: string): string {
  const out: string[] = [];
  const walk = (nodes: ChildNode[], depth: number): void => {
    if (depth > MAX_EXPORT_DEPTH) throw new TooDeep();
    for (const node of nodes) {
      if (node.type === 'text') {
        out.push(escapeHtml(node.data));
        continue;
      }
      if (node.type !== 'tag') continue; // comments, directives, script/style (their own node types)
      const el = node as Element;
      if (DROPPED.has(el.name)) continue;
      if (!KEPT.has(el.name)) {
        walk(el.children, depth + 1);
        continue;
      }
      const name = el.name === 'center' || el.name === 'font' ? 'div' : el.name;
      const attrs = htmlAttributes(el, image);
      if (attrs === null) continue; // an image with no source to give
      out.push(`<${name}${attrs}>`);
      if (VOID.has(name)) continue;
      walk(el.children, depth + 1);
      out.push(`</${name}>`);
    }
  };
  try {
    walk(parseDocument(html, { decodeEntities: true }).children, 0);
    return out.join('');
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return fallbackText
      .split('\n')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n');
  }
}

function htmlAttributes(el: Element, image: ImageSource): string | null {
  const a = el.attribs;
  let out = '';
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') out += ` ${key}="${escapeHtml(value.slice(0, 4096))}"`;
  };
  if (el.name === 'img') {
    const src = a.src ? image(a.src.trim()) : null;
    if (src === null) return null;
    add('src', src);
    add('alt', a.alt);
    add('title', a.title);
  } else if (el.name === 'a') {
    if (a.href) add('href', safeExportLink(a.href) ?? undefined);
    add('title', a.title);
  } else if (el.name === 'td' || el.name === 'th') {
    for (const key of ['colspan', 'rowspan'] as const)
      if (/^\d{1,3}$/.test(a[key] ?? '')) add(key, clampSpan(a[key] ?? '', key));
  } else if (el.name === 'time') {
    add('datetime', a.datetime);
  } else if (el.name === 'abbr') {
    add('title', a.title);
  }
  return out;
}

class TooDeep extends Error {}

// ---- Markdown ------------------------------------------------------------------------------

/** Markdown for an exported `.md` file (CommonMark; inline HTML never written). */
export function exportMarkdown(html: string, image: ImageSource, fallbackText: string): string {
  try {
    const blocks = new MarkdownWriter(image);
    blocks.children(parseDocument(html, { decodeEntities: true }).children, 0);
    return blocks.finish();
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return fallbackText
      .split('\n')
      .map((line) => escapeMarkdown(line))
      .join('\n\n');
  }
}

/** Escapes what Markdown would read as syntax in running text. */
function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/^(\s*)([#+\-=]|\d+[.)])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*)>/gm, '$1\\>');
}

class MarkdownWriter {
  private readonly out: string[] = [];
  private line = '';
  private readonly prefixes: string[] = [];
  private pendingBreak = false;

  constructor(private readonly image: ImageSource) {}

  finish(): string {
    this.flush();
    return `${this.out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`;
  }

  private flush(): void {
    const text = this.line.replace(/[ \t]+/g, ' ').trim();
    this.line = '';
    if (text === '') return;
    const prefix = this.prefixes.join('');
    this.out.push(
      text
        .split('\n')
        .map((l) => prefix + l.trim())
        .join('\n'),
    );
    this.out.push(this.prefixes.join('').trimEnd());
  }

  private text(value: string): void {
    if (this.pendingBreak) {
      this.line += '\\\n';
      this.pendingBreak = false;
    }
    this.line += escapeMarkdown(value.replace(/\s+/g, ' '));
  }

  children(nodes: ChildNode[], depth: number): void {
    if (depth > MAX_EXPORT_DEPTH) throw new TooDeep();
    for (const node of nodes) {
      if (node.type === 'text') this.text(node.data);
      else if (node.type === 'tag') this.element(node as Element, depth);
    }
  }

  private element(el: Element, depth: number): void {
    const name = el.name;
    if (DROPPED.has(name)) return;
    switch (name) {
      case 'br':
        this.pendingBreak = this.line.trim() !== '';
        return;
      case 'hr':
        this.flush();
        this.out.push('* * *', '');
        return;
      case 'img': {
        const src = el.attribs.src ? this.image(el.attribs.src.trim()) : null;
        if (src === null) return;
        const alt = escapeMarkdown((el.attribs.alt ?? '').replace(/\s+/g, ' ').trim());
        this.line += `![${alt}](<${src.replace(/[<>\s]/g, encodeURIComponent)}>)`;
        return;
      }
      case 'a': {
        const href = el.attribs.href ? safeExportLink(el.attribs.href) : null;
        if (!href) {
          this.children(el.children, depth + 1);
          return;
        }
        this.line += '[';
        this.children(el.children, depth + 1);
        this.line += `](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
        return;
      }
      case 'strong':
      case 'b':
        this.wrap('**', el, depth);
        return;
      case 'em':
      case 'i':
        this.wrap('*', el, depth);
        return;
      case 'code':
        this.inlineCode(el);
        return;
      case 'pre':
        this.codeBlock(el);
        return;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        this.flush();
        this.line = `${'#'.repeat(Number(name[1]))} `;
        this.children(el.children, depth + 1);
        this.line = this.line.replace(/\n/g, ' ');
        this.flush();
        return;
      case 'blockquote':
        this.flush();
        this.prefixes.push('> ');
        this.children(el.children, depth + 1);
        this.flush();
        this.prefixes.pop();
        this.out.push('');
        return;
      case 'ul':
      case 'ol':
        this.list(el, depth, name === 'ol');
        return;
      case 'figcaption':
        this.flush();
        this.line += '*';
        this.children(el.children, depth + 1);
        this.line += '*';
        if (this.line.trim() === '**') this.line = '';
        this.flush();
        return;
      case 'tr':
        this.flush();
        this.line += '| ';
        for (const cell of el.children) {
          if (cell.type !== 'tag') continue;
          this.children((cell as Element).children, depth + 1);
          this.line += ' | ';
        }
        this.line = this.line.replace(/\n/g, ' ');
        this.flush();
        return;
      default:
        if (BLOCK.has(name)) {
          this.flush();
          this.children(el.children, depth + 1);
          this.flush();
        } else {
          this.children(el.children, depth + 1);
        }
    }
  }

  private wrap(mark: string, el: Element, depth: number): void {
    const before = this.line;
    this.line = '';
    this.children(el.children, depth + 1);
    const inner = this.line;
    this.line = before;
    const trimmed = inner.trim();
    this.line += trimmed === '' ? inner : `${inner.startsWith(' ') ? ' ' : ''}${mark}${trimmed}${mark} `;
  }

  private inlineCode(el: Element): void {
    const code = textOf(el).replace(/\s+/g, ' ');
    if (code === '') return;
    const fence = '`'.repeat(longestRun(code, '`') + 1);
    this.line += `${fence}${code.startsWith('`') || code.endsWith('`') ? ` ${code} ` : code}${fence}`;
  }

  private codeBlock(el: Element): void {
    this.flush();
    const code = textOf(el).replace(/\r\n?/g, '\n').replace(/\n$/, '');
    const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
    const prefix = this.prefixes.join('');
    this.out.push([fence, ...code.split('\n'), fence].map((l) => prefix + l).join('\n'), prefix.trimEnd());
  }

  private list(el: Element, depth: number, ordered: boolean): void {
    this.flush();
    let n = 0;
    for (const item of el.children) {
      if (item.type !== 'tag') continue;
      const li = item as Element;
      n++;
      const marker = ordered ? `${n}. ` : '- ';
      this.line = '';
      const start = this.out.length;
      this.prefixes.push(' '.repeat(marker.length));
      this.children(li.children, depth + 1);
      this.flush();
      this.prefixes.pop();
      // The item's first line carries the marker instead of the indent.
      const indent = this.prefixes.join('') + ' '.repeat(marker.length);
      for (let i = start; i < this.out.length; i++) {
        const block = this.out[i]!;
        if (block.trim() === '') continue;
        this.out[i] = this.prefixes.join('') + marker + block.slice(indent.length);
        break;
      }
      // Items of one list sit on consecutive lines.
      for (let i = this.out.length - 1; i >= start; i--) {
        if (this.out[i]!.trim() === '') this.out.splice(i, 1);
        else break;
      }
    }
    this.out.push(this.prefixes.join('').trimEnd());
  }
}

function textOf(el: Element): string {
  let out = '';
  const walk = (nodes: ChildNode[], depth: number) => {
    if (depth > MAX_EXPORT_DEPTH) throw new TooDeep();
    for (const node of nodes) {
      if (node.type === 'text') out += node.data;
      else if (node.type === 'tag') {
        if ((node as Element).name === 'br') out += '\n';
        else walk((node as Element).children, depth + 1);
      }
    }
  };
  walk(el.children, 0);
  return out;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
