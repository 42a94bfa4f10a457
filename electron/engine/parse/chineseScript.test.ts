import { describe, expect, it } from 'vitest';
import { chineseScriptOf } from './chineseScript';

describe('chineseScriptOf (OpenCC character tables)', () => {
  it('tells a short Traditional sentence from a Simplified one', () => {
    expect(chineseScriptOf('香港記者協會今日發表聲明，譴責警方濫權。')).toBe('zh-Hant');
    expect(chineseScriptOf('香港记者协会今日发表声明，谴责警方滥权。')).toBe('zh-Hans');
    // Characters outside the 135 pairs the old hand-written table knew (協 濫 譴 / 协 滥 谴).
    expect(chineseScriptOf('協會譴責濫權')).toBe('zh-Hant');
    expect(chineseScriptOf('协会谴责滥权')).toBe('zh-Hans');
  });

  it('is not swayed by characters Hong Kong and the mainland share (台, 吃, 中)', () => {
    expect(chineseScriptOf('台中吃飯的人說這裡')).toBe('zh-Hant');
    expect(chineseScriptOf('台中吃中台吃中')).toBeUndefined();
  });

  it('says nothing for too little evidence, for mixed text or for other languages', () => {
    expect(chineseScriptOf('中文')).toBeUndefined();
    expect(chineseScriptOf('們们這这說说')).toBeUndefined();
    expect(chineseScriptOf('Hello world, the news of the day')).toBeUndefined();
  });
});
