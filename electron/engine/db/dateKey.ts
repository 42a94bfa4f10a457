// Article keys in date order. An article's key is its rowid in every table of the library database,
// FTS5 tables included, so "newest first" is "rowid descending": FTS5 walks its posting lists
// backwards and stops after one page, and a date range is a rowid range. Nothing sorts all matches.
//
//   key = dateMs * SLOTS + slot      slot 0..SLOTS-1 tells apart articles dated the same millisecond
//                                    (an archive of date-only front matter has thousands a day)
//   no date: below every dated key   (the oracle ranks NaN dates last)
// Keys are 64-bit (BigInt in JS): dates are clamped to ±MAX_DATE_MS, the years 1691 to 2248.

export const SLOTS = 1n << 20n;
export const MAX_DATE_MS = 2 ** 43 - 1;
/** Keys of undated articles: [UNDATED_MIN, UNDATED_MIN + SLOTS * SLOTS). */
const UNDATED_MIN = -(1n << 63n);
const UNDATED_MAX = UNDATED_MIN + SLOTS * SLOTS - 1n;
const KEY_MAX = (1n << 63n) - 1n;

export interface KeyRange {
  lo: bigint;
  hi: bigint;
}

/** The keys an article of this date may take (its free slot is chosen by the database). */
export function keyRangeOf(dateMs: number): KeyRange {
  if (Number.isNaN(dateMs)) return { lo: UNDATED_MIN, hi: UNDATED_MAX };
  const ms = BigInt(Math.floor(Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, dateMs))));
  return { lo: ms * SLOTS, hi: ms * SLOTS + SLOTS - 1n };
}

/** Every key, undated included. */
export const ALL_KEYS: KeyRange = { lo: UNDATED_MIN, hi: KEY_MAX };

/** Keys of articles dated in [fromMs, toMs] (either end open when undefined; undated never in). */
export function keyRangeBetween(fromMs: number | undefined, toMs: number | undefined): KeyRange {
  return {
    lo: keyRangeOf(fromMs === undefined ? -MAX_DATE_MS : Math.ceil(fromMs)).lo,
    hi: toMs === undefined ? KEY_MAX : keyRangeOf(Math.floor(toMs)).hi,
  };
}
