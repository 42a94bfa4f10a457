// Tells Traditional from Simplified Chinese text by the characters themselves, with OpenCC's tables
// (shared/chineseVariants.ts): about 3,100 characters are written only in Traditional text (們, 這,
// 說 …) and 2,700 only in Simplified (们, 这, 说 …); characters both write alike (中, 的) and the
// ones Hong Kong and Taiwan share with the mainland (台, 吃) tell nothing. A few sentences of news
// hold dozens of telling characters. Returns undefined for text that has too few to tell (or is not
// Chinese).

import { scriptEvidence } from '../../../shared/chineseVariants';

/** How many of the telling characters must be seen before deciding. */
const MIN_EVIDENCE = 3;
const SAMPLE_CHARS = 4000;

export function chineseScriptOf(text: string): 'zh-Hant' | 'zh-Hans' | undefined {
  const evidence = scriptEvidence();
  let traditional = 0;
  let simplified = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (evidence.traditional.has(c)) traditional++;
    else if (evidence.simplified.has(c)) simplified++;
  }
  if (traditional + simplified < MIN_EVIDENCE) return undefined;
  // Mixed text (a Simplified article quoting a Taiwanese name) goes with the clear majority.
  if (traditional >= simplified * 3) return 'zh-Hant';
  if (simplified >= traditional * 3) return 'zh-Hans';
  return undefined;
}

/** A language tag as the article gives it (`zh_TW`, `zh-hk`, `zh-Hant`, `en-US`), normalised; Chinese as zh-Hant/zh-Hans. */
export function normalizeLanguageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/.test(tag)) return undefined;
  const lower = tag.toLowerCase();
  if (lower === 'zh' || lower === 'zh-cn') return lower === 'zh' ? 'zh' : 'zh-Hans';
  if (/^zh-(?:hant|tw|hk|mo)(?:-|$)/.test(lower)) return 'zh-Hant';
  if (/^zh-(?:hans|cn|sg|my)(?:-|$)/.test(lower)) return 'zh-Hans';
  const [language, ...rest] = tag.split('-');
  return [language!.toLowerCase(), ...rest].join('-');
}
