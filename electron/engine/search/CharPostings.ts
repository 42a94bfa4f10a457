// Which documents contain each CJK character, for one-character queries (body side: all fields).
//
// A character either occurs in few documents (a sorted Int32Array, 4 bytes a document) or in a good
// share of them (a bitmap over document numbers, 1 bit a document): common characters like 的 occur
// in most articles, where a bitmap is 32 times smaller than a list. This keeps the unigram postings
// of a 100k-article archive near 20 MB, against ~60 MB as varint lists in the PostingPool.
// The bitmaps are the columns of one table with a row per 32 documents, so adding a document sets
// its few hundred bits within one row (cache-resident) instead of in as many separate arrays.
// Documents come in increasing number order; deleted numbers stay listed (searches skip them).

const MIN_BITMAP_COUNT = 64;

export class CharPostings {
  private readonly counts = new Int32Array(0x10000);
  private readonly lists: (Int32Array | undefined)[] = new Array(0x10000);
  /** Column of each character's bitmap in `rows`, -1 when it has none. */
  private readonly column = new Int32Array(0x10000).fill(-1);
  private columns = 0;
  private width = 0;
  private height = 0;
  /** Row r (documents 32r..32r+31) is rows[r * width, r * width + columns). */
  private rows = new Uint32Array(0);
  /** Document numbers seen so far are below this. */
  private universe = 0;

  /** Number of characters with at least one document. */
  get size(): number {
    let n = 0;
    for (let c = 0; c < 0x10000; c++) if (this.counts[c]! > 0) n++;
    return n;
  }

  count(unit: number): number {
    return this.counts[unit]!;
  }

  /** Records that document `num` contains each of units[0, n) (each unit once). */
  addDoc(num: number, units: Uint16Array, n: number): void {
    if (num >= this.universe) this.universe = num + 1;
    const word = num >>> 5;
    if (word >= this.height) this.resize(this.width, Math.max(word + 1, this.height * 2, 32));
    const bit = 1 << (num & 31);
    const counts = this.counts;
    const column = this.column;
    let rows = this.rows;
    let base = word * this.width;
    for (let i = 0; i < n; i++) {
      const c = units[i]!;
      const count = counts[c]!;
      counts[c] = count + 1;
      const col = column[c]!;
      if (col >= 0) {
        rows[base + col]! |= bit;
        continue;
      }
      let list = this.lists[c];
      if (list === undefined) {
        list = new Int32Array(4);
        this.lists[c] = list;
      } else if (count === list.length) {
        // A list that would outgrow twice its bitmap becomes one.
        if (count >= MIN_BITMAP_COUNT && count * 16 > this.universe) {
          const col = this.toColumn(c, list.subarray(0, count));
          rows = this.rows;
          base = word * this.width;
          rows[base + col]! |= bit;
          continue;
        }
        const grown = new Int32Array(count * 2);
        grown.set(list);
        list = grown;
        this.lists[c] = list;
      }
      list[count] = num;
    }
  }

  /** The documents containing `unit`, in increasing order (do not modify). */
  docs(unit: number): Int32Array {
    const count = this.counts[unit]!;
    const list = this.lists[unit];
    if (list !== undefined) return list.subarray(0, count);
    const col = this.column[unit]!;
    const out = new Int32Array(count);
    if (col < 0) return out;
    const rows = this.rows;
    const width = this.width;
    const words = (this.universe + 31) >>> 5;
    let k = 0;
    for (let w = 0; w < words; w++) {
      let v = rows[w * width + col]!;
      while (v !== 0) {
        const low = v & -v;
        out[k++] = (w << 5) | (31 - Math.clz32(low));
        v ^= low;
      }
    }
    return out;
  }

  /** Bytes held by lists and bitmaps. */
  get bytes(): number {
    let n = this.rows.byteLength;
    for (let c = 0; c < 0x10000; c++) n += this.lists[c]?.byteLength ?? 0;
    return n;
  }

  /** Trims lists and the bitmap table to size; characters that became rare get lists again. */
  tidy(): void {
    const keep: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const count = this.counts[c]!;
      const list = this.lists[c];
      if (list !== undefined && list.length !== count) this.lists[c] = list.slice(0, count);
      if (this.column[c]! < 0) continue;
      if (count * 64 < this.universe) this.lists[c] = this.docs(c);
      else keep.push(c);
    }
    const words = (this.universe + 31) >>> 5;
    const old = this.rows;
    const oldWidth = this.width;
    const oldColumn = keep.map((c) => this.column[c]!);
    this.rows = new Uint32Array(words * keep.length);
    for (let c = 0; c < 0x10000; c++) this.column[c] = -1;
    keep.forEach((c, i) => {
      this.column[c] = i;
      const from = oldColumn[i]!;
      for (let w = 0; w < words; w++) this.rows[w * keep.length + i] = old[w * oldWidth + from]!;
    });
    this.columns = keep.length;
    this.width = keep.length;
    this.height = words;
  }

  /** Moves a character's list into a new bitmap column; returns the column. */
  private toColumn(c: number, docs: Int32Array): number {
    if (this.columns === this.width) this.resize(Math.max(64, this.width * 2), this.height);
    const col = this.columns++;
    this.column[c] = col;
    this.lists[c] = undefined;
    const rows = this.rows;
    const width = this.width;
    for (let i = 0; i < docs.length; i++) rows[(docs[i]! >>> 5) * width + col]! |= 1 << (docs[i]! & 31);
    return col;
  }

  private resize(width: number, height: number): void {
    const rows = new Uint32Array(width * height);
    const old = this.rows;
    const n = Math.min(height, this.height);
    for (let r = 0; r < n; r++) {
      rows.set(old.subarray(r * this.width, r * this.width + this.columns), r * width);
    }
    this.rows = rows;
    this.width = width;
    this.height = height;
  }

  /** Calls `fn` for each character with documents: its count and either its list or its bitmap. */
  forEach(
    fn: (unit: number, count: number, list: Int32Array | undefined, bits: Uint32Array | undefined) => void,
  ): void {
    const words = (this.universe + 31) >>> 5;
    for (let c = 0; c < 0x10000; c++) {
      const count = this.counts[c]!;
      if (count === 0) continue;
      const col = this.column[c]!;
      if (col < 0) {
        fn(c, count, this.lists[c]!.subarray(0, count), undefined);
        continue;
      }
      const bits = new Uint32Array(words);
      for (let w = 0; w < words; w++) bits[w] = this.rows[w * this.width + col]!;
      fn(c, count, undefined, bits);
    }
  }

  /** Restores one character (from `forEach` output); `universe` is the document count. */
  restore(
    unit: number,
    count: number,
    list: Int32Array | undefined,
    bits: Uint32Array | undefined,
    universe: number,
  ): void {
    if (universe > this.universe) this.universe = universe;
    const words = (this.universe + 31) >>> 5;
    if (words > this.height) this.resize(this.width, words);
    this.counts[unit] = count;
    if (list !== undefined) {
      this.lists[unit] = list;
      return;
    }
    if (bits === undefined) return;
    if (this.columns === this.width) this.resize(Math.max(64, this.width * 2), this.height);
    const col = this.columns++;
    this.column[unit] = col;
    for (let w = 0; w < bits.length && w < this.height; w++) this.rows[w * this.width + col] = bits[w]!;
  }
}
