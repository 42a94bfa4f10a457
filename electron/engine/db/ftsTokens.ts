// What the library database's FTS5 tables see: every field of an article turned into a line of
// space-separated tokens, and every query clause turned into an FTS5 expression over those tokens.
// Pure; the language itself (folding, character classes, what a clause means) is charClass.ts and
// parseQuery.ts, shared with the in-memory index and the brute-force oracle.
//
// Tokens of a field (folded text, split into maximal runs of CJK units and of WORD units):
//   a CJK run of 2+ units   its overlapping bigrams, at consecutive positions (a query run of n
//                           units is then a phrase of its n-1 bigrams: exact for any length)
//   a CJK run of 1 unit     one GAP token (1-unit queries use the unigram table instead)
//   a word run              the word (cut to MAX_WORD units, then marked as cut)
//   between two CJK runs    one GAP token, so a phrase never joins the end of one run to the
//                           start of the next (中国，国家 must not match 中国家)
//   between categories      one FIELD token (no phrase spans two categories)
// Each field has its own column of text_index (TEXT_COLUMNS: title, author, categories, text), so no
// phrase spans two fields, `author:`, `category:` and `source:` clauses are column filters, and
// bm25() can weigh a title hit above a hit in the text (relevance.ts).
// With these rules two tokens sit at consecutive positions exactly when their runs follow each other
// in one field with only separators between, which is what a multi-token clause asks for: most
// phrases are answered exactly by FTS5 itself. Two CJK tokens in a row ("中国 国家" in quotes) meet
// either inside one run (the bigram across them) or across separators (a GAP): an OR of both
// phrases. The rest (a 1-unit CJK token inside a phrase, words longer than MAX_WORD, more than
// MAX_JOINS CJK-to-CJK joins) get a superset from FTS5 and are verified on the text.
//
// The FTS5 tables use the `ascii` tokenizer: ASCII letters and digits and every non-ASCII character
// are token characters, everything else in ASCII separates. Folded words are lowercase already.
// Surrogate units (emoji, rare Han) would not survive UTF-8 alone, so each is written as one
// character of Unicode plane 15 (U+F0000 + unit - 0xD800): a real plane-15 character in the text is
// itself a surrogate pair, escaped unit by unit, so the escapes can never collide with text.

import { CJK, CLASS, FOLD, WORD } from '../../../shared/charClass';
import type { QueryClause, QueryField, QueryToken } from '../../../shared/parseQuery';

/** Words longer than this are indexed by their first MAX_WORD units plus the CUT mark. */
export const MAX_WORD = 64;
const ESCAPE_BASE = 0xf0000;
/** Placed where phrases must not continue (see above). Never produced by text or queries. */
export const GAP = String.fromCodePoint(ESCAPE_BASE + 0x800);
/** Ends a word token that was cut at MAX_WORD. */
const CUT = String.fromCodePoint(ESCAPE_BASE + 0x801);
/** Between two categories. */
const FIELD = String.fromCodePoint(ESCAPE_BASE + 0x802);
/**
 * Before a CJK unit of the title in the unigram table, beside the unit itself: relevance's title
 * tier for single-character queries (bm25 has no positions there to weigh the title by).
 */
const TITLE_UNIT = String.fromCodePoint(ESCAPE_BASE + 0x803);
/**
 * The same for the author's and the categories' units: single-character `author:`, `category:` and
 * `source:` clauses, which the unigram table (no columns with detail=none) could not bind to a field.
 */
const AUTHOR_UNIT = String.fromCodePoint(ESCAPE_BASE + 0x804);
const CATEGORY_UNIT = String.fromCodePoint(ESCAPE_BASE + 0x805);
/** A phrase with more CJK-to-CJK joins than this (2^n alternatives) is verified on the text instead. */
const MAX_JOINS = 3;

function unit(c: number): string {
  return c >= 0xd800 && c <= 0xdfff ? String.fromCodePoint(ESCAPE_BASE + c - 0xd800) : String.fromCharCode(c);
}

export interface ArticleText {
  title: string;
  author?: string;
  categories: string[];
  text: string;
}

/** The main FTS5 table's columns, in order: one per field. */
export const TEXT_COLUMNS = ['title', 'author', 'categories', 'text'] as const;

/** The main table's columns: bigrams, words and gaps of each field. */
export type FieldTokens = Record<(typeof TEXT_COLUMNS)[number], string>;

export interface IndexedText {
  tokens: FieldTokens;
  /**
   * The unigram table's column: each distinct CJK unit of the article once, then the title's, the
   * author's and the categories' marked.
   */
  unigrams: string;
}

/** Tokens of one article, field by field. */
export function articleTokens(article: ArticleText): IndexedText {
  const units = new Set<number>();
  const line = (fields: readonly string[], into = units) => {
    const out: string[] = [];
    for (let f = 0; f < fields.length; f++) {
      if (f > 0) out.push(FIELD);
      fieldTokens(fields[f]!, out, into);
    }
    return out.join(' ');
  };
  const marked = [new Set<number>(), new Set<number>(), new Set<number>()] as const;
  const tokens: FieldTokens = {
    title: line([article.title], marked[0]),
    author: line([article.author ?? ''], marked[1]),
    categories: line(article.categories, marked[2]),
    text: line([article.text]),
  };
  for (const set of marked) for (const u of set) units.add(u);
  let unigrams = '';
  for (const u of units) unigrams += `${unit(u)} `;
  const marks = [TITLE_UNIT, AUTHOR_UNIT, CATEGORY_UNIT];
  marked.forEach((set, m) => {
    for (const u of set) unigrams += `${marks[m]}${unit(u)} `;
  });
  return { tokens, unigrams };
}

function fieldTokens(field: string, out: string[], units: Set<number>): void {
  const n = field.length;
  const folded = new Uint16Array(n);
  for (let i = 0; i < n; i++) folded[i] = FOLD[field.charCodeAt(i)]!;
  let lastWasCjk = false;
  let i = 0;
  while (i < n) {
    const k = CLASS[folded[i]!]!;
    if (k !== CJK && k !== WORD) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && CLASS[folded[j]!] === k) j++;
    if (k === CJK) {
      if (lastWasCjk) out.push(GAP);
      if (j - i === 1) out.push(GAP);
      for (let p = i; p < j; p++) units.add(folded[p]!);
      for (let p = i + 1; p < j; p++) out.push(unit(folded[p - 1]!) + unit(folded[p]!));
      lastWasCjk = true;
    } else {
      const end = Math.min(j, i + MAX_WORD);
      let word = '';
      for (let p = i; p < end; p++) word += String.fromCharCode(folded[p]!);
      out.push(end < j ? word + CUT : word);
      lastWasCjk = false;
    }
    i = j;
  }
}

/** How one query clause is asked of the two FTS5 tables. */
export interface ClausePlan {
  /** FTS5 expression over the main table, or null when the clause needs none. */
  main: string | null;
  /** FTS5 expression over the unigram table, or null. */
  unigram: string | null;
  /** True when the two expressions find exactly the clause's articles (no verification needed). */
  exact: boolean;
  /** A single CJK character in the title, over the unigram table (relevance's title tier), or null. */
  titleUnigram: string | null;
}

const quote = (tokens: string[]) => `"${tokens.join(' ')}"`;

function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < text.length; i++) out.push(unit(text.charCodeAt(i - 1)) + unit(text.charCodeAt(i)));
  return out;
}

/** The FTS5 expression of one token on its own (a superset of it inside a phrase). */
function tokenPlan(token: QueryToken): ClausePlan {
  const text = token.text;
  if (token.kind === 'cjk') {
    if (text.length === 1) {
      const u = unit(text.charCodeAt(0));
      return { main: null, unigram: quote([u]), exact: true, titleUnigram: quote([TITLE_UNIT + u]) };
    }
    return { main: quote(cjkBigrams(text)), unigram: null, exact: true, titleUnigram: null };
  }
  if (text.length > MAX_WORD)
    return { main: `${quote([text.slice(0, MAX_WORD)])}*`, unigram: null, exact: false, titleUnigram: null };
  return {
    main: token.prefix ? `${quote([text])}*` : quote([text]),
    unigram: null,
    exact: true,
    titleUnigram: null,
  };
}

/** Whether FTS5 phrases can say exactly what the clause means (see the header). */
function phraseIsExact(tokens: QueryToken[]): boolean {
  let joins = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind === 'word' && token.text.length > MAX_WORD) return false;
    if (token.kind === 'cjk') {
      if (token.text.length === 1) return false;
      if (t > 0 && tokens[t - 1]!.kind === 'cjk') joins++;
    }
  }
  return joins <= MAX_JOINS;
}

/** Every phrase (as token lists) a clause may take: CJK-to-CJK joins are a bigram or a GAP. */
function phraseAlternatives(tokens: QueryToken[]): string[][] {
  let alternatives: string[][] = [[]];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const previous = t > 0 ? tokens[t - 1]! : null;
    if (token.kind === 'word') {
      for (const a of alternatives) a.push(token.text);
      continue;
    }
    const own = cjkBigrams(token.text);
    if (previous?.kind === 'cjk') {
      const across =
        unit(previous.text.charCodeAt(previous.text.length - 1)) + unit(token.text.charCodeAt(0));
      alternatives = alternatives.flatMap((a) => [
        [...a, across, ...own],
        [...a, GAP, ...own],
      ]);
    } else {
      for (const a of alternatives) a.push(...own);
    }
  }
  return alternatives;
}

/** The columns a field-bound clause is looked for in (FTS5 column filters). */
const FIELD_COLUMNS: Record<QueryField, string> = {
  author: '{author}',
  category: '{categories}',
  source: '{author categories}',
};

/** The marked units a single-character clause of a field is looked for among. */
const FIELD_UNITS: Record<QueryField, string[]> = {
  author: [AUTHOR_UNIT],
  category: [CATEGORY_UNIT],
  source: [AUTHOR_UNIT, CATEGORY_UNIT],
};

/**
 * The clause's plan: its expression over the main table is filtered to its field's columns, a single
 * CJK character is looked for among the field's marked units, and a phrase holding one (the unigram
 * table's other tokens know no fields) is a superset checked on the text.
 */
export function planClause(clause: QueryClause): ClausePlan {
  const plan = unboundPlan(clause);
  if (clause.field === undefined) return plan;
  const only = clause.tokens.length === 1 ? clause.tokens[0]! : null;
  if (only?.kind === 'cjk' && only.text.length === 1) {
    const u = unit(only.text.charCodeAt(0));
    const unigram = FIELD_UNITS[clause.field].map((mark) => quote([mark + u])).join(' OR ');
    return { main: null, unigram, exact: true, titleUnigram: null };
  }
  return {
    main: plan.main === null ? null : `${FIELD_COLUMNS[clause.field]} : (${plan.main})`,
    unigram: plan.unigram,
    exact: plan.exact && plan.unigram === null,
    titleUnigram: null,
  };
}

function unboundPlan(clause: QueryClause): ClausePlan {
  const tokens = clause.tokens;
  if (tokens.length === 1) return tokenPlan(tokens[0]!);
  if (phraseIsExact(tokens)) {
    const last = tokens[tokens.length - 1]!;
    const star = last.kind === 'word' && last.prefix ? '*' : '';
    const phrases = phraseAlternatives(tokens).map((parts) => `${quote(parts)}${star}`);
    const main = phrases.length === 1 ? phrases[0]! : phrases.join(' OR ');
    return { main, unigram: null, exact: true, titleUnigram: null };
  }
  // A superset: every token somewhere; the text decides.
  const main: string[] = [];
  const unigram: string[] = [];
  for (const token of tokens) {
    const plan = tokenPlan(token);
    if (plan.main !== null) main.push(plan.main);
    if (plan.unigram !== null) unigram.push(plan.unigram);
  }
  return {
    main: main.length ? main.join(' AND ') : null,
    unigram: unigram.length ? unigram.join(' AND ') : null,
    exact: false,
    titleUnigram: null,
  };
}
