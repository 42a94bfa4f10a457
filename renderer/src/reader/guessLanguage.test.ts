import { describe, expect, it } from 'vitest';
import { articleLanguage, guessLanguage } from './guessLanguage';

describe('guessLanguage', () => {
  it('tells CJK scripts from Latin text', () => {
    expect(guessLanguage('王毅会见俄罗斯外长拉夫罗夫')).toBe('zh');
    expect(guessLanguage('BthI1stOpeC7Cwfの投稿イラスト')).toBe('ja');
    expect(guessLanguage('한국어 기사 제목')).toBe('ko');
    expect(guessLanguage('Lavrov calls for high-level cooperation with China')).toBeUndefined();
    expect(guessLanguage('Apple 发布 iOS 16 更新')).toBe('zh');
    expect(guessLanguage('')).toBeUndefined();
  });
});

describe('articleLanguage', () => {
  it("keeps the engine's zh-Hant / zh-Hans when the text is Chinese", () => {
    expect(articleLanguage('zh-Hant', '香港新聞自由指數再創新低')).toBe('zh-Hant');
    expect(articleLanguage('zh-Hans', '王毅会见俄罗斯外长拉夫罗夫')).toBe('zh-Hans');
    expect(articleLanguage(undefined, '王毅会见俄罗斯外长拉夫罗夫')).toBe('zh');
  });
  it('trusts the text over a declaration of another script', () => {
    expect(articleLanguage('en', '王毅会见俄罗斯外长拉夫罗夫')).toBe('zh');
    expect(articleLanguage('zh-Hant', 'An English article')).toBeUndefined();
    expect(articleLanguage('de', 'Ein deutscher Artikel')).toBe('de');
  });
});
