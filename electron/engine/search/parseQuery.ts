// Turns what the user typed into clauses. Every clause must match for an article to be found.
//
//   央行 LPR        two clauses: the CJK run 央行 (substring) and the word prefix `lpr`
//   "high level"   one quoted clause: the words in sequence, whole words, any separators between
//   97.0.2         one clause: tokens joined by `.`, `-`, `/`, ... stay together as a phrase whose last
//                  word may be a prefix (so typing `covid-1` already finds covid-19)
//   王毅,拉夫罗夫   two clauses: other punctuation separates like a space

import { LIMITS } from '../../../shared/validateRequest';
import { CJK, CLASS, FOLD, FOLD_EXACT, HAS_VARIANT, WORD } from './charClass';

export interface QueryToken {
  kind: 'cjk' | 'word';
  /** Folded text of the token (Traditional Chinese folded to Simplified). */
  text: string;
  /** The token folded without the Chinese variants (the "exact characters" switch). */
  exactText: string;
  /** Word tokens only: true when it may match the start of a longer word. */
  prefix: boolean;
}

export interface QueryClause {
  /** One token: a plain term. Several: a phrase, matched in this order with only separators between. */
  tokens: QueryToken[];
  quoted: boolean;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  notice?: string;
}

/** More clauses than this are ignored (with a notice): each one costs a posting-list pass. */
export const MAX_CLAUSES = 16;

const QUOTES = new Set(['"', '“', '”', '＂']);
// Punctuation that joins tokens into one phrase inside an unquoted chunk: 97.0.2, covid-19, a/b, don't.
const JOINERS = new Set(['.', '-', '_', '/', ':', "'", '’', '@', '#', '+', '&', '·']);

function tokenize(text: string, quoted: boolean, clauses: QueryClause[]): void {
  let tokens: QueryToken[] = [];
  let start = -1;
  let kind = 0;
  let joined = true; // whether the next token continues the current clause
  const flush = () => {
    if (tokens.length === 0) return;
    if (!quoted) {
      const last = tokens[tokens.length - 1]!;
      if (last.kind === 'word') last.prefix = true;
    }
    clauses.push({ tokens, quoted });
    tokens = [];
  };
  const folded: number[] = [];
  const exact: number[] = [];
  for (let i = 0; i < text.length; i++) {
    folded.push(FOLD[text.charCodeAt(i)]!);
    exact.push(FOLD_EXACT[text.charCodeAt(i)]!);
  }
  const endToken = (end: number) => {
    if (start < 0) return;
    if (!joined) flush();
    tokens.push({
      kind: kind === CJK ? 'cjk' : 'word',
      text: String.fromCharCode(...folded.slice(start, end)),
      exactText: String.fromCharCode(...exact.slice(start, end)),
      prefix: false,
    });
    start = -1;
    joined = true;
  };
  for (let i = 0; i < text.length; i++) {
    const k = CLASS[folded[i]!]!;
    if (k === CJK || k === WORD) {
      if (start >= 0 && k !== kind) endToken(i);
      if (start < 0) {
        start = i;
        kind = k;
      }
    } else {
      endToken(i);
      // Inside quotes every separator keeps the phrase; outside only the joiners do.
      if (!quoted && !JOINERS.has(text[i]!)) joined = false;
    }
  }
  endToken(text.length);
  flush();
}

/** Longer queries are cut (with a notice): nobody types more, and it bounds the work. */
/** The request limit (validateRequest) is the one limit; the engine also holds to it for the CLI. */
const MAX_QUERY_CHARS = LIMITS.queryChars;

export function parseQuery(input: string): ParsedQuery {
  const clauses: QueryClause[] = [];
  let notice: string | undefined;
  const text = input.length > MAX_QUERY_CHARS ? input.slice(0, MAX_QUERY_CHARS) : input;
  if (text !== input) notice = `Only the first ${MAX_QUERY_CHARS} characters of the query were used.`;
  let i = 0;
  let segment = '';
  while (i < text.length) {
    const ch = text[i]!;
    if (!QUOTES.has(ch)) {
      segment += ch;
      i++;
      continue;
    }
    for (const chunk of segment.split(/\s+/)) tokenize(chunk, false, clauses);
    segment = '';
    let close = i + 1;
    while (close < text.length && !QUOTES.has(text[close]!)) close++;
    if (close >= text.length)
      notice = 'The quote was not closed: the rest of the query was searched as a phrase.';
    tokenize(text.slice(i + 1, close), true, clauses);
    i = close + 1;
  }
  for (const chunk of segment.split(/\s+/)) tokenize(chunk, false, clauses);
  if (clauses.length > MAX_CLAUSES) {
    clauses.length = MAX_CLAUSES;
    notice = `Only the first ${MAX_CLAUSES} search terms were used.`;
  }
  return notice === undefined ? { clauses } : { clauses, notice };
}

/** The clause as the "exact characters" switch reads it: Chinese characters as typed. */
export function exactClause(clause: QueryClause): QueryClause {
  return { ...clause, tokens: clause.tokens.map((t) => ({ ...t, text: t.exactText })) };
}

/**
 * Whether text that matches the folded clause may still differ from it in its Chinese characters (國
 * where 国 was typed, or the reverse): only such clauses need a second look under the exact switch.
 */
export function clauseHasVariants(clause: QueryClause): boolean {
  for (const token of clause.tokens) {
    for (let i = 0; i < token.text.length; i++) if (HAS_VARIANT[token.text.charCodeAt(i)]) return true;
  }
  return false;
}
