// Per-UTF-16-unit tables shared by the index, the query parser and the test reference.
//
// Folding maps every code unit to exactly ONE code unit (lowercase, Latin diacritics dropped,
// full-width letters and digits to ASCII, Traditional Chinese characters to Simplified). Because it never
// changes a string's length, an offset found in folded text is also the offset in the original text:
// highlights need no mapping.
//   FOLD        what search matches by default: 國家 and 国家 fold alike (OpenCC's tables, see
//               shared/chineseVariants.ts).
//   FOLD_EXACT  the same without the Chinese variants, for the "exact characters" switch: a query
//               folded by it is checked against text folded by it.
//
// Classes decide how text is matched:
//   CJK      Han, kana, hangul, bopomofo and every surrogate unit: scripts written without spaces.
//            A query run of these matches as a substring anywhere.
//   WORD     other letters, digits and combining marks: words matched whole or by prefix.
//   SEP      everything else (spaces, punctuation, symbols).
//   BARRIER  only U+0000, which the index places between fields so that no phrase spans two fields.
//            Input U+0000 folds to a space, so it never occurs inside a field.

import { SIMPLIFIED_OF } from './chineseVariants';

export const SEP = 0;
export const WORD = 1;
export const CJK = 2;
const BARRIER = 3;

/** Folded form of each UTF-16 code unit. */
export const FOLD = new Uint16Array(0x10000);
/** Folded form of each UTF-16 code unit, Chinese characters kept as written. */
export const FOLD_EXACT = new Uint16Array(0x10000);
/** 1 for each folded unit that some unit written differently also folds to (国 for 國): a query holding
 * one must be checked against the characters as written when the user asks for exact characters. */
export const HAS_VARIANT = new Uint8Array(0x10000);
/** Class of each (already folded) UTF-16 code unit. */
export const CLASS = new Uint8Array(0x10000);
/** 1 for whitespace units (snippets collapse runs of them to one space). */
export const SPACE = new Uint8Array(0x10000);

// Letters with a stroke rather than a combining mark: NFD leaves them alone.
const EXTRA_FOLDS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't' };

const cjkRe = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const wordRe = /[\p{L}\p{N}\p{M}]/u;
const markRe = /^.\p{M}+$/u;
const spaceRe = /\s/;

function foldUnit(c: number): number {
  if (c === 0) return 0x20;
  let code = c;
  // Full-width letters and digits to ASCII. Full-width punctuation (，：（）) stays: it separates
  // either way, and folding it would record a change for every comma of Chinese text.
  if (
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  ) {
    code -= 0xfee0;
  }
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const lower = String.fromCharCode(code).toLowerCase();
  if (lower.length === 1) code = lower.charCodeAt(0);
  const ch = String.fromCharCode(code);
  const extra = EXTRA_FOLDS[ch];
  if (extra !== undefined) return extra.charCodeAt(0);
  // Diacritics only below U+3000: kana voicing marks also decompose and must stay.
  if (code < 0x3000) {
    const decomposed = ch.normalize('NFD');
    if (decomposed.length > 1 && markRe.test(decomposed)) return decomposed.charCodeAt(0);
  }
  return code;
}

function classOf(c: number): number {
  if (c === 0) return BARRIER;
  if (c >= 0xd800 && c <= 0xdfff) return CJK;
  const ch = String.fromCharCode(c);
  if (c === 0x30fc || c === 0xff70) return CJK; // prolonged sound marks (script Common)
  if (cjkRe.test(ch)) return wordRe.test(ch) ? CJK : SEP;
  return wordRe.test(ch) ? WORD : SEP;
}

for (let c = 0; c < 0x10000; c++) {
  const exact = foldUnit(c);
  FOLD_EXACT[c] = exact;
  FOLD[c] = SIMPLIFIED_OF.get(exact) ?? exact;
  if (FOLD[c] !== exact) HAS_VARIANT[FOLD[c]!] = 1;
  CLASS[c] = classOf(c);
  SPACE[c] = c === 0 || spaceRe.test(String.fromCharCode(c)) ? 1 : 0;
}

/** Folds a whole string (same length as the input). */
export function foldString(s: string, table: Uint16Array = FOLD): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = table[c]!;
    if (f !== c) {
      out += s.slice(last, i) + String.fromCharCode(f);
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}
