import { describe, expect, it } from 'vitest';
import { htmlPass } from '../htmlPass';
import { cleanHtml, compileRules } from './cleanHtml';
import { BUILTIN_CLEAN_RULES, type CleanRule } from './cleanRules';

const builtins = compileRules(BUILTIN_CLEAN_RULES);
const textOf = (html: string) => htmlPass(html).text;

function clean(html: string, rules: readonly CleanRule[] = BUILTIN_CLEAN_RULES) {
  return cleanHtml(html, rules === BUILTIN_CLEAN_RULES ? builtins : compileRules(rules));
}

const STORY = '<p>The minister met his counterpart on Friday and both sides agreed to keep talking.</p>';

// One example of each kind of block the built-in rules are for, from sites other than the seeds'.
const BOILERPLATE: [kind: string, html: string][] = [
  ['QR advert by class', '<div class="wx-qrcode"><img src="https://x.test/qr.png"><p>扫一扫</p></div>'],
  ['QR advert style', '<style>.appendQr_wrap{border:1px solid #eee}</style>'],
  ['app advert (尽在…APP)', '<div>海量财经资讯，尽在网易财经APP</div>'],
  ['app advert (download)', '<p>下载APP，阅读更多精彩内容</p>'],
  ['app advert (English)', '<p>Get the app for breaking news alerts.</p>'],
  ['QR scan', '<p>长按识别二维码，关注我们</p>'],
  ['editor line', '<p>责任编辑：王小明</p>'],
  ['editor line (traditional)', '<p>責任編輯：陳大文</p>'],
  ['editor line (bracketed)', '<p>【责任编辑:薛涛】</p>'],
  ['editor line (English)', '<p>Edited by Jane Doe</p>'],
  ['share bar by class', '<div class="bdsharebuttonbox"><a class="bds_weixin">微信</a><a>微博</a></div>'],
  ['share bar by exact class', '<ul class="share"><li>Twitter</li><li>Facebook</li></ul>'],
  ['share text', '<p>分享到：微信 微博 QQ空间</p>'],
  ['affiliate notice', '<div class="ad-disclaimer-container"><p>FTC: We use income earning links.</p></div>'],
  ['newsletter', '<p>Sign up for our newsletter to get the latest stories.</p>'],
];

describe('built-in rules', () => {
  it.each(BOILERPLATE)('remove %s and keep the story', (_kind, block) => {
    const before = `<div>${STORY}${block}${STORY.replace('Friday', 'Monday')}</div>`;
    const result = clean(before);
    expect(result.removed.length).toBeGreaterThan(0);
    expect(result.html).toBe(`<div>${STORY}${STORY.replace('Friday', 'Monday')}</div>`);
  });

  it('every built-in rule is exercised by an example above', () => {
    const used = new Set<string>();
    for (const [, block] of BOILERPLATE)
      for (const r of clean(`<div>${block}</div>`).removed) used.add(r.rule);
    const names = new Set(BUILTIN_CLEAN_RULES.filter((r) => !r.sources).map((r) => r.name));
    expect([...names].filter((n) => !used.has(n))).toEqual([]);
  });

  it('keep the editor as metadata, without its label and brackets', () => {
    expect(clean('<p>责任编辑：王小明 </p>').editor).toBe('王小明');
    expect(clean('<p>【责任编辑:薛涛】</p>').editor).toBe('薛涛');
    expect(clean('<p class="article-editor">责任编辑：李园 </p>').editor).toBe('李园');
    expect(clean('<p>Edited by Jane Doe</p>').editor).toBe('Jane Doe');
  });

  it('never remove a paragraph longer than the rule allows, whatever it mentions', () => {
    const long =
      '<p>责任编辑：本报讯，昨日市政府宣布新的交通计划，将在明年开始实施，覆盖全市十二个区，预计惠及三百万市民。</p>' +
      '<p>分享到社交网络的消息说，这项计划在网上引起了广泛讨论，许多市民表示支持，但也有人担心费用问题会转嫁到乘客身上。</p>' +
      `<p>${'他说下载APP的人越来越多，'.repeat(8)}</p>` +
      `<div class="share">${'A long story inside a wrapper that happens to be called share. '.repeat(5)}</div>`;
    const result = clean(long);
    expect(result.removed).toEqual([]);
    expect(result.html).toBe(long);
  });

  it('leave words in a sentence alone: a rule needs the whole short block', () => {
    const html = '<p>The editor: a profile of the man who ran the paper for forty years, by our staff.</p>';
    expect(clean(html).html).toBe(html);
    expect(clean('<p>Share prices fell.</p>').removed).toEqual([]);
  });

  it('take a whole advert once when inner and outer elements both match', () => {
    const html =
      '<div class="appendQr_wrap"><div class="appendQr_normal"><img src="https://x.test/q.png"></div>' +
      '<div class="appendQr_normal_txt">尽在新浪财经APP</div></div>';
    const result = clean(`<div>${STORY}${html}</div>`);
    expect(result.removed).toHaveLength(1);
    expect(result.removedImages).toEqual(['https://x.test/q.png']);
    expect(result.html).toBe(`<div>${STORY}</div>`);
  });

  it('leave an element that has no end tag of its own', () => {
    const html = '<div><p>责任编辑：王小明<p>The next paragraph of the story, which must stay.</div>';
    expect(textOf(clean(html).html)).toContain('The next paragraph of the story');
  });

  it('do not match text inside comments or scripts', () => {
    const html = '<div><!-- <p>责任编辑：甲</p> --><script>var s="<p>分享到</p>"</script><p>Story.</p></div>';
    expect(clean(html).html).toBe(html);
  });

  it('merge the rules left side by side once the block between them is gone', () => {
    const html = '<p>Story.</p><hr><p>請加入成為眾新聞的月費訂戶。</p><hr><p>Bio.</p>';
    const rules: CleanRule[] = [{ name: 'sub', contains: ['月費訂戶'] }];
    expect(clean(html, rules).html).toBe('<p>Story.</p><hr><p>Bio.</p>');
  });
});

describe('rules with sources and user rules', () => {
  it('a rule with sources applies only when the rule list is chosen for that source', async () => {
    const { rulesForSource } = await import('./cleanHtml');
    const rules = compileRules([{ name: 'x', sources: ['hkcnews'], contains: ['月費訂戶'] }]);
    expect(rulesForSource(rules, 'https://web.archive.org/web/1/https://www.hkcnews.com/a')).toHaveLength(1);
    expect(rulesForSource(rules, 'https://example.com/a')).toHaveLength(0);
  });

  it('a rule that names only tags never removes anything', () => {
    const html = '<p>One.</p><p>Two.</p>';
    expect(clean(html, [{ name: 'all paragraphs', tags: ['p'] }]).html).toBe(html);
  });

  it('class, id and text conditions all have to hold', () => {
    const rules: CleanRule[] = [{ name: 'promo', classes: ['promo'], contains: ['buy'] }];
    expect(clean('<div class="promo">Buy now</div><p>x</p>', rules).html).toBe('<p>x</p>');
    expect(clean('<div class="promo">Read on</div>', rules).removed).toEqual([]);
    expect(clean('<div id="sidebar-share-7">s</div>', [{ name: 'id', idContains: ['share'] }]).html).toBe('');
  });
});

describe('bounded cost', () => {
  it('stops at the depth limit without throwing and keeps the input', () => {
    const deep = `${'<div>'.repeat(5000)}责任编辑：x${'</div>'.repeat(5000)}`;
    const result = clean(deep);
    expect(result.html.length).toBeGreaterThan(0);
  });

  it('many short blocks are each checked once (output is exact)', () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i} of the story.</p>`).join('');
    const html = `<div>${blocks}<p>责任编辑：甲</p></div>`;
    const result = clean(html);
    expect(result.html).toBe(`<div>${blocks}</div>`);
    expect(result.editor).toBe('甲');
  });
});
