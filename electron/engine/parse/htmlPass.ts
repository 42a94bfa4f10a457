import { type Handler, Parser } from 'htmlparser2';
import { countBrowserElements, ElementEstimate, elementBound } from './elementBudget';
import {
  applyEdits,
  type Edit,
  escapeAttribute,
  escapeText,
  httpsIfProtocolRelative,
  rewriteAttributes,
  serializeTag,
} from './htmlEdits';
import { MAX_ARTICLE_ELEMENTS, MAX_HTML_DEPTH } from './limits';

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
  /**
   * True when a browser would build more than MAX_ARTICLE_ELEMENTS elements from `html` (counting
   * what its tree builder re-creates, see elementBudget.ts): the reading pane must show the text.
   */
  tooManyElements: boolean;
  /** The upper bound on the elements a browser builds from `html` that decided it. */
  elementBound: number;
  /** The first `lang` (or `xml:lang`) attribute in the document, as written; '' when there is none. */
  lang: string;
}

interface HtmlPassOptions {
  /**
   * Where a `<video>` with nothing playable links to (the article's original page): it is replaced by
   * its poster and that link instead of showing an empty box.
   */
  videoLink?: string;
}

/** htmlparser2's parser, telling the pass about every end tag as written, matched or not. */
class EndTagAwareParser extends Parser {
  constructor(
    private readonly pass: TextPass,
    options: ConstructorParameters<typeof Parser>[1],
  ) {
    super(pass, options);
  }

  override onopentagname(start: number, endIndex: number): void {
    this.pass.estimate.startTagWritten(this.pass.html.slice(start, endIndex).toLowerCase());
    super.onopentagname(start, endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    this.pass.estimate.endTagWritten(this.pass.html.slice(start, endIndex).toLowerCase());
    super.onclosetag(start, endIndex);
  }
}

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
// SVG and MathML ("foreign content"). A browser ends them early when one of the HTML tags below
// appears inside (the HTML standard's "breakout" rule): `<svg><p>text` shows "text" as an HTML
// paragraph, so the reading pane shows it and search must find it. htmlparser2 keeps such tags inside
// the <svg>, so the pass applies the rule itself.
const FOREIGN_ROOTS = new Set(['svg', 'math']);
// The standard's list, as it gives it.
const BREAKOUT_TAGS = new Set(
  (
    'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li ' +
    'listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var'
  ).split(' '),
);
// Elements inside SVG/MathML whose content a browser parses as HTML again: no breakout inside them.
const INTEGRATION_POINTS: Record<string, ReadonlySet<string>> = {
  svg: new Set(['foreignobject', 'desc', 'title']),
  math: new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml']),
};

function breaksOutOfForeignContent(name: string, attribs: Record<string, string>): boolean {
  if (name === 'font') return 'color' in attribs || 'face' in attribs || 'size' in attribs;
  return BREAKOUT_TAGS.has(name);
}
/**
 * One streaming htmlparser2 pass over an HTML body: rewrites the tags that need it (by position, so
 * comments and script text can never be mistaken for tags) and collects the plain text. No DOM is
 * built, so nesting costs no call stack. htmlparser2 keeps its open elements in an array it unshifts,
 * which is quadratic in depth (50,000 nested divs took seconds), so the pass stops at MAX_HTML_DEPTH:
 * no real article nests that deep, and browsers cap their own tree at 512.
 */
export function htmlPass(html: string, options: HtmlPassOptions = {}): HtmlPassResult {
  const pass = new TextPass(html, options.videoLink);
  const parser = new EndTagAwareParser(pass, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: false,
  });
  pass.parser = parser;
  parser.end(html);

  // Past the depth limit the pane shows the text anyway; the rest was never read.
  const bound = pass.tooDeep ? 0 : elementBound(html, pass.estimate);
  return {
    html: applyEdits(html, pass.edits),
    text: normalizeText(pass.chunks.join('')),
    firstHeading: pass.headingDone ? pass.heading : '',
    documentTitle: pass.documentTitle.replace(/\s+/g, ' ').trim(),
    tooDeep: pass.tooDeep,
    lang: pass.lang,
    tooManyElements:
      bound > MAX_ARTICLE_ELEMENTS && countBrowserElements(html, MAX_ARTICLE_ELEMENTS) > MAX_ARTICLE_ELEMENTS,
    elementBound: bound,
  };
}

// The parser's callbacks as methods of one object per pass rather than closures: they are created once,
// not per call (and not re-named per call by the dev-time transpiler, which showed up in profiles).
class TextPass implements Partial<Handler> {
  parser: Parser | null = null;
  readonly chunks: string[] = [];
  readonly edits: Edit[] = [];
  /** Open SKIPPED elements, by the parser depth they opened at (their close comes at the same depth). */
  readonly skips: { depth: number; name: string }[] = [];
  /** Depths of SVG/MathML elements a breakout ended early: their own close, when it comes, is ignored. */
  readonly released = new Set<number>();
  /** Open SVG/MathML roots and the integration points inside them, innermost last. */
  readonly foreign: { depth: number; root: string; integration: boolean }[] = [];
  preDepth = 0;
  titleDepth = 0;
  documentTitle = '';
  headingTag = '';
  heading = '';
  headingDone = false;
  // htmlparser2 emits a close for every element it pops (void and implied ones too), so this is its stack depth.
  depth = 0;
  tooDeep = false;
  lang = '';
  /** Open <video> elements: where each starts, whether it has a playable source yet, its poster. */
  readonly videos: { depth: number; start: number; edits: number; playable: boolean; poster: string }[] = [];
  /** An upper bound on the elements a browser builds from this HTML. */
  readonly estimate = new ElementEstimate();

  constructor(
    readonly html: string,
    readonly videoLink: string | undefined,
  ) {}

  onopentag(name: string, attribs: Record<string, string>): void {
    const parser = this.parser!;
    if (++this.depth > MAX_HTML_DEPTH) {
      this.tooDeep = true;
      parser.pause(); // stops the tokenizer after this tag; end() then returns without finishing
      return;
    }
    if (this.lang === '') {
      const lang = attribs.lang ?? attribs['xml:lang'];
      if (lang !== undefined && lang.trim() !== '') this.lang = lang.trim().slice(0, 35);
    }
    this.estimate.startTag(name, attribs, this.depth);
    const rewritten = rewriteAttributes(name, attribs);
    if (name === 'video') {
      // Pushed before the tag's own rewrite, so a fallback can drop every edit inside the element.
      this.videos.push({
        depth: this.depth,
        start: parser.startIndex,
        edits: this.edits.length,
        playable: isPlayable((rewritten ?? attribs).src),
        poster: (rewritten ?? attribs).poster ?? '',
      });
    } else if (name === 'source' && this.videos.length > 0 && isPlayable((rewritten ?? attribs).src)) {
      this.videos[this.videos.length - 1]!.playable = true;
    }
    if (rewritten) {
      const start = parser.startIndex;
      const end = parser.endIndex + 1;
      const selfClosing = this.html.charCodeAt(end - 2) === 0x2f; // '/>'
      this.edits.push({ start, end, replacement: serializeTag(name, rewritten, selfClosing) });
    }
    const innermost = last(this.foreign);
    if (innermost) {
      // htmlparser2 keeps the case of tags inside SVG/MathML (foreignObject); a browser's rules do not.
      const lower = name.toLowerCase();
      if (!innermost.integration && breaksOutOfForeignContent(lower, attribs)) this.breakOut();
      else if (!innermost.integration && INTEGRATION_POINTS[innermost.root]!.has(lower)) {
        this.foreign.push({ depth: this.depth, root: innermost.root, integration: true });
        if (lower === 'title') return; // an SVG <title> is a tooltip, not the document's title
      } else if (FOREIGN_ROOTS.has(lower)) {
        this.foreign.push({ depth: this.depth, root: lower, integration: false });
      }
    } else if (FOREIGN_ROOTS.has(name)) {
      this.foreign.push({ depth: this.depth, root: name, integration: false });
    }
    if (SKIPPED.has(name)) {
      this.skips.push({ depth: this.depth, name });
      if (name === 'title') this.titleDepth++;
      return;
    }
    if (name === 'pre') this.preDepth++;
    if (BLOCKS.has(name)) this.chunks.push('\n');
    if (!this.headingDone && this.headingTag === '' && HEADINGS.has(name)) this.headingTag = name;
  }

  onclosetag(name: string, implied: boolean): void {
    const depth = this.depth--;
    if (name === 'video' && last(this.videos)?.depth === depth) this.closeVideo(this.videos.pop()!);
    this.estimate.closed(name, depth, implied);
    if (last(this.foreign)?.depth === depth) this.foreign.pop();
    if (this.released.delete(depth)) return;
    const skip = last(this.skips);
    if (skip?.depth === depth) {
      this.skips.pop();
      if (skip.name === 'title' && this.titleDepth > 0) this.titleDepth--;
      return;
    }
    if (SKIPPED.has(name)) return; // an SVG <title>, or a close the pass never saw open
    if (name === 'pre' && this.preDepth > 0) this.preDepth--;
    if (BLOCKS.has(name)) this.chunks.push('\n');
    if (name === this.headingTag) {
      this.headingTag = '';
      this.heading = this.heading.replace(/\s+/g, ' ').trim();
      this.headingDone = this.heading !== '';
    }
  }

  ontext(data: string): void {
    this.estimate.text();
    if (this.skips.length > 0) {
      if (this.titleDepth > 0 && this.documentTitle.length < 2000) this.documentTitle += data;
      return;
    }
    if (this.headingTag !== '' && this.heading.length < 2000) this.heading += data;
    this.chunks.push(this.preDepth > 0 ? data.replace(/\r\n?/g, '\n') : data.replace(/\s+/g, ' '));
  }

  /**
   * A video with no playable source (none at all, `blob:` addresses of a streaming player) shows
   * nothing in a browser: it becomes its poster and a link to the original page instead. Only an
   * element closed by its own `</video>` is replaced, so nothing around it can be swallowed.
   */
  private closeVideo(video: { start: number; edits: number; playable: boolean; poster: string }): void {
    if (video.playable) return;
    const parser = this.parser!;
    const closeStart = parser.startIndex;
    if (this.html.slice(closeStart, closeStart + 7).toLowerCase() !== '</video') return;
    const poster = isPlayable(video.poster) ? httpsIfProtocolRelative(video.poster) : '';
    const link = this.videoLink;
    if (poster === '' && link === undefined) return;
    const image = poster === '' ? '' : `<img src="${escapeAttribute(poster)}" alt="">`;
    const linked = (inner: string) =>
      link === undefined ? inner : `<a href="${escapeAttribute(link)}">${inner}</a>`;
    const caption =
      link === undefined ? '' : `<figcaption>${linked(`▶ ${escapeText(displayUrl(link))}`)}</figcaption>`;
    this.edits.length = video.edits; // the element's own rewrites go with it
    this.edits.push({
      start: video.start,
      end: parser.endIndex + 1,
      replacement: `<figure class="video-fallback">${image === '' ? '' : linked(image)}${caption}</figure>`,
    });
  }

  /**
   * Ends the SVG/MathML elements open since the nearest integration point, as a browser does: their
   * skipping stops now, and their closes (which htmlparser2 still sends later) are ignored.
   */
  private breakOut(): void {
    while (this.foreign.length > 0 && !this.foreign[this.foreign.length - 1]!.integration) {
      const { depth } = this.foreign.pop()!;
      this.released.add(depth);
      const at = this.skips.findLastIndex((skip) => skip.depth === depth);
      if (at >= 0) this.skips.splice(at, 1);
    }
  }
}

/**
 * The last element, without reading index -1 of an empty array: V8 looks that up as a named
 * property, off the fast path, and these run for every tag (an empty stack is the common case).
 */
function last<T>(stack: readonly T[]): T | undefined {
  return stack.length > 0 ? stack[stack.length - 1] : undefined;
}

/** A source a browser can play: an http(s) or protocol-relative address (not empty, not a page's `blob:`). */
function isPlayable(src: string | undefined): boolean {
  return src !== undefined && /^(?:https?:)?\/\/[^/\s]/i.test(src.trim());
}

function displayUrl(url: string): string {
  return url.replace(/^https?:\/\/(?:www\.)?/i, '').slice(0, 80);
}

/** Single spaces inside lines, one newline between paragraphs, nothing at either end. */
function normalizeText(raw: string): string {
  return raw
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
