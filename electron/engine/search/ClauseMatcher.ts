// Finds one query clause in folded text. Used to verify index candidates, to tell title hits and
// to place highlights, so "matches" means the same thing everywhere.

import { CLASS, SEP, WORD } from './charClass';
import type { QueryClause, QueryToken } from './parseQuery';

// Module-local copies: some loaders turn imported bindings into getters.
const classOf = CLASS;
const K_SEP = SEP;
const K_WORD = WORD;

export class ClauseMatcher {
  /** End (exclusive) of the match returned by the last successful `find`. */
  end = 0;
  private readonly tokens: QueryToken[];
  private readonly first: QueryToken;

  constructor(clause: QueryClause) {
    this.tokens = clause.tokens;
    this.first = clause.tokens[0]!;
  }

  /** Start of the first match starting in [from, limit) of `s` (folded text), or -1. */
  find(s: string, from: number, limit: number): number {
    const first = this.first.text;
    let p = s.indexOf(first, from);
    while (p >= 0 && p < limit) {
      const end = this.matchAt(s, p);
      if (end >= 0) {
        this.end = end;
        return p;
      }
      p = s.indexOf(first, p + 1);
    }
    return -1;
  }

  /** End of the clause when its first token occurs at `p`, or -1. */
  private matchAt(s: string, p: number): number {
    const tokens = this.tokens;
    let pos = p;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      if (t > 0) {
        while (pos < s.length && classOf[s.charCodeAt(pos)] === K_SEP) pos++;
        if (!s.startsWith(token.text, pos)) return -1;
      }
      if (token.kind === 'word') {
        if (pos > 0 && classOf[s.charCodeAt(pos - 1)] === K_WORD) return -1;
        const after = pos + token.text.length;
        if (!token.prefix && after < s.length && classOf[s.charCodeAt(after)] === K_WORD) return -1;
      }
      pos += token.text.length;
    }
    return pos;
  }
}
