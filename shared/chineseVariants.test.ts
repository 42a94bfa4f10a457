import { describe, expect, it } from 'vitest';
import { SIMPLIFIED_OF, scriptEvidence } from './chineseVariants';

const simplify = (s: string) =>
  [...s].map((c) => String.fromCharCode(SIMPLIFIED_OF.get(c.charCodeAt(0)) ?? c.charCodeAt(0))).join('');

describe('Simplified forms from OpenCC', () => {
  it('folds Traditional characters, regional variants and compatibility ideographs to Simplified', () => {
    expect(simplify('國家安全')).toBe('国家安全');
    expect(simplify('臺灣 裡 裏 綫 衞 爲 乾 幹')).toBe('台湾 里 里 线 卫 为 干 干');
    // U+F900 is a compatibility form of 豈 (U+8C48), whose Simplified form is 岂.
    expect(simplify('\uF900豈')).toBe('岂岂');
  });

  it('leaves Simplified text and characters that are standard in both alone', () => {
    expect(simplify('国家安全 著名 看着 台湾 中文 English')).toBe('国家安全 著名 看着 台湾 中文 English');
  });

  it('maps one unit to one unit, and folding twice is folding once', () => {
    for (const [from, to] of SIMPLIFIED_OF) {
      expect(from).not.toBe(to);
      expect(SIMPLIFIED_OF.has(to), String.fromCharCode(from, to)).toBe(false);
    }
    expect(SIMPLIFIED_OF.size).toBeGreaterThan(3000);
  });
});

describe('script evidence', () => {
  it('tells Traditional-only from Simplified-only characters, and neither from shared ones', () => {
    const { traditional, simplified } = scriptEvidence();
    const has = (set: ReadonlySet<number>, c: string) => set.has(c.charCodeAt(0));
    for (const c of '們這說國會') expect(has(traditional, c), c).toBe(true);
    for (const c of '们这说国会') expect(has(simplified, c), c).toBe(true);
    // Hong Kong writes 台 and 吃 as the mainland does; 中 and 的 are the same in both.
    for (const c of '台吃中的') {
      expect(has(traditional, c) || has(simplified, c), c).toBe(false);
    }
  });
});
