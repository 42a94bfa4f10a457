// Simplified and Traditional Chinese characters, from OpenCC's own tables (opencc-js, the data OpenCC
// ships and keeps): one home for every rule that needs to know which characters are which.
//
//   simplifiedOf   Traditional (and regional variant, and compatibility ideograph) unit -> Simplified
//                  unit, character by character. Search folds text and queries through it, so 國家 and
//                  国家 are the same word to the index, the query and the brute-force oracle.
//   scriptEvidence which characters tell Traditional text from Simplified (zh-Hant detection).
//
// Character level only: OpenCC's phrase tables pick among several Traditional forms of one Simplified
// character (干 -> 幹/乾/干), which matters when converting S -> T but not here: T -> S is (nearly)
// many-to-one, so folding both sides to Simplified makes every spelling of a word meet.
// Only pairs where both sides are one UTF-16 unit are used: search folding must keep every string's
// length (charClass.ts); the few hundred pairs outside the BMP are rare characters and are left exact.

import CJK_COMPATIBILITY from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';

/** OpenCC's dictionary text: `key value [value...]` entries separated by `|`. */
function entries(dict: string): string[][] {
  return dict.split('|').map((entry) => entry.split(' '));
}

const isUnit = (s: string | undefined): s is string => s !== undefined && s.length === 1;

function buildSimplifiedOf(): Map<number, number> {
  const ts = new Map<string, string>();
  for (const [key, first] of entries(TS_CHARACTERS)) if (isUnit(key) && isUnit(first)) ts.set(key, first);
  const map = new Map<string, string>();
  for (const [key, value] of ts) map.set(key, value);
  // Regional variants (HK 綫, TW 裡, 衞) map to OpenCC's standard Traditional form; fold them only
  // where that form has a Simplified one, so two characters that are both standard (著/着 in
  // Taiwan's table) are never merged.
  for (const dict of [HK_VARIANTS_REV, TW_VARIANTS_REV]) {
    for (const [variant, standard] of entries(dict)) {
      if (!isUnit(variant) || !isUnit(standard) || map.has(variant)) continue;
      const simplified = ts.get(standard);
      if (simplified !== undefined && simplified !== variant) map.set(variant, simplified);
    }
  }
  // Compatibility ideographs (U+F900..) are canonically the unified character (NFC says so).
  for (const [compat, unified] of entries(CJK_COMPATIBILITY)) {
    if (isUnit(compat) && isUnit(unified) && !map.has(compat)) map.set(compat, unified);
  }
  // Resolve chains (薴 -> 苧 -> 苎) so folding twice equals folding once.
  const out = new Map<number, number>();
  for (const key of map.keys()) {
    let value = key;
    for (let hops = 0; hops < 8 && map.has(value); hops++) {
      const next = map.get(value)!;
      if (next === value) break;
      value = next;
    }
    if (value !== key) out.set(key.charCodeAt(0), value.charCodeAt(0));
  }
  return out;
}

/** UTF-16 unit -> its Simplified unit, for every unit that has a different one. */
export const SIMPLIFIED_OF: ReadonlyMap<number, number> = buildSimplifiedOf();

interface ScriptEvidence {
  /** Characters written only in Traditional text (have a different Simplified form, are not one). */
  traditional: ReadonlySet<number>;
  /** Characters written only in Simplified text (have a different Traditional form, are not one). */
  simplified: ReadonlySet<number>;
}

function buildEvidence(): ScriptEvidence {
  const tsKeys = new Set<string>();
  for (const [key, first] of entries(TS_CHARACTERS)) if (isUnit(key) && first !== key) tsKeys.add(key);
  // Hong Kong and Taiwan write some characters as the mainland does (台, 吃, 峰): those tell nothing.
  const regional = new Set<string>();
  for (const dict of [HK_VARIANTS_REV, TW_VARIANTS_REV])
    for (const [variant] of entries(dict)) regional.add(variant!);
  const stKeys = new Set<string>();
  const simplified = new Set<number>();
  for (const [key, ...values] of entries(ST_CHARACTERS)) {
    if (!isUnit(key)) continue;
    stKeys.add(key);
    // 面 -> 面/麵: a character that is also one of its own Traditional forms tells nothing.
    if (!values.includes(key) && !tsKeys.has(key) && !regional.has(key)) simplified.add(key.charCodeAt(0));
  }
  const traditional = new Set<number>();
  for (const key of tsKeys) if (!stKeys.has(key)) traditional.add(key.charCodeAt(0));
  return { traditional, simplified };
}

let evidence: ScriptEvidence | undefined;

/** Built on first use (the parse workers need it, the window does not). */
export function scriptEvidence(): ScriptEvidence {
  evidence ??= buildEvidence();
  return evidence;
}
