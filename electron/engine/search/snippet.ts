// Snippets and highlight ranges for one search result.
// Documents are stored folded; `diffs` (pairs of position, original unit) restore the original
// characters of just the window we show.

import type { HighlightRange } from '../../../shared/types';
import { SPACE } from './charClass';
import type { TextMatcher } from './ExactMatcher';

export const SNIPPET_UNITS = 120;
/** How much text to show before the first hit. */
const LEAD_UNITS = 30;

/** Ranges of every clause match starting in [from, to), clipped to `to`, sorted and merged. */
export function findRanges(
  folded: string,
  from: number,
  to: number,
  matchers: TextMatcher[],
): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const m of matchers) {
    let p = m.find(folded, from, to);
    while (p >= 0) {
      ranges.push([p, Math.min(m.end, to)]);
      p = m.find(folded, p + 1, to);
    }
  }
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: HighlightRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Original text of [from, to) of a stored document. */
export function originalSlice(folded: string, diffs: Uint32Array | null, from: number, to: number): string {
  if (diffs === null) return folded.slice(from, to);
  let lo = 0;
  let hi = diffs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (diffs[mid * 2]! < from) lo = mid + 1;
    else hi = mid;
  }
  let out = '';
  let last = from;
  for (let d = lo * 2; d < diffs.length && diffs[d]! < to; d += 2) {
    const at = diffs[d]!;
    out += folded.slice(last, at) + String.fromCharCode(diffs[d + 1]!);
    last = at + 1;
  }
  return out + folded.slice(last, to);
}

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
