// One streaming htmlparser2 pass over a saved page before any DOM is built: it measures the page
// (elements, nesting) so a pathological one never reaches Readability, leaves out what Readability
// would throw away first (scripts other than JSON-LD, styles, comments: often most of a saved page's
// bytes, and the DOM is then built without them), and, for an .mhtml, points image references at the
// parts saved with the page.

import { type Handler, Parser } from 'htmlparser2';
import { applyEdits, type Edit, serializeTag } from '../htmlEdits';
import { MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS } from '../limits';

interface PagePassResult {
  /** The page without scripts (JSON-LD kept), styles and comments, image references resolved. */
  html: string;
  elements: number;
  /** Deepest nesting seen (stops counting past the bound). */
  depth: number;
  /** Which bound the page went over, if any: the pass stopped there. */
  over: 'elements' | 'depth' | null;
}

/** Maps an image reference (src as written) to what should replace it, or undefined to keep it. */
export type ImageResolver = (src: string) => string | undefined;

// Attributes that name a picture the page shows.
const IMAGE_ATTRIBUTES: Record<string, readonly string[]> = {
  img: ['src', 'data-src'],
  image: ['href', 'xlink:href'],
  input: ['src'],
  video: ['poster'],
};

export function pagePass(html: string, resolveImage?: ImageResolver): PagePassResult {
  const pass = new ShapePass(html, resolveImage);
  const parser = new Parser(pass, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: false,
  });
  pass.parser = parser;
  parser.end(html);
  return {
    html: applyEdits(html, pass.edits),
    elements: pass.elements,
    depth: pass.maxDepth,
    over: pass.over,
  };
}

class ShapePass implements Partial<Handler> {
  parser: Parser | null = null;
  readonly edits: Edit[] = [];
  elements = 0;
  depth = 0;
  maxDepth = 0;
  over: PagePassResult['over'] = null;
  /** Where the <script>/<style> being left out starts, and its depth; -1 when none is open. */
  dropStart = -1;
  dropDepth = 0;

  constructor(
    readonly html: string,
    readonly resolveImage: ImageResolver | undefined,
  ) {}

  onopentag(name: string, attribs: Record<string, string>): void {
    this.elements++;
    if (++this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (this.depth > MAX_PAGE_DEPTH || this.elements > MAX_PAGE_ELEMENTS) {
      this.over = this.depth > MAX_PAGE_DEPTH ? 'depth' : 'elements';
      this.parser!.pause(); // the tokenizer stops after this tag; end() then returns
      return;
    }
    if ((name === 'script' && !/ld\+json/i.test(attribs.type ?? '')) || name === 'style') {
      this.dropStart = this.parser!.startIndex;
      this.dropDepth = this.depth;
      return;
    }
    const names = this.resolveImage ? IMAGE_ATTRIBUTES[name] : undefined;
    if (!names) return;
    let rewritten: Record<string, string> | null = null;
    for (const key of names) {
      const value = attribs[key];
      if (value === undefined) continue;
      const resolved = this.resolveImage!(value);
      if (resolved === undefined) continue;
      rewritten ??= { ...attribs };
      rewritten[key] = resolved;
    }
    if (!rewritten) return;
    const parser = this.parser!;
    const start = parser.startIndex;
    const end = parser.endIndex + 1;
    const selfClosing = this.html.charCodeAt(end - 2) === 0x2f;
    this.edits.push({ start, end, replacement: serializeTag(name, rewritten, selfClosing) });
  }

  onclosetag(): void {
    if (this.dropStart >= 0 && this.depth === this.dropDepth) {
      this.edits.push({ start: this.dropStart, end: this.parser!.endIndex + 1, replacement: '' });
      this.dropStart = -1;
    }
    this.depth--;
  }

  oncomment(): void {
    const parser = this.parser!;
    this.edits.push({ start: parser.startIndex, end: parser.endIndex + 1, replacement: '' });
  }
}
