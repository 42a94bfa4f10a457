import { describe, expect, it } from 'vitest';
import { guessLanguage } from './guessLanguage';

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
