import { describe, expect, it } from 'vitest';
import { parseArticle } from '../parseArticle';
import { rawFile } from '../testSupport';

const STORY = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>央行第${i + 1}段：今日公布的数据显示，货币供应量保持合理增长，市场流动性总体充裕，利率稳中有降。</p>`,
).join('');

// A news site's saved page: menus around the story, and the site's own boilerplate inside it.
const PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>央行公布数据_新浪财经</title><meta property="og:site_name" content="新浪财经">
<meta property="og:url" content="https://finance.sina.com.cn/roll/2022-08-06/doc-1.shtml"></head>
<body><nav><a href="/">首页</a> <a href="/stock">股票</a></nav>
<article><h1>央行公布数据</h1>${STORY}
<p>海量资讯、精准解读，尽在新浪财经APP</p><p>责任编辑：王五</p></article>
<footer>新浪公司 版权所有</footer></body></html>`;

const HUGO_PAGE = `<!DOCTYPE html><html><head><title>Using shortcodes</title></head><body><article>
<h1>Using shortcodes</h1>${'<p>Hugo shortcodes are written in the Markdown source and replaced when the site is built, so a reader never sees them.</p>'.repeat(4)}
<pre><code>{{&lt; youtube w7Ft2ymGmfc &gt;}}</code></pre><p>Title: not a header line</p></article></body></html>`;

describe('saved web pages and the clean-up rules', () => {
  it('take the site’s boilerplate out of the extracted story, keeping the editor', () => {
    const { article } = parseArticle(rawFile(PAGE, '/library/sina.html'));
    expect(article!.text).toContain('央行第8段');
    expect(article!.text).not.toContain('尽在新浪财经APP');
    expect(article!.text).not.toContain('责任编辑');
    expect(article!.editor).toBe('王五');
    expect(article!.cleaned?.map((c) => c.text)).toEqual([
      '海量资讯、精准解读，尽在新浪财经APP',
      '责任编辑：王五',
    ]);
  });

  it('are off with "show original", and the article keeps its identity either way', () => {
    const cleaned = parseArticle(rawFile(PAGE, '/library/sina.html')).article!;
    const original = parseArticle(rawFile(PAGE, '/library/sina.html'), { clean: false }).article!;
    expect(original.text).toContain('尽在新浪财经APP');
    expect(original.editor).toBeUndefined();
    expect(cleaned.contentHash).toBe(original.contentHash);
  });

  it('leave shortcode syntax and header-like lines a page shows as they are (they are not source syntax there)', () => {
    const { article } = parseArticle(rawFile(HUGO_PAGE, '/library/hugo.html'));
    expect(article!.text).toContain('{{< youtube w7Ft2ymGmfc >}}');
    expect(article!.text).toContain('Title: not a header line');
    expect(article!.title).toBe('Using shortcodes');
  });
});
