// The two seed articles (Sina Finance pages saved by Hexo: HTML bodies with comments, inline
// <style> blocks and entity-escaped CSS) read as clean prose.

import { articleBodyText, openHeadline, readingPane } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

const TITLE = '王毅会见俄罗斯外长拉夫罗夫';

for (const [nth, sentence] of [
  [0, '国务委员兼外长王毅在金边出席东亚合作系列外长会期间应约会见俄罗斯外长拉夫罗夫'],
  [1, '国务委员兼外长王毅在塔什干出席上海合作组织外长会期间会见俄罗斯'],
] as const) {
  test(`seed ${nth + 1} reads cleanly`, async ({ page, devWeb }) => {
    await openApp(page, devWeb);
    await openHeadline(page, TITLE, nth);
    await expect(readingPane(page).locator('.article-body')).toBeVisible();

    const text = await articleBodyText(page);
    expect(text).toContain(sentence);
    for (const leftover of [
      '<div',
      '<p',
      '</p',
      '<style',
      '<!--',
      'appendQr',
      '&#123;',
      '&#125;',
      '&nbsp;',
      '&amp;',
    ]) {
      expect(text, `the article shows "${leftover}"`).not.toContain(leftover);
    }
    const codeBlocks = await readingPane(page)
      .locator('.article-body')
      .evaluate((host) => (host.shadowRoot ?? host).querySelectorAll('pre, code').length);
    expect(codeBlocks, 'indented HTML turned into code blocks').toBe(0);
  });
}
