// The rules on real archives: the boilerplate goes, and every other line of every story stays, word
// for word. Read where the archives already are, never from a copy: the bundled sample archive
// (resources/sample-archive: both seeds and 16 corpus articles, in every clone) and, where the
// workspace has it beside the repository, the team's whole seeds and corpus (../shared).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../parseArticle';

const REPO = new URL('../../../../', import.meta.url).pathname;
const SAMPLE = join(REPO, 'resources', 'sample-archive');
const SHARED = join(REPO, '..', 'shared');
const SHARED_ARCHIVES = [join(SHARED, 'seeds'), join(SHARED, 'corpus')];
const hasShared = SHARED_ARCHIVES.every((dir) => existsSync(dir));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function parse(path: string, clean: boolean) {
  const bytes = readFileSync(path);
  const root = path.startsWith(SAMPLE) ? SAMPLE : SHARED;
  return parseArticle({ path, root, bytes, mtimeMs: 0, size: bytes.length }, { clean }).article;
}

const SINA_ADVERT = '海量资讯、精准解读，尽在新浪财经APP';
const HKCNEWS_FOOTER = [
  '請加入成為眾新聞的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的「每周時事」通訊 。',
  '月費訂戶 網址：hkcnews.com/aboutus/#subscribe',
];

/** The lines each file loses, by the end of its path; every file not listed loses nothing. */
const EXPECTED_REMOVED: [pathEnd: string, lines: string[], editor?: string][] = [
  ['000_9fc613d590d79208.txt', [SINA_ADVERT, '责任编辑：李园'], '李园'],
  ['001_c6695ae4905b6fb4.txt', [SINA_ADVERT, '责任编辑：李思阳'], '李思阳'],
  ['就问哈登慌不慌.md', [SINA_ADVERT, '责任编辑：刘玄逸'], '刘玄逸'],
  ['prevent misuse.md', ['FTC: We use income earning auto affiliate links. More.']],
];

const sampleFiles = filesUnder(SAMPLE).sort();
const sharedFiles = hasShared ? SHARED_ARCHIVES.flatMap(filesUnder).sort() : [];
const files = [...sampleFiles, ...sharedFiles];

describe('clean-up on the seeds and the corpus', () => {
  it('has the sample archive (both seeds and 16 corpus articles) to work on', () => {
    expect(sampleFiles.length).toBe(18);
    expect(sampleFiles.filter((f) => /00[01]_[0-9a-f]{16}\.txt$/.test(f))).toHaveLength(2);
  });

  it.skipIf(!hasShared)(
    'has the whole shared seeds and corpus (54 files) where ../shared is beside the repository',
    () => {
      expect(sharedFiles.length).toBe(54);
    },
  );

  it.each(files.map((f) => [relative(REPO, f), f]))('%s: only the boilerplate goes', (_name, path) => {
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
    // 4 of the sample archive's 5 hkcnews articles carry it; at least 20 more in the shared corpus.
    expect(cleanedFooters.length).toBeGreaterThanOrEqual(hasShared ? 24 : 4);
  });
});
