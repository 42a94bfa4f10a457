import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seededRandom';
import { CharPostings } from './CharPostings';

/** Adds `docs` random documents over a few characters of very different frequencies. */
function build(docs: number, seed: number): { chars: CharPostings; expected: Map<number, number[]> } {
  const random = seededRandom(seed);
  const chars = new CharPostings();
  const expected = new Map<number, number[]>();
  // 的 in nearly every document, 中 in a third, 鱻 rarely, 王 only early on (a bitmap that must shrink back).
  const odds: [number, (n: number) => number][] = [
    [0x7684, () => 0.95],
    [0x4e2d, () => 0.33],
    [0x9c7b, () => 0.01],
    [0x738b, (n) => (n < 300 ? 0.9 : 0)],
  ];
  const units = new Uint16Array(8);
  for (let n = 0; n < docs; n++) {
    let k = 0;
    for (const [unit, p] of odds) {
      if (random() >= p(n)) continue;
      units[k++] = unit;
      expected.set(unit, [...(expected.get(unit) ?? []), n]);
    }
    chars.addDoc(n, units, k);
  }
  return { chars, expected };
}

describe('CharPostings', () => {
  it('lists exactly the documents of each character through list, bitmap and tidy', () => {
    const { chars, expected } = build(5000, 3);
    const check = () => {
      for (const [unit, docs] of expected) {
        expect(chars.count(unit)).toBe(docs.length);
        expect([...chars.docs(unit)]).toEqual(docs);
      }
      expect(chars.docs(0x4e00)).toHaveLength(0);
    };
    check();
    const before = chars.bytes;
    chars.tidy();
    check();
    // 王 (300 documents of 5000) went back to a list, 的 stays a bitmap: far below 4 bytes a posting.
    expect(chars.bytes).toBeLessThan(before);
    expect(chars.bytes).toBeLessThan(5000 * 4);
  });

  it('restores what forEach exported', () => {
    const { chars, expected } = build(2000, 9);
    chars.tidy();
    const copy = new CharPostings();
    chars.forEach((unit, count, list, bits) => {
      copy.restore(unit, count, list?.slice(), bits?.slice(), 2000);
    });
    for (const [unit, docs] of expected) expect([...copy.docs(unit)]).toEqual(docs);
    const more = new Uint16Array([0x7684]);
    copy.addDoc(2000, more, 1);
    expect(copy.docs(0x7684).at(-1)).toBe(2000);
  });
});
