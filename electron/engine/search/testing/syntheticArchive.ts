// A deterministic synthetic news archive for the search tests: real Chinese
// sentences (from the sample archives, in fixtures/), random words drawn from their characters (so
// there are as many distinct bigrams as in a large real archive), and some English.

import { readFileSync } from 'node:fs';
import { seededRandom } from '../../testing/seededRandom';
import type { IndexDoc } from './searchDoc';

export const ZH_SENTENCES: string[] = readFileSync(
  new URL('../fixtures/zh-sentences.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((s) => s.length > 0);

/** English that news archives really contain, with case, diacritics, digits and punctuation. */
export const EN_PHRASES = [
  'LPR',
  'Lavrov',
  'Sergey Lavrov',
  'Wang Yi',
  'COVID-19',
  'Beijing',
  'Hong Kong',
  'high level',
  'high-level talks',
  'Café Zürich',
  'São Paulo',
  'GDP',
  'Q2 2021',
  'Firefox 97.0.2',
  'Shanghai Cooperation Organisation',
  'Belt and Road',
  'the central bank',
  'Reuters',
  'Xinhua',
  'iPhone',
  'CEO',
  'Brexit',
  'ASEAN',
  'NATO summit',
];

const SYLLABLES = [
  'ka',
  'lo',
  'ver',
  'tin',
  'mar',
  'son',
  'de',
  'rik',
  'al',
  'bu',
  'chen',
  'zo',
  'ter',
  'mon',
  'is',
];

export interface ArchiveOptions {
  docs: number;
  seed?: number;
  /** Target CJK characters per body. */
  bodyChars?: number;
}

export function syntheticArchive(options: ArchiveOptions): IndexDoc[] {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)]!;
  const bodyChars = options.bodyChars ?? 1500;
  const chars = [...ZH_SENTENCES.join('')].filter((c) => /\p{Script=Han}/u.test(c));
  const latinWords: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let j = 0; j < n; j++) w += pick(SYLLABLES);
    latinWords.push(random() < 0.3 ? w[0]!.toUpperCase() + w.slice(1) : w);
  }
  const authors = [
    '新华社',
    '新浪财经',
    '央视新闻',
    'Chris Yeung',
    'Reuters',
    '人民日报',
    '香港電台',
    'Zoë Martín',
  ];
  const categories = ['金融', '国内', '国际', '科技', '體育', 'Opinion', 'World', '新浪财经－国內'];
  const randomWord = () => {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let j = 0; j < n; j++) w += pick(chars);
    return w;
  };
  const english = () => (random() < 0.5 ? pick(EN_PHRASES) : pick(latinWords));
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2024, 0, 1) - start;
  const docs: IndexDoc[] = [];
  for (let n = 0; n < options.docs; n++) {
    const parts: string[] = [];
    let len = 0;
    while (len < bodyChars) {
      const r = random();
      let part: string;
      if (r < 0.55) part = pick(ZH_SENTENCES);
      else if (r < 0.9) part = `${randomWord()}${randomWord()}，${randomWord()}。`;
      else part = ` ${english()} `;
      parts.push(part);
      len += part.length;
      if (random() < 0.1) parts.push('\n\n');
    }
    const title =
      random() < 0.2
        ? `${randomWord()} ${english()} ${randomWord()}`
        : pick(ZH_SENTENCES).slice(0, 8 + Math.floor(random() * 20));
    const cats = [pick(categories)];
    if (random() < 0.3) cats.push(pick(categories));
    const doc: IndexDoc = {
      id: `doc-${n.toString(16).padStart(6, '0')}`,
      path: `/archive/${n % 100}/${n}.md`,
      title,
      text: parts.join(''),
      categories: [...new Set(cats)],
      dateMs: random() < 0.01 ? Number.NaN : start + Math.floor(random() * span),
    };
    if (random() < 0.8) doc.author = pick(authors);
    docs.push(doc);
  }
  return docs;
}
