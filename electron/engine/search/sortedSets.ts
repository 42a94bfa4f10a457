// Set operations on sorted, duplicate-free Int32Arrays of document numbers.

const EMPTY = new Int32Array(0);

/** a ∩ b. Gallops through the longer list when the lengths differ a lot. */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) return intersect(b, a);
  if (a.length === 0) return EMPTY;
  const out = new Int32Array(a.length);
  let n = 0;
  if (b.length > a.length * 16) {
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      let step = 1;
      let hi = lo;
      while (hi < b.length && b[hi]! < x) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      if (hi > b.length) hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo === b.length) break;
      if (b[lo] === x) out[n++] = x;
    }
  } else {
    let j = 0;
    for (let i = 0; i < a.length && j < b.length; i++) {
      const x = a[i]!;
      while (j < b.length && b[j]! < x) j++;
      if (b[j] === x) out[n++] = x;
    }
  }
  return out.subarray(0, n);
}

/** Union of several lists, using a scratch mark array over document numbers [0, universe). */
export function unionAll(lists: Int32Array[], universe: number): Int32Array {
  if (lists.length === 0) return EMPTY;
  if (lists.length === 1) return lists[0]!;
  const marks = new Uint8Array(universe);
  let total = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      if (marks[d] === 0) {
        marks[d] = 1;
        total++;
      }
    }
  }
  const out = new Int32Array(total);
  let n = 0;
  for (let d = 0; d < universe && n < total; d++) if (marks[d] === 1) out[n++] = d;
  return out;
}
