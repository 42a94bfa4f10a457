import { describe, expect, it } from 'vitest';
import { anchorOffset, sampleByteCounts } from '../../../shared/byteFrequency';
import { ClauseMatcher } from '../../../shared/ClauseMatcher';
import { parseQuery } from '../../../shared/parseQuery';
import { seededRandom } from '../testing/seededRandom';

const matcher = (text: string, counts?: Float64Array) =>
  new ClauseMatcher(parseQuery(text).clauses[0]!, counts);

/** Every match start in [from, limit), by repeated find. */
function allStarts(m: ClauseMatcher, s: string, from = 0, limit = s.length): number[] {
  const out: number[] = [];
  for (let p = m.find(s, from, limit); p >= 0; p = m.find(s, p + 1, limit)) out.push(p);
  return out;
}

describe('ClauseMatcher anchoring', () => {
  // Han text whose units mostly have a common larger byte (0x4E-0x9F), with 以 (U+4EE5: byte 0xE5) rare.
  const text = '中国人民中国以人中国以民中国中国人以以中国人';
  const counts = sampleByteCounts([text.repeat(3)]);

  it('anchors on the unit whose search byte is rarest', () => {
    const mostlyZhong = sampleByteCounts(['中中中中中中以中中']);
    expect(anchorOffset('中以', mostlyZhong)).toBe(1);
    expect(anchorOffset('中中以中', mostlyZhong)).toBe(2);
    expect(anchorOffset('以中', mostlyZhong)).toBe(0);
    expect(anchorOffset('中国', undefined)).toBe(0);
    expect(anchorOffset('中', counts)).toBe(0);
  });

  it('finds the same matches, limits included, whatever the anchor', () => {
    for (const q of ['国以民', '中国以', '以以', '人以以中', '国人', '以', '民中国中国人']) {
      const plain = matcher(q);
      const anchored = matcher(q, counts);
      for (const [from, limit] of [
        [0, text.length],
        [3, 12],
        [10, text.length],
        [0, 1],
      ] as const) {
        expect(allStarts(anchored, text, from, limit)).toEqual(allStarts(plain, text, from, limit));
      }
    }
  });

  it('matches repeated characters and runs at the very start and end', () => {
    const s = '哈哈哈哈，哈哈\0以人';
    const c = sampleByteCounts([s]);
    expect(allStarts(matcher('哈哈哈', c), s)).toEqual([0, 1]);
    expect(allStarts(matcher('哈哈', c), s)).toEqual([0, 1, 2, 5]);
    expect(allStarts(matcher('以人', c), s)).toEqual([8]);
    expect(allStarts(matcher('哈以', c), s)).toEqual([]);
  });

  it('agrees with the plain search on random texts and runs', () => {
    const random = seededRandom(4);
    const alphabet = '的中国以人哈民一了乂丰a ';
    for (let round = 0; round < 300; round++) {
      let s = '';
      for (let i = 0; i < 60; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      const c = sampleByteCounts([s]);
      const at = Math.floor(random() * 55);
      const q = s.slice(at, at + 2 + Math.floor(random() * 4)).trim();
      if (!q) continue;
      expect(allStarts(matcher(q, c), s)).toEqual(allStarts(matcher(q), s));
    }
  });
});
