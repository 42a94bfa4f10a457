// Folded text as search stores and matches it (charClass.ts folds one unit to one unit, so offsets
// agree): the original characters of a stretch, from the folded text and its diffs, and the highlight
// ranges of a query's clauses. Shared by both engines and the reading pane.

import type { TextMatcher } from './ExactMatcher';
import type { HighlightRange } from './types';

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

function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
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
