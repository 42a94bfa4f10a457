// Snippets and highlight ranges for one search result.
// Documents are stored folded; `diffs` (pairs of position, original unit) restore the original
// characters of just the window we show.

import { SPACE } from '../../../shared/charClass';
import type { TextMatcher } from '../../../shared/ExactMatcher';
import { findRanges, originalSlice } from '../../../shared/foldedText';
import type { HighlightRange } from '../../../shared/types';

export const SNIPPET_UNITS = 120;
/** How much text to show before the first hit. */
const LEAD_UNITS = 30;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * One line of about SNIPPET_UNITS units from the body (which starts at `textStart`) around the first
 * clause hit in it, whitespace runs collapsed to one space, with the hits inside it highlighted.
 */
export function makeSnippet(
  folded: string,
  diffs: Uint32Array | null,
  textStart: number,
  matchers: TextMatcher[],
): { snippet: string; highlights: HighlightRange[] } {
  let hit = -1;
  for (const m of matchers) {
    const p = m.find(folded, textStart, hit < 0 ? folded.length : hit);
    if (p >= 0) hit = p;
  }
  // Skip leading whitespace so a hit-less snippet starts with text.
  let bodyStart = textStart;
  while (bodyStart < folded.length && SPACE[folded.charCodeAt(bodyStart)]) bodyStart++;
  let start = hit < 0 ? bodyStart : Math.max(bodyStart, hit - LEAD_UNITS);
  let end = Math.min(folded.length, start + SNIPPET_UNITS);
  start = Math.max(bodyStart, Math.min(start, end - SNIPPET_UNITS));
  if (start > textStart && isLow(folded.charCodeAt(start)) && isHigh(folded.charCodeAt(start - 1))) start--;
  if (end < folded.length && isLow(folded.charCodeAt(end)) && isHigh(folded.charCodeAt(end - 1))) end++;

  const original = originalSlice(folded, diffs, start, end);
  const prefix = start > bodyStart ? '…' : '';
  // map[i] = index in the output of unit start+i.
  const map = new Int32Array(end - start + 1);
  let out = prefix;
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (SPACE[c]) {
      map[i] = out.length;
      if (!inSpace) {
        out += ' ';
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    map[i] = out.length;
    out += original[i];
  }
  map[original.length] = out.length;
  out = out.trimEnd();
  const suffix = end < folded.length ? '…' : '';
  const highlights: HighlightRange[] = [];
  for (const [s, e] of findRanges(folded, start, end, matchers)) {
    const a = map[s - start]!;
    const b = Math.min(map[e - 1 - start]! + 1, out.length);
    if (b > a) highlights.push([a, b]);
  }
  return { snippet: out + suffix, highlights };
}
