import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seededRandom';
import { PostingPool } from './PostingPool';

describe('PostingPool', () => {
  it('keeps interleaved lists intact across block growth, freezes, export and import', () => {
    const random = seededRandom(4);
    const pool = new PostingPool();
    const expected: number[][] = [];
    for (let l = 0; l < 300; l++) {
      expect(pool.newList()).toBe(l);
      expected.push([]);
    }
    let doc = 0;
    for (let round = 0; round < 4; round++) {
      for (let step = 0; step < 20_000; step++) {
        // Big random gaps exercise multi-byte varints; repeats must be ignored.
        doc += random() < 0.1 ? Math.floor(random() * 100_000) : Math.floor(random() * 3);
        const l = Math.floor(random() ** 3 * expected.length);
        const list = expected[l]!;
        pool.add(l, doc);
        if (list[list.length - 1] !== doc) list.push(doc);
      }
      if (round === 1) pool.freeze();
      if (round === 2) {
        const e = pool.export();
        const copy = PostingPool.import(e.last, e.counts, e.lengths, e.bytes.slice());
        expected.forEach((list, l) => {
          expect([...copy.decode(l)]).toEqual(list);
        });
      }
      expected.push([]);
      pool.newList();
    }
    expected.forEach((list, l) => {
      expect(pool.count(l)).toBe(list.length);
      expect([...pool.decode(l)]).toEqual(list);
    });
  });

  it('rejects imported lengths that do not cover the bytes', () => {
    const one = new Int32Array([1]);
    expect(() => PostingPool.import(one, one, new Int32Array([2]), new Uint8Array(3))).toThrow(/lengths/);
  });
});
