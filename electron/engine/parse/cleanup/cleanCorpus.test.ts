// The rules on real archives (copies of the team's seeds and corpus): the boilerplate goes, and every
// other line of every story stays, word for word.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../parseArticle';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function parse(path: string, clean: boolean) {
  const bytes = readFileSync(path);
  return parseArticle({ path, root: FIXTURES, bytes, mtimeMs: 0, size: bytes.length }, { clean }).article;
}

const SINA_ADVERT = '海量资讯、精准解读，尽在新浪财经APP';
const HKCNEWS_FOOTER = [
  '請加入成為眾新聞的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的「每周時事」通訊 。',
  '月費訂戶 網址：hkcnews.com/aboutus/#subscribe',
];

/** The lines each file loses, by the end of its path; every file not listed loses nothing. */
const EXPECTED_REMOVED: [pathEnd: string, lines: string[], editor?: string][] = [
  ['seeds/000_9fc613d590d79208.txt', [SINA_ADVERT, '责任编辑：李园'], '李园'],
  ['seeds/001_c6695ae4905b6fb4.txt', [SINA_ADVERT, '责任编辑：李思阳'], '李思阳'],
  ['就问哈登慌不慌.md', [SINA_ADVERT, '责任编辑：刘玄逸'], '刘玄逸'],
  ['prevent misuse.md', ['FTC: We use income earning auto affiliate links. More.']],
];

const files = filesUnder(FIXTURES).sort();

describe('clean-up on the seeds and the corpus', () => {
  it('has the whole corpus to work on', () => {
    expect(files.length).toBe(54);
  });

  it.each(files.map((f) => [relative(FIXTURES, f), f]))('%s: only the boilerplate goes', (_name, path) => {
    const original = parse(path, false);
    const cleaned = parse(path, true);
    if (!original) {
      expect(cleaned).toBeNull();
      return;
    }
    const before = original.text.split('\n');
    const after = cleaned!.text.split('\n');
    const removed = before.filter((line) => !after.includes(line));
    const expected = EXPECTED_REMOVED.find(([end]) => path.endsWith(end));
    const isHkcnewsWithFooter = path.includes('hkcnews') && original.text.includes(HKCNEWS_FOOTER[0]!);
    const want = expected ? expected[1] : isHkcnewsWithFooter ? HKCNEWS_FOOTER : [];
    expect(removed).toEqual(want);
    // Every line of the story is still there, in the same order.
    expect(after).toEqual(before.filter((line) => !want.includes(line)));
    expect(cleaned!.editor).toBe(expected?.[2]);
    // Stars follow content: cleaning never changes an article's identity.
    expect(cleaned!.contentHash).toBe(original.contentHash);
    expect(cleaned!.excerpt.includes(SINA_ADVERT)).toBe(false);
  });

  it('drops the advert image from the image fields (the second seed has it as headimg)', () => {
    const seed = files.find((f) => f.endsWith('001_c6695ae4905b6fb4.txt'))!;
    expect(parse(seed, false)!.images.head).toBe(
      'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png',
    );
    expect(parse(seed, true)!.images).toEqual({});
    expect(parse(seed, true)!.html).not.toContain('343233024.png');
  });

  it('removes the hkcnews footer from most of that archive', () => {
    const cleanedFooters = files.filter((f) => f.includes('hkcnews') && parse(f, true)?.cleaned);
    expect(cleanedFooters.length).toBeGreaterThanOrEqual(20);
  });
});
