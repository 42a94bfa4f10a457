import type { ReactNode } from 'react';
import type { HighlightRange } from '../../../shared/types';

interface Segment {
  text: string;
  hit: boolean;
}

/**
 * Splits text by [start, end) UTF-16 ranges. Ranges from the engine are trusted only so far:
 * they are clamped, sorted and merged, and a range never cuts a surrogate pair in half.
 */
export function splitByRanges(text: string, ranges: readonly HighlightRange[] | undefined): Segment[] {
  if (!ranges || ranges.length === 0 || text === '') return text === '' ? [] : [{ text, hit: false }];
  const clean = ranges
    .map(([s, e]) => [snap(text, clamp(s, text.length)), snap(text, clamp(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [s, e] of clean) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    const last = segments[segments.length - 1];
    if (last?.hit && start === at) last.text += text.slice(start, e);
    else segments.push({ text: text.slice(start, e), hit: true });
    at = e;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(0, Math.trunc(n))) : 0;
}

/** Moves an offset that falls between a high and a low surrogate to before the pair. */
function snap(text: string, i: number): number {
  if (i > 0 && i < text.length) {
    const prev = text.charCodeAt(i - 1);
    if (prev >= 0xd800 && prev <= 0xdbff) return i - 1;
  }
  return i;
}

export function Highlighted({
  text,
  ranges,
}: {
  text: string;
  ranges?: readonly HighlightRange[];
}): ReactNode {
  if (!ranges || ranges.length === 0) return text;
  // Segments never change order for a given text, so the index is a stable key.
  return splitByRanges(text, ranges).map((seg, i) =>
    seg.hit ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
      <mark key={i}>{seg.text}</mark>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
      <span key={i}>{seg.text}</span>
    ),
  );
}
