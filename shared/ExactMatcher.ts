// The "exact characters" switch (SearchQuery.exactCharacters). Indexes, postings and folded texts
// hold Traditional Chinese folded to Simplified, so a clause is first found folded, and each place it
// is found is then checked against the characters as written there (restored from the document's
// diffs) folded without the Chinese variants. Only those places are looked at: no second copy of the
// text, and a miss in the folded text costs nothing more.

import { ClauseMatcher } from './ClauseMatcher';
import { FOLD_EXACT, foldString } from './charClass';
import { originalSlice } from './foldedText';
import { clauseHasVariants, exactClause, type QueryClause } from './parseQuery';

/** What finds a clause in folded text: a ClauseMatcher, or one that also checks exact characters. */
export interface TextMatcher {
  /** End (exclusive) of the match returned by the last successful `find`. */
  end: number;
  /** Start of the first match starting in [from, limit) of `s` (folded text), or -1. */
  find(s: string, from: number, limit: number): number;
}

export class ExactMatcher implements TextMatcher {
  end = 0;
  /** The diffs of the document being searched (positions and original units), set before `find`. */
  diffs: Uint32Array | null = null;
  private readonly folded: ClauseMatcher;
  private readonly exact: ClauseMatcher;

  constructor(folded: ClauseMatcher, clause: QueryClause) {
    this.folded = folded;
    this.exact = new ClauseMatcher(exactClause(clause));
  }

  find(s: string, from: number, limit: number): number {
    const folded = this.folded;
    let p = folded.find(s, from, limit);
    while (p >= 0) {
      const end = folded.end;
      // Same length and the same character classes: the exact clause, if it is here, spans [p, end).
      const written = foldString(originalSlice(s, this.diffs, p, end), FOLD_EXACT);
      if (this.exact.find(written, 0, 1) === 0 && this.exact.end === written.length) {
        this.end = end;
        return p;
      }
      p = folded.find(s, p + 1, limit);
    }
    return -1;
  }
}

/**
 * The matchers of a query under the exact switch: clauses that may differ in Chinese characters get
 * an ExactMatcher, the others keep their folded one (folded and exact are the same for them).
 */
export function exactMatchers(clauses: QueryClause[], matchers: ClauseMatcher[]): TextMatcher[] {
  return clauses.map((c, i) => (clauseHasVariants(c) ? new ExactMatcher(matchers[i]!, c) : matchers[i]!));
}

/** Points every ExactMatcher at the document about to be searched. */
export function forDocument(matchers: TextMatcher[], diffs: Uint32Array | null): TextMatcher[] {
  for (const m of matchers) if (m instanceof ExactMatcher) m.diffs = diffs;
  return matchers;
}
