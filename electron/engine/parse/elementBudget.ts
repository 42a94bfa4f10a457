// How many elements a browser would build from an article's HTML, so the reading pane never gets one
// that freezes it. The source's tags are not the whole story: the HTML standard's tree builder
// re-creates every still-"active" formatting element (a b big code em font i nobr s small strike strong
// tt u) that a block closed, before each later tag or text ("reconstruct the active formatting
// elements"), and the adoption agency clones elements when formatting tags are misnested. An 18 KB
// file with 400 unclosed <b class=cN> and thousands of paragraphs becomes 1.2 million elements.
//
// Two steps keep this cheap on ordinary articles and exact on hostile ones:
// 1. `ElementEstimate`, fed by htmlPass's streaming parse, keeps an UPPER BOUND: every start tag
//    (tags that imply table wrappers count three), plus at every tag and text the size the list of
//    active formatting elements can have (the standard's "Noah's Ark" keeps at most three identical
//    ones), plus the most the adoption agency can clone for every misnested formatting end tag.
// 2. Only when that bound is over the budget, `countBrowserElements` runs parse5 (an implementation
//    of the standard's tree construction) and counts the elements it creates, stopping at the budget.

import { defaultTreeAdapter, parse } from 'parse5';

/** Formatting elements: they go on the list of active formatting elements. */
export const FORMATTING = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
]);
/** Start tags the tree builder may wrap in implied elements (tbody, tr, colgroup). */
const IMPLIES_WRAPPERS = new Set(['td', 'th', 'tr', 'col']);
/** The adoption agency runs at most 8 outer steps, each cloning at most 1 + 3 elements. */
const MAX_ADOPTION_CLONES = 32;
/** Identical active formatting elements the standard keeps ("Noah's Ark"). */
const NOAHS_ARK = 3;

export class ElementEstimate {
  /** The upper bound so far. */
  total = 3; // html, head, body
  /** Start and end tags the tokenizer read. */
  tags = 0;
  /** Entries the list of active formatting elements can hold now, at most. */
  private active = 0;
  /** Entries by identity (name and attributes), each at most NOAHS_ARK. */
  private readonly byKey = new Map<string, number>();
  /** Formatting elements htmlparser2 has open, innermost last, with their depth and identity. */
  private readonly open: { depth: number; key: string }[] = [];
  /** Open <a> and <nobr> elements (one inside another makes the adoption agency run). */
  private openAnchors = 0;
  /** The formatting end tag being handled, and how many elements it closed implicitly so far. */
  private endTag: string | null = null;
  private impliedInEndTag = 0;

  /**
   * A start tag as the tokenizer read it (htmlparser2's tree drops or merges some a browser keeps,
   * so elements are counted here).
   */
  startTagWritten(name: string): void {
    this.tags++;
    this.total += IMPLIES_WRAPPERS.has(name) ? 3 : 1;
  }

  /** A start tag at `depth` (htmlparser2's), after the closes it implied. */
  startTag(name: string, attribs: Record<string, string>, depth: number): void {
    this.total += this.active;
    if (!FORMATTING.has(name)) return;
    // <a> inside an active <a>, <nobr> inside <nobr>: the adoption agency runs first.
    if (name === 'a' || name === 'nobr') {
      if (this.openAnchors > 0) this.total += MAX_ADOPTION_CLONES;
      this.openAnchors++;
    }
    const key = identity(name, attribs);
    const count = this.byKey.get(key) ?? 0;
    if (count < NOAHS_ARK) {
      this.byKey.set(key, count + 1);
      this.active++;
    }
    this.open.push({ depth, key });
  }

  /** Text outside script/style: the builder reconstructs before inserting it. */
  text(): void {
    this.total += this.active;
  }

  /** An end tag as written in the source, before htmlparser2 handles it (matched or not). */
  endTagWritten(name: string): void {
    this.tags++;
    this.impliedInEndTag = 0;
    this.endTag = FORMATTING.has(name) ? name : null;
    // A browser makes an element of a stray </p> and of </br>.
    if (name === 'p' || name === 'br') this.total++;
    // Misnested or unmatched: the adoption agency may clone (an element re-created by
    // reconstruction is invisible to htmlparser2, so its end tag counts here too). A clean
    // close takes this back.
    if (this.endTag) this.total += MAX_ADOPTION_CLONES;
  }

  /** htmlparser2 closed the element at `depth`, implied (by another tag) or by its own end tag. */
  closed(name: string, depth: number, implied: boolean): void {
    if (implied) this.impliedInEndTag++;
    const innermost = this.open.length > 0 ? this.open[this.open.length - 1]! : undefined;
    if (innermost?.depth !== depth) return;
    this.open.pop();
    if ((name === 'a' || name === 'nobr') && this.openAnchors > 0) this.openAnchors--;
    if (implied || this.impliedInEndTag > 0 || this.endTag !== name) return;
    // Closed cleanly by its own end tag as the current node: off the list, no clones.
    this.endTag = null;
    this.total -= MAX_ADOPTION_CLONES;
    const count = this.byKey.get(innermost.key) ?? 0;
    if (count > 0) {
      this.byKey.set(innermost.key, count - 1);
      this.active--;
    }
  }
}

function identity(name: string, attribs: Record<string, string>): string {
  let key = `${name} `;
  for (const attribute of Object.keys(attribs).sort()) key += `${attribute}=${attribs[attribute]}\u0000`;
  return key;
}

const TAG_OPEN = /<\/?[a-zA-Z]/g;
const LT = /</g;
const FORMATTING_OPEN = /<(?:a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)[\s/>]/gi;

/**
 * The bound for `html`. htmlparser2's tokenizer does not always see the tags a browser sees (it
 * reads `<![CDATA[` as hiding everything up to `]]>`; a browser ends that bogus comment at the first
 * `>`): when it read fewer tags than there are `<` or `</` + letter in the text, the bound falls back
 * to one that needs no tokenizer: every `<` a trigger, every formatting-looking tag active at each.
 */
export function elementBound(html: string, estimate: ElementEstimate): number {
  const tagOpens = count(html, TAG_OPEN);
  if (tagOpens <= estimate.tags) return estimate.total;
  const triggers = count(html, LT) + 1;
  const formatting = count(html, FORMATTING_OPEN);
  return Math.max(estimate.total, 3 + triggers * (3 + formatting + MAX_ADOPTION_CLONES));
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

class BudgetExceeded extends Error {}

/**
 * The elements a browser builds from `html` (as the reading pane parses it: a document whose body
 * holds the article), counted by parse5 and stopping once `limit` is passed: the result is then
 * `limit + 1`, so the cost is bounded by the budget, not by the amplification.
 */
export function countBrowserElements(html: string, limit: number): number {
  let count = 0;
  const adapter = {
    ...defaultTreeAdapter,
    createElement: ((...args: Parameters<typeof defaultTreeAdapter.createElement>) => {
      if (++count > limit) throw new BudgetExceeded();
      return defaultTreeAdapter.createElement(...args);
    }) as typeof defaultTreeAdapter.createElement,
    // Text never decides what the tree builder does next: not keeping it halves the memory.
    insertText: () => undefined,
    insertTextBefore: () => undefined,
  };
  try {
    parse(html, { treeAdapter: adapter });
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
  }
  return Math.min(count, limit + 1);
}
