// Finds one query clause in folded text. Used to verify index candidates, to tell title hits and
// to place highlights, so "matches" means the same thing everywhere.

import { anchorOffset } from './byteFrequency';
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
  /** The first token is searched from its unit at `anchor` (see byteFrequency.ts)... */
  private readonly anchor: number;
  private readonly anchorText: string;
  /** ...and then checked to start with the units before it. */
  private readonly head: string;
  private readonly firstLength: number;

  /** `byteCounts` (from sampleByteCounts) lets searches anchor on the first token's rarest unit. */
  constructor(clause: QueryClause, byteCounts?: Float64Array) {
    this.tokens = clause.tokens;
    const first = clause.tokens[0]!.text;
    this.anchor = anchorOffset(first, byteCounts);
    this.anchorText = first.slice(this.anchor);
    this.head = first.slice(0, this.anchor);
    this.firstLength = first.length;
  }

  /** Start of the first match starting in [from, limit) of `s` (folded text), or -1. */
  find(s: string, from: number, limit: number): number {
    const k = this.anchor;
    const anchorText = this.anchorText;
    // indexOf only sees the text up to where a first token starting before `limit` ends (a sliced
    // string costs no copy), so a miss in a title or snippet window does not scan the whole body.
    const end = limit + this.firstLength - 1;
    const hay = end < s.length ? s.slice(0, end) : s;
    let q = hay.indexOf(anchorText, from + k);
    while (q >= 0) {
      const p = q - k;
      if (p >= limit) return -1;
      if (k === 0 || s.startsWith(this.head, p)) {
        const matchEnd = this.matchAt(s, p);
        if (matchEnd >= 0) {
          this.end = matchEnd;
          return p;
        }
      }
      q = hay.indexOf(anchorText, q + 1);
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
