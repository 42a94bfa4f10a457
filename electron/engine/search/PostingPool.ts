// Many sorted lists of document numbers, delta + varint encoded, without one object per list.
//
// A list has a FROZEN part (a slice of one contiguous buffer: what a warm start loads, and what
// `freeze()` produces) followed by a LIVE chain of blocks in shared slabs, which is where appends go.
// Blocks double in size so a list of n postings needs O(log n) blocks, and the first block is tiny
// because most bigrams occur in very few documents. Each block ends with the 4-byte address of the
// next one. Appends must come in increasing document order, so deltas stay positive.
//
// Indexing appends to random lists millions of times, so the state an append touches (tail, end of
// block, last document, count) sits together in one stride-4 array: one cache line per append.

const CHUNK_BITS = 22;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/** Block sizes by level, including the 4-byte pointer to the next block. */
const BLOCK_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
const MAX_LEVEL = BLOCK_SIZES.length - 1;

// Fields of `hot`, per list.
const TAIL = 0; // next write address in the chain (equal to END while there is no chain)
const END = 1; // address of the current block's next-pointer (block full when TAIL reaches it)
const LAST = 2; // last document appended, -1 when empty
const COUNT = 3; // number of documents

export class PostingPool {
  private chunks: Uint8Array[] = [];
  private chunkUsed = CHUNK_SIZE;
  private frozen: Uint8Array = new Uint8Array(0);
  private capacity = 0;
  private lists = 0;
  private hot = new Int32Array(0);
  /** First chain block of each list, -1 when the list has no chain. */
  private head = new Int32Array(0);
  private level = new Uint8Array(0);
  /** Frozen part of list l is frozen[frozenStart[l], frozenStart[l + 1]). */
  private frozenStart = new Int32Array(1);
  private liveBytes = 0;

  get size(): number {
    return this.lists;
  }

  /** Bytes held by postings (frozen buffer + allocated slabs). */
  get bytes(): number {
    return this.frozen.length + this.chunks.length * CHUNK_SIZE;
  }

  /** Bytes appended since the last freeze. */
  get chainedBytes(): number {
    return this.liveBytes;
  }

  /** Bytes of per-list bookkeeping. */
  get overheadBytes(): number {
    return this.capacity * 25;
  }

  count(list: number): number {
    return this.hot[list * 4 + COUNT]!;
  }

  newList(): number {
    if (this.lists === this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    const list = this.lists++;
    this.head[list] = -1;
    // TAIL === END makes the first append start a block.
    this.hot[list * 4 + TAIL] = 0;
    this.hot[list * 4 + END] = 0;
    this.hot[list * 4 + LAST] = -1;
    this.frozenStart[list + 1] = this.frozen.length;
    return list;
  }

  private grow(capacity: number): void {
    const hot = new Int32Array(capacity * 4);
    hot.set(this.hot);
    this.hot = hot;
    const head = new Int32Array(capacity);
    head.set(this.head);
    this.head = head;
    const level = new Uint8Array(capacity);
    level.set(this.level);
    this.level = level;
    const frozenStart = new Int32Array(capacity + 1);
    frozenStart.set(this.frozenStart);
    this.frozenStart = frozenStart;
    this.capacity = capacity;
  }

  /** Appends `doc` unless it is already the list's last document. Documents come in increasing order. */
  add(list: number, doc: number): void {
    const hot = this.hot;
    const h = list * 4;
    const last = hot[h + LAST]!;
    if (last === doc) return;
    let delta = doc - last;
    hot[h + LAST] = doc;
    hot[h + COUNT]!++;
    let t = hot[h + TAIL]!;
    let n = 1;
    while (delta >= 0x80) {
      if (t === hot[h + END]) t = this.nextBlock(list);
      this.chunks[t >>> CHUNK_BITS]![t & CHUNK_MASK] = (delta & 0x7f) | 0x80;
      t++;
      n++;
      delta >>>= 7;
    }
    if (t === hot[h + END]) t = this.nextBlock(list);
    this.chunks[t >>> CHUNK_BITS]![t & CHUNK_MASK] = delta;
    hot[h + TAIL] = t + 1;
    this.liveBytes += n;
  }

  /** Starts a new block for `list`, links it from the current one and returns its address. */
  private nextBlock(list: number): number {
    const first = this.head[list] === -1;
    const level = first ? 0 : Math.min(this.level[list]! + 1, MAX_LEVEL);
    const size = BLOCK_SIZES[level]!;
    if (this.chunkUsed + size > CHUNK_SIZE) {
      this.chunks.push(new Uint8Array(CHUNK_SIZE));
      this.chunkUsed = 0;
    }
    const addr = ((this.chunks.length - 1) << CHUNK_BITS) | this.chunkUsed;
    this.chunkUsed += size;
    const hot = this.hot;
    if (first) {
      this.head[list] = addr;
    } else {
      const at = hot[list * 4 + END]!;
      const chunk = this.chunks[at >>> CHUNK_BITS]!;
      const o = at & CHUNK_MASK;
      chunk[o] = addr & 0xff;
      chunk[o + 1] = (addr >>> 8) & 0xff;
      chunk[o + 2] = (addr >>> 16) & 0xff;
      chunk[o + 3] = addr >>> 24;
    }
    this.level[list] = level;
    hot[list * 4 + TAIL] = addr;
    hot[list * 4 + END] = addr + size - 4;
    return addr;
  }

  /** The list's documents in increasing order. */
  decode(list: number): Int32Array {
    const out = new Int32Array(this.hot[list * 4 + COUNT]!);
    let k = 0;
    let cur = -1;
    let shift = 0;
    let acc = 0;
    const frozen = this.frozen;
    for (let p = this.frozenStart[list]!, end = this.frozenStart[list + 1]!; p < end; p++) {
      const b = frozen[p]!;
      acc |= (b & 0x7f) << shift;
      if (b < 0x80) {
        cur += acc;
        out[k++] = cur;
        acc = 0;
        shift = 0;
      } else shift += 7;
    }
    if (this.head[list] !== -1) {
      const stop = this.hot[list * 4 + TAIL]!;
      let level = 0;
      let p = this.head[list]!;
      let blockEnd = p + BLOCK_SIZES[0]! - 4;
      while (p !== stop) {
        if (p === blockEnd) {
          const chunk = this.chunks[p >>> CHUNK_BITS]!;
          const o = p & CHUNK_MASK;
          p = chunk[o]! | (chunk[o + 1]! << 8) | (chunk[o + 2]! << 16) | (chunk[o + 3]! << 24);
          level = Math.min(level + 1, MAX_LEVEL);
          blockEnd = p + BLOCK_SIZES[level]! - 4;
          continue;
        }
        const b = this.chunks[p >>> CHUNK_BITS]![p & CHUNK_MASK]!;
        p++;
        acc |= (b & 0x7f) << shift;
        if (b < 0x80) {
          cur += acc;
          out[k++] = cur;
          acc = 0;
          shift = 0;
        } else shift += 7;
      }
    }
    return out;
  }

  /** Calls `fn` with each run of the chain's bytes of `list`, in order. */
  private forEachChainRun(list: number, fn: (chunk: Uint8Array, from: number, to: number) => void): void {
    if (this.head[list] === -1) return;
    const stop = this.hot[list * 4 + TAIL]!;
    let level = 0;
    let p = this.head[list]!;
    for (;;) {
      const blockEnd = p + BLOCK_SIZES[level]! - 4;
      const chunk = this.chunks[p >>> CHUNK_BITS]!;
      const from = p & CHUNK_MASK;
      if (stop >= p && stop <= blockEnd) {
        fn(chunk, from, from + (stop - p));
        return;
      }
      fn(chunk, from, from + (blockEnd - p));
      const e = blockEnd & CHUNK_MASK;
      p = chunk[e]! | (chunk[e + 1]! << 8) | (chunk[e + 2]! << 16) | (chunk[e + 3]! << 24);
      level = Math.min(level + 1, MAX_LEVEL);
    }
  }

  /** Moves every list into one contiguous buffer and frees the slabs (less memory, faster reads). */
  freeze(): void {
    if (this.chunks.length === 0) return;
    const lists = this.lists;
    const out = new Uint8Array(this.frozen.length + this.liveBytes);
    let o = 0;
    const copy = (chunk: Uint8Array, from: number, to: number) => {
      out.set(chunk.subarray(from, to), o);
      o += to - from;
    };
    for (let l = 0; l < lists; l++) {
      const start = o;
      copy(this.frozen, this.frozenStart[l]!, this.frozenStart[l + 1]!);
      this.forEachChainRun(l, copy);
      this.frozenStart[l] = start;
      this.head[l] = -1;
      this.hot[l * 4 + TAIL] = 0;
      this.hot[l * 4 + END] = 0;
    }
    this.frozenStart[lists] = o;
    if (o !== out.length) throw new Error(`PostingPool.freeze copied ${o} bytes, expected ${out.length}`);
    this.frozen = out;
    this.chunks = [];
    this.chunkUsed = CHUNK_SIZE;
    this.liveBytes = 0;
  }

  /** Everything needed to rebuild the pool: per-list last/count/length and the concatenated bytes. */
  export(): { last: Int32Array; counts: Int32Array; lengths: Int32Array; bytes: Uint8Array } {
    this.freeze();
    const n = this.lists;
    const last = new Int32Array(n);
    const counts = new Int32Array(n);
    const lengths = new Int32Array(n);
    for (let l = 0; l < n; l++) {
      last[l] = this.hot[l * 4 + LAST]!;
      counts[l] = this.hot[l * 4 + COUNT]!;
      lengths[l] = this.frozenStart[l + 1]! - this.frozenStart[l]!;
    }
    return { last, counts, lengths, bytes: this.frozen };
  }

  static import(last: Int32Array, counts: Int32Array, lengths: Int32Array, bytes: Uint8Array): PostingPool {
    const pool = new PostingPool();
    const n = last.length;
    pool.grow(Math.max(1024, n));
    pool.lists = n;
    pool.head.fill(-1);
    let o = 0;
    for (let l = 0; l < n; l++) {
      pool.frozenStart[l] = o;
      o += lengths[l]!;
      pool.hot[l * 4 + LAST] = last[l]!;
      pool.hot[l * 4 + COUNT] = counts[l]!;
    }
    pool.frozenStart[n] = o;
    if (o !== bytes.length) throw new Error('posting lengths do not add up to the posting bytes');
    pool.frozen = bytes;
    return pool;
  }
}
