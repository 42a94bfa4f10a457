// Article keys in date order. An article's key is its rowid in every table of the library database,
// FTS5 tables included, so "newest first" is "rowid descending": FTS5 walks its posting lists
// backwards and stops after one page, and a date range is a rowid range. Nothing sorts all matches.
//
//   key = dateMs * SLOTS + slot      slot 0..SLOTS-1 tells apart articles dated the same millisecond
//   no date: below every dated key   (the oracle ranks NaN dates last)
// Dates are clamped to ±MAX_DATE_MS (year 2248 either way) so every key is a safe integer.

export const SLOTS = 1024;
export const MAX_DATE_MS = 8_700_000_000_000_000 / SLOTS;
/** Keys of undated articles: [UNDATED_MIN, UNDATED_MIN + UNDATED_SLOTS). */
const UNDATED_MIN = -Number.MAX_SAFE_INTEGER;
const UNDATED_SLOTS = 1_000_000_000_000;

export interface KeyRange {
  lo: number;
  hi: number;
}

/** The keys an article of this date may take (its free slot is chosen by the database). */
export function keyRangeOf(dateMs: number): KeyRange {
  if (Number.isNaN(dateMs)) return { lo: UNDATED_MIN, hi: UNDATED_MIN + UNDATED_SLOTS - 1 };
  const ms = Math.floor(Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, dateMs)));
  return { lo: ms * SLOTS, hi: ms * SLOTS + SLOTS - 1 };
}

/** Keys of articles dated in [fromMs, toMs] (either end open when undefined; undated never in). */
export function keyRangeBetween(fromMs: number | undefined, toMs: number | undefined): KeyRange {
  return {
    lo: keyRangeOf(fromMs === undefined ? -MAX_DATE_MS : Math.ceil(fromMs)).lo,
    hi: toMs === undefined ? Number.MAX_SAFE_INTEGER : keyRangeOf(Math.floor(toMs)).hi,
  };
}
