// The "relevance" order of search results (SearchQuery.order): one rule for the library database and
// the brute-force oracle, in two steps.
//   1. Every match, by the index's own score: FTS5's bm25() over text_index, whose columns are the
//      fields weighed by COLUMN_WEIGHTS (a title hit counts ten times a hit in the text), so terms
//      that occur often, and rarely elsewhere, in a short field come first; newer first among equal
//      scores. (A query with no term in text_index, only single CJK characters whose table keeps no
//      positions, is taken newest first here.)
//   2. The first RELEVANCE_WINDOW of those, the first page, ordered by relevanceScore:
//        a. how many of the wanted term groups occur in the title,
//        b. how close together the groups occur (the shortest stretch holding one of each),
//        c. how often they occur (each group counted up to MAX_COUNTED times),
//      then newest first, then id.
// Step 2 needs each article's text (reading, inflating and folding one costs ~0.5-1 ms), so it is
// bounded to the page; step 1 is FTS5 walking the positions of every match. With no more matches
// than the window the whole order is relevanceScore's, which the oracle applies to every match.

import type { TextMatcher } from '../../../shared/ExactMatcher';
import type { QueryClause } from '../../../shared/parseQuery';
import type { ClauseGroup } from '../../../shared/queryGroups';

export const RELEVANCE_WINDOW = 50;

/** bm25() weights of text_index's columns (ftsTokens.ts TEXT_COLUMNS). */
export const COLUMN_WEIGHTS = { title: 10, author: 1, categories: 1, text: 1 } as const;
const MAX_COUNTED = 10;
/** Stretches longer than this many units earn no closeness. */
const NEAR_UNITS = 400;

/**
 * The score of one document (higher first). `folded` is its joined folded fields
 * (title \0 author \0 categories... \0 text) with the title in [0, titleLen); field-bound clauses do
 * not count.
 */
export function relevanceScore(
  folded: string,
  titleLen: number,
  wanted: readonly ClauseGroup[],
  clauses: readonly QueryClause[],
  matchers: readonly TextMatcher[],
): number {
  let titleHits = 0;
  let counted = 0;
  const starts: number[][] = [];
  for (const group of wanted) {
    const positions: number[] = [];
    let inTitle = false;
    for (const i of group.members) {
      if (clauses[i]!.field !== undefined) continue;
      const m = matchers[i]!;
      let found = 0;
      for (let p = m.find(folded, 0, folded.length); p >= 0 && found < MAX_COUNTED; ) {
        positions.push(p);
        found++;
        if (p < titleLen) inTitle = true;
        p = m.find(folded, p + 1, folded.length);
      }
    }
    if (inTitle) titleHits++;
    counted += Math.min(positions.length, MAX_COUNTED);
    if (positions.length) starts.push(positions.sort((a, b) => a - b));
  }
  const span = starts.length > 1 ? shortestSpan(starts) : NEAR_UNITS;
  const closeness = Math.max(0, NEAR_UNITS - span);
  return titleHits * 1_000_000 + closeness * 1_000 + counted;
}

/** Length of the shortest stretch holding one position of every list (each sorted ascending). */
function shortestSpan(lists: number[][]): number {
  const at = lists.map(() => 0);
  let best = Number.POSITIVE_INFINITY;
  for (;;) {
    let lo = 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < lists.length; k++) {
      const v = lists[k]![at[k]!]!;
      if (v < lists[lo]![at[lo]!]!) lo = k;
      if (v > max) max = v;
    }
    best = Math.min(best, max - lists[lo]![at[lo]!]!);
    at[lo]!++;
    if (at[lo]! >= lists[lo]!.length) return best;
  }
}

export interface Ranked {
  score: number;
  dateMs: number;
  id: string;
}

/** Orders the window: score, then newer, then id. */
export function byRelevance(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  const da = Number.isNaN(a.dateMs) ? Number.NEGATIVE_INFINITY : a.dateMs;
  const db = Number.isNaN(b.dateMs) ? Number.NEGATIVE_INFINITY : b.dateMs;
  if (da !== db) return db > da ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
