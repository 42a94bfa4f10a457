// Seed-like synthetic archives for the scan benchmark: the two seeds' front matter and HTML shape,
// with varied titles, dates, authors and ~4 KB bodies of random Chinese and English sentences,
// spread over 100 folders. Deterministic (seeded), and cached under .bench/ between runs.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../electron/engine/testing/seededRandom';

const GENERATOR_VERSION = 1;
const FOLDERS = 100;

const CHINESE = [
  '国务委员兼外长王毅在金边出席东亚合作系列外长会期间应约会见俄罗斯外长拉夫罗夫',
  '双方同意保持战略协调，深化务实合作',
  '中方愿同俄方一道，更有力地维护以联合国为核心的国际体系',
  '加大同地区国家抗疫、卫生健康、互联互通、数字经济、绿色低碳发展等领域互利合作',
  '央行今日开展逆回购操作，市场流动性保持合理充裕',
  '沪深两市成交额连续第三个交易日突破万亿元',
  '新浪财经讯，多家券商发布研报看好下半年消费复苏',
  '记者从有关部门获悉，相关政策将于下月正式实施',
  '专家表示，应当坚持稳中求进工作总基调',
  '海量资讯、精准解读，尽在新浪财经APP',
  '当地时间周五，欧洲主要股指集体收涨',
  '国际油价震荡走高，布伦特原油期货价格上涨百分之二',
];
const ENGLISH = [
  'The central bank kept its benchmark rate unchanged on Friday',
  'Markets in Asia opened higher after a quiet week in New York',
  'Officials said the new rules would take effect next month',
  'Analysts expect consumer spending to recover in the second half',
  'The ministers agreed to keep in close contact on regional issues',
  'Shares of technology companies led the gains in early trading',
  'Oil prices rose as traders weighed supply concerns',
  'The report was released late on Thursday evening',
];
const AUTHORS = ['新浪财经', '新华社', '财联社', 'Reuters', 'Bloomberg', '证券时报', '中国新闻网'];
const CATEGORIES = ['金融', '新浪财经', '国际', '科技', '市场', '宏观'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sentence(random: () => number): string {
  return random() < 0.75 ? `${pick(random, CHINESE)}。` : `${pick(random, ENGLISH)}. `;
}

function article(random: () => number, index: number): string {
  const title = `${pick(random, CHINESE).slice(0, 8 + Math.floor(random() * 12))} ${index}`;
  const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 10 * 365 * 86_400_000));
  const image = `https://n.sinaimg.cn/spider/${index}/w600h${400 + (index % 200)}.jpg`;
  const categories = [pick(random, CATEGORIES), pick(random, CATEGORIES)];
  const paragraphs: string[] = [];
  let bytes = 0;
  const target = 3200 + Math.floor(random() * 1600);
  while (bytes < target) {
    let p = '';
    const count = 2 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) p += sentence(random);
    const html = `<p>　　${p}</p>`;
    paragraphs.push(html);
    bytes += Buffer.byteLength(html);
  }
  return [
    '',
    '---',
    `title: '${title}'`,
    'categories: ',
    ...categories.map((c) => ` - ${c}`),
    `headimg: '${image}'`,
    `author: ${pick(random, AUTHORS)}`,
    'comments: false',
    `date: ${date.toUTCString()}`,
    `thumbnail: '${image}'`,
    '---',
    '',
    '<div>   ',
    `<div class="img_wrapper"><img id="0" src="${image}" alt referrerpolicy="no-referrer"><span class="img_descr"></span></div>`,
    ...paragraphs,
    '</div>',
    '',
  ].join('\n');
}

/** The archive folder for `size` articles, generated on first use. */
export function benchArchive(repoRoot: string, size: number, log: (line: string) => void): string {
  const dir = join(repoRoot, '.bench', `scan-${size}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(GENERATOR_VERSION)) return dir;
  rmSync(dir, { recursive: true, force: true });
  log(`generating ${size} articles in ${dir} ...`);
  const random = seededRandom(size); // the same archive every run for a given size
  for (let f = 0; f < FOLDERS; f++)
    mkdirSync(join(dir, `folder-${String(f).padStart(3, '0')}`), { recursive: true });
  for (let i = 0; i < size; i++) {
    const folder = `folder-${String(i % FOLDERS).padStart(3, '0')}`;
    writeFileSync(
      join(dir, folder, `${String(i).padStart(6, '0')}_${Math.floor(random() * 1e12).toString(16)}.txt`),
      article(random, i),
    );
  }
  writeFileSync(marker, String(GENERATOR_VERSION));
  return dir;
}
