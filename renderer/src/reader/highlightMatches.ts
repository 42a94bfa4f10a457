// Search matches inside the open article: the query is parsed and matched exactly as the engines do
// (shared/parseQuery, ClauseMatcher, ExactMatcher: 国家 marks 國家 unless exact characters), over the
// article's text nodes, and each match is wrapped in <mark class="bs-hit">. Excluded and field-bound
// terms are not marked. Text nodes of different blocks are joined with a line break, so a phrase never
// runs from one paragraph into the next; within a block it may cross inline elements (<b>国家</b>安全).
// Blocks are separated by U+0000, the engines' field barrier, which no phrase crosses.

import { ClauseMatcher } from '../../../shared/ClauseMatcher';
import { FOLD } from '../../../shared/charClass';
import { exactMatchers, forDocument, type TextMatcher } from '../../../shared/ExactMatcher';
import { findRanges } from '../../../shared/foldedText';
import { parseQuery } from '../../../shared/parseQuery';
import { highlighted } from '../../../shared/queryGroups';
import { scrollWithin } from './scrollWithin';

const HIT_CLASS = 'bs-hit';
export const CURRENT_CLASS = 'bs-hit-current';
/** An article with more marks than this gets only these: a word on every line is not worth a freeze. */
const MAX_MARKS = 2000;

const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'I',
  'KBD',
  'MARK',
  'Q',
  'RUBY',
  'RT',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'FONT',
  'DEL',
  'INS',
]);

function blockOf(node: Node, root: Element): Node {
  let el = node.parentElement;
  while (el && el !== root && INLINE.has(el.tagName)) el = el.parentElement;
  return el ?? root;
}

/** Unwraps every mark this module added under `root`. */
export function clearMatches(root: Element): void {
  const parents = new Set<Node>();
  for (const mark of root.querySelectorAll(`mark.${HIT_CLASS}`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

/** Marks the query's matches under `root`; returns the marks in document order. */
export function markMatches(root: Element, query: string, exactCharacters: boolean): HTMLElement[] {
  const { clauses } = parseQuery(query);
  const plain = clauses.map((c) => new ClauseMatcher(c));
  const matchers: TextMatcher[] = highlighted(
    clauses,
    exactCharacters ? exactMatchers(clauses, plain) : plain,
  );
  if (matchers.length === 0) return [];

  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  const diffs: number[] = [];
  let length = 0;
  let lastBlock: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    const block = blockOf(node, root);
    if (lastBlock !== null && block !== lastBlock) {
      parts.push('\u0000');
      length++;
    }
    lastBlock = block;
    nodes.push(node);
    starts.push(length);
    const data = node.data;
    let out = '';
    let last = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      const f = FOLD[c]!;
      if (f === c) continue;
      diffs.push(length + i, c);
      out += data.slice(last, i) + String.fromCharCode(f);
      last = i + 1;
    }
    parts.push(last === 0 ? data : out + data.slice(last));
    length += data.length;
  }
  const folded = parts.join('');
  forDocument(matchers, diffs.length ? Uint32Array.from(diffs) : null);
  const ranges = findRanges(folded, 0, folded.length, matchers).slice(0, MAX_MARKS);

  // Wrap from the last range back, so earlier offsets stay valid while text nodes are split.
  const marks: HTMLElement[] = [];
  let k = nodes.length - 1;
  for (let r = ranges.length - 1; r >= 0; r--) {
    const [from, to] = ranges[r]!;
    const pieces: HTMLElement[] = [];
    for (; k >= 0 && starts[k]! >= to; k--);
    for (let j = k; j >= 0 && starts[j]! + nodes[j]!.data.length > from; j--) {
      const node = nodes[j]!;
      const a = Math.max(from, starts[j]!) - starts[j]!;
      const b = Math.min(to, starts[j]! + node.data.length) - starts[j]!;
      if (b <= a) continue;
      const range = doc.createRange();
      range.setStart(node, a);
      range.setEnd(node, b);
      const mark = doc.createElement('mark');
      mark.className = HIT_CLASS;
      range.surroundContents(mark);
      pieces.unshift(mark);
    }
    marks.unshift(...pieces);
  }
  return marks;
}

/**
 * Moves the current match one step (wrapping) and scrolls it into view; returns its position
 * (1-based) and the count, or null when there are no marks.
 */
export function stepMatch(root: ParentNode, delta: 1 | -1): { index: number; count: number } | null {
  const marks = [...root.querySelectorAll<HTMLElement>(`mark.${HIT_CLASS}`)];
  if (marks.length === 0) return null;
  const current = marks.findIndex((m) => m.classList.contains(CURRENT_CLASS));
  const next =
    current < 0 ? (delta > 0 ? 0 : marks.length - 1) : (current + delta + marks.length) % marks.length;
  marks[current]?.classList.remove(CURRENT_CLASS);
  marks[next]!.classList.add(CURRENT_CLASS);
  scrollWithin(marks[next]!, 'center');
  return { index: next + 1, count: marks.length };
}
