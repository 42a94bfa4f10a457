/**
 * A language tag for the article element, so the browser picks CJK glyph variants and line
 * breaking, and our CSS can give CJK text its taller line height. Only a guess from the script.
 */
export function guessLanguage(sample: string): 'zh' | 'ja' | 'ko' | undefined {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  for (const ch of sample.slice(0, 400)) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  // A word of Latin text is ~5 letters; a CJK character is a word or half of one.
  if (han + kana + hangul === 0 || (han + kana + hangul) * 3 < latin) return undefined;
  if (kana > 0 && kana * 10 >= han) return 'ja';
  if (hangul > han) return 'ko';
  return 'zh';
}

/**
 * The language to set on the article: the engine's `lang` (declared by the file, or zh-Hant/zh-Hans
 * from the characters) when it agrees with the script guessed from the text, else the guess. A Chinese
 * article thus gets zh-Hant or zh-Hans, which picks the Traditional or Simplified font.
 */
export function articleLanguage(declared: string | undefined, sample: string): string | undefined {
  const guessed = guessLanguage(sample);
  if (declared === undefined) return guessed;
  if (guessed === undefined) return /^(?:zh|ja|ko)(?:-|$)/i.test(declared) ? undefined : declared;
  return declared.toLowerCase().split('-')[0] === guessed ? declared : guessed;
}
