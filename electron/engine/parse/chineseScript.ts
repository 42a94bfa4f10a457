// Tells Traditional from Simplified Chinese text by the characters themselves: each script has frequent
// characters the other never uses (們/们, 這/这, 說/说 …). Counting the 150 most frequent such pairs in a
// sample is enough: a few sentences of news contain dozens of them. Returns undefined for text that
// has too few to tell (or is not Chinese).

// Pairs of [Traditional, Simplified] among the most frequent characters of news text.
const PAIRS =
  '們们這这個个來来說说為为會会國国對对時时於于與与後后從从還还過过發发點点開开關关學学經经長长問问' +
  '麼么進进現现實实機机間间樣样當当東东業业體体種种無无產产動动議议區区務务報报員员華华門门聞闻記记' +
  '電电總总號号統统黨党將将專专應应產产環环讓让認认數数氣气萬万頭头見见權权書书邊边傳传錢钱車车' +
  '軍军變变條条邊边處处線线內内場场術术語语響响歲岁億亿達达親亲視视則则難难與与師师價价眾众歷历' +
  '義义幾几並并聯联據据導导團团選选達达組组織织讀读調调張张輕轻際际葉叶醫医藝艺壓压擊击劃划盡尽' +
  '屬属態态戰战獲获層层積积極极節节費费確确陸陆韓韩戲戏廣广灣湾愛爱銀银貿贸濟济險险島岛邊边';

const TRADITIONAL = new Set<string>();
const SIMPLIFIED = new Set<string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  TRADITIONAL.add(PAIRS[i]!);
  SIMPLIFIED.add(PAIRS[i + 1]!);
}

/** How many of the telling characters must be seen before deciding. */
const MIN_EVIDENCE = 3;
const SAMPLE_CHARS = 4000;

export function chineseScriptOf(text: string): 'zh-Hant' | 'zh-Hans' | undefined {
  let traditional = 0;
  let simplified = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    const ch = text[i]!;
    if (TRADITIONAL.has(ch)) traditional++;
    else if (SIMPLIFIED.has(ch)) simplified++;
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
