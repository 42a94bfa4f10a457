// Buffers (key, document) occurrences of CJK unigrams/bigrams and posts them sorted by key.
//
// Posting each occurrence as it is read costs two or three cache misses (hash table slot, list
// state, list tail) on tables far larger than the CPU cache: that made the build memory-latency
// bound. Sorting a batch by key first (stable LSD radix sort, so documents stay in order) turns
// that into one lookup per distinct key per batch and sequential appends to each list.

export class KeyBatch {
  keys: Int32Array;
  docs: Int32Array;
  length = 0;
  private tmpKeys: Int32Array;
  private tmpDocs: Int32Array;
  private readonly counts = new Int32Array(4 * 256);

  constructor(capacity: number) {
    this.keys = new Int32Array(capacity);
    this.docs = new Int32Array(capacity);
    this.tmpKeys = new Int32Array(capacity);
    this.tmpDocs = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.keys.length;
  }

  /** Makes room for `n` more occurrences (doubling: amortized constant per occurrence). */
  reserve(n: number): void {
    if (this.length + n <= this.keys.length) return;
    let cap = this.keys.length;
    while (cap < this.length + n) cap *= 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.keys = grow(this.keys);
    this.docs = grow(this.docs);
    this.tmpKeys = new Int32Array(cap);
    this.tmpDocs = new Int32Array(cap);
  }

  /** Sorts the buffered occurrences by key (unsigned), keeping document order within a key. */
  sort(): void {
    const n = this.length;
    const counts = this.counts;
    counts.fill(0);
    let keys = this.keys;
    let docs = this.docs;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      counts[k & 0xff]!++;
      counts[256 + ((k >>> 8) & 0xff)]!++;
      counts[512 + ((k >>> 16) & 0xff)]!++;
      counts[768 + (k >>> 24)]!++;
    }
    let outKeys = this.tmpKeys;
    let outDocs = this.tmpDocs;
    for (let pass = 0; pass < 4; pass++) {
      const base = pass * 256;
      const shift = pass * 8;
      // A digit shared by every key needs no pass.
      if (counts[base + ((keys[0]! >>> shift) & 0xff)] === n) continue;
      let sum = 0;
      for (let b = 0; b < 256; b++) {
        const c = counts[base + b]!;
        counts[base + b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const k = keys[i]!;
        const at = counts[base + ((k >>> shift) & 0xff)]!++;
        outKeys[at] = k;
        outDocs[at] = docs[i]!;
      }
      [keys, outKeys] = [outKeys, keys];
      [docs, outDocs] = [outDocs, docs];
    }
    this.keys = keys;
    this.docs = docs;
    this.tmpKeys = outKeys;
    this.tmpDocs = outDocs;
  }
}
