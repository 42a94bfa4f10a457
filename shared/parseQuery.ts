// Turns what the user typed into clauses. Every clause group must match for an article to be found.
//
//   央行 LPR        two clauses: the CJK run 央行 (substring) and the word prefix `lpr`
//   "high level"   one quoted clause: the words in sequence, whole words, any separators between
//   97.0.2         one clause: tokens joined by `.`, `-`, `/`, ... stay together as a phrase whose last
//                  word may be a prefix (so typing `covid-1` already finds covid-19)
//   王毅,拉夫罗夫   two clauses: other punctuation separates like a space
// Operators (one home: shared/searchNotices.ts names them and words what is not understood):
//   -term  NOT term    the article must not match it (also -"a phrase", -author:x)
//   a OR b            either; OR joins the clauses on its two sides into one group
//   AND               what terms do anyway
//   author:x          x inside the author field; category:x inside a category; source:x inside either
//                     (archives record the feed or site there: `author: 新浪财经`, categories too)
//   before:D after:D  dated before the day D (or month, year) began / on or after it began (UTC)
// Anything else that looks like an operator (title:x, brackets, *) is searched as text with a notice.

import { CJK, CLASS, FOLD, FOLD_EXACT, HAS_VARIANT, WORD } from './charClass';
import { DATE_OPERATORS, FIELD_OPERATORS } from './searchNotices';
import type { SearchNotice } from './types';
import { LIMITS } from './validateRequest';

export interface QueryToken {
  kind: 'cjk' | 'word';
  /** Folded text of the token (Traditional Chinese folded to Simplified). */
  text: string;
  /** The token folded without the Chinese variants (the "exact characters" switch). */
  exactText: string;
  /** Word tokens only: true when it may match the start of a longer word. */
  prefix: boolean;
}

export type QueryField = (typeof FIELD_OPERATORS)[number];

export interface QueryClause {
  /** One token: a plain term. Several: a phrase, matched in this order with only separators between. */
  tokens: QueryToken[];
  quoted: boolean;
  /** Clauses with the same group are alternatives (OR); groups are all required (AND). */
  group: number;
  /** The group must NOT match (`-term`). */
  negated: boolean;
  /** Only inside this field (`author:x`); anywhere when absent. */
  field?: QueryField;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  notices: SearchNotice[];
  /** `after:` — on or after this instant (ms). */
  fromMs?: number;
  /** `before:` — up to this instant (ms, inclusive). */
  toMs?: number;
}

/** More clauses than this are ignored (with a notice): each one costs a posting-list pass. */
export const MAX_CLAUSES = 16;

const QUOTES = new Set(['"', '“', '”', '＂']);
// Punctuation that joins tokens into one phrase inside an unquoted chunk: 97.0.2, covid-19, a/b, don't.
const JOINERS = new Set(['.', '-', '_', '/', ':', "'", '’', '@', '#', '+', '&', '·']);

type ClauseShape = Pick<QueryClause, 'tokens' | 'quoted'>;

function tokenize(text: string, quoted: boolean, clauses: ClauseShape[]): void {
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

/** One whitespace-separated piece of the query, before tokenizing. */
interface Item {
  text: string;
  quoted: boolean;
  negated: boolean;
  /** `name:` in front of it, lowercased (a known operator). */
  operator?: string;
  /** The word OR / AND / NOT, unquoted. */
  keyword?: 'OR' | 'AND' | 'NOT';
}

const SPACE_RE = /\s/;
const NEGATE = new Set(['-', '－']);
const OPERATOR_RE = /^([A-Za-z]+)[:：]/;
const KNOWN = new Set<string>([...FIELD_OPERATORS, ...DATE_OPERATORS]);
/** `https://…` pasted in is text, not an unknown operator. */
const NOT_OPERATORS = new Set(['http', 'https', 'ftp', 'mailto']);

function lex(text: string, notices: SearchNotice[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (SPACE_RE.test(text[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (NEGATE.has(text[i]!) && i + 1 < n && !SPACE_RE.test(text[i + 1]!) && !NEGATE.has(text[i + 1]!)) {
      negated = true;
      i++;
    }
    let operator: string | undefined;
    const m = OPERATOR_RE.exec(text.slice(i, i + 24));
    if (m) {
      const name = m[1]!.toLowerCase();
      if (KNOWN.has(name)) {
        operator = name;
        i += m[0].length;
      } else if (
        !NOT_OPERATORS.has(name) &&
        !notices.some((x) => x.kind === 'unknownOperator' && x.operator === m[1])
      ) {
        notices.push({ kind: 'unknownOperator', operator: m[1]! });
      }
    }
    if (i < n && QUOTES.has(text[i]!)) {
      let close = i + 1;
      while (close < n && !QUOTES.has(text[close]!)) close++;
      if (close >= n) notices.push({ kind: 'unclosedQuote' });
      items.push({
        text: text.slice(i + 1, close),
        quoted: true,
        negated,
        ...(operator ? { operator } : {}),
      });
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < n && !SPACE_RE.test(text[end]!) && !QUOTES.has(text[end]!)) end++;
    const chunk = text.slice(i, end);
    i = end;
    if (!negated && operator === undefined && (chunk === 'OR' || chunk === 'AND' || chunk === 'NOT')) {
      items.push({ text: chunk, quoted: false, negated, keyword: chunk });
      continue;
    }
    items.push({ text: chunk, quoted: false, negated, ...(operator ? { operator } : {}) });
  }
  return items;
}

/** Start of the UTC day, month or year written (2024-05-31, 2024/5/31, 2024-05, 2024), and of the next one. */
function periodOf(value: string): [number, number] | undefined {
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]) - 1;
  const d = m[3] === undefined ? undefined : Number(m[3]);
  if (mo !== undefined && (mo < 0 || mo > 11)) return undefined;
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, mo! + 1, 0)).getUTCDate())) return undefined;
  const start = Date.UTC(y, mo ?? 0, d ?? 1);
  const next =
    d !== undefined
      ? Date.UTC(y, mo!, d + 1)
      : mo !== undefined
        ? Date.UTC(y, mo + 1, 1)
        : Date.UTC(y + 1, 0, 1);
  return [start, next];
}

export function parseQuery(input: string): ParsedQuery {
  const notices: SearchNotice[] = [];
  const text = input.length > MAX_QUERY_CHARS ? input.slice(0, MAX_QUERY_CHARS) : input;
  if (text !== input) notices.push({ kind: 'queryCut', limit: MAX_QUERY_CHARS });
  const items = lex(text, notices);
  const clauses: QueryClause[] = [];
  const parsed: ParsedQuery = { clauses, notices };
  let group = -1;
  let orPending = false;
  let notPending = false;
  let unquoted = '';
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.keyword === 'OR') {
      const last = clauses[clauses.length - 1];
      const next = items[k + 1];
      if (!last || last.negated || !next || next.keyword || next.negated || notPending || orPending) {
        if (!notices.some((x) => x.kind === 'danglingOr')) notices.push({ kind: 'danglingOr' });
      } else orPending = true;
      continue;
    }
    if (item.keyword === 'AND') continue;
    if (item.keyword === 'NOT') {
      notPending = true;
      continue;
    }
    const negated = item.negated || notPending;
    notPending = false;
    const op = item.operator;
    if (op === 'before' || op === 'after') {
      orPending = false;
      if (negated) notices.push({ kind: 'negatedOperator', operator: op });
      else if (item.text.trim() === '') notices.push({ kind: 'emptyOperator', operator: op });
      else {
        const period = periodOf(item.text);
        if (!period) notices.push({ kind: 'badDate', operator: op, value: item.text });
        else if (op === 'after') parsed.fromMs = Math.max(parsed.fromMs ?? period[0], period[0]);
        else parsed.toMs = Math.min(parsed.toMs ?? period[0] - 1, period[0] - 1);
      }
      continue;
    }
    if (!item.quoted) unquoted += item.text;
    const made: ClauseShape[] = [];
    tokenize(item.text, item.quoted, made);
    if (made.length === 0) {
      if (op !== undefined) notices.push({ kind: 'emptyOperator', operator: op });
      orPending = false;
      continue;
    }
    made.forEach((shape, index) => {
      const joinsOr = index === 0 && orPending && !negated;
      if (!joinsOr) group++;
      const clause: QueryClause = { ...shape, group, negated };
      if (op !== undefined) clause.field = op as QueryField;
      clauses.push(clause);
    });
    orPending = false;
  }
  if (/[()（）[\]]/.test(unquoted)) notices.push({ kind: 'brackets' });
  if (/[*＊]/.test(unquoted)) notices.push({ kind: 'wildcard' });
  if (clauses.length > MAX_CLAUSES) {
    clauses.length = MAX_CLAUSES;
    notices.push({ kind: 'tooManyTerms', limit: MAX_CLAUSES });
  }
  if (clauses.length > 0 && clauses.every((c) => c.negated)) notices.push({ kind: 'onlyExcluded' });
  return parsed;
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
