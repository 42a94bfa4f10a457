// Folded words -> list numbers, with prefix lookup.
//
// Lookup while indexing works on the scratch buffer directly (hash + compare), so a word already
// known costs no string allocation. Prefix lookup uses a sorted array; words added since the last
// sort wait in a small pending list that is scanned linearly and merged in once it grows, so live
// updates never re-sort everything.

const PENDING_LIMIT = 4096;

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 1; // never 0: 0 marks an empty slot
}

function hashUnits(units: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
  return h | 1;
}

export class WordDictionary {
  private words: string[] = [];
  private lists: number[] = [];
  /** Open addressing: slot i holds [hash, entry index] at 2i, 2i+1. */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private sorted: string[] = [];
  private pending: string[] = [];

  get size(): number {
    return this.words.length;
  }

  get(word: string): number {
    const h = hashString(word);
    const slots = this.slots;
    for (let i = (h >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const sh = slots[i * 2]!;
      if (sh === 0) return -1;
      if (sh === h) {
        const e = slots[i * 2 + 1]!;
        if (this.words[e] === word) return this.lists[e]!;
      }
    }
  }

  /** The list of the word held in units[from, to), or -1. */
  getUnits(units: Uint16Array, from: number, to: number): number {
    const h = hashUnits(units, from, to);
    const slots = this.slots;
    const len = to - from;
    for (let i = (h >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const sh = slots[i * 2]!;
      if (sh === 0) return -1;
      if (sh === h) {
        const e = slots[i * 2 + 1]!;
        const w = this.words[e]!;
        if (w.length === len) {
          let k = 0;
          while (k < len && w.charCodeAt(k) === units[from + k]) k++;
          if (k === len) return this.lists[e]!;
        }
      }
    }
  }

  /** Adds `word` (which must not be present yet). */
  set(word: string, list: number): void {
    const e = this.words.length;
    this.words.push(word);
    this.lists.push(list);
    if (this.words.length * 2 > this.mask + 1) this.rehash();
    else this.place(hashString(word), e);
    this.pending.push(word);
    if (this.pending.length > PENDING_LIMIT) this.mergePending();
  }

  private place(h: number, e: number): void {
    const slots = this.slots;
    let i = (h >>> 0) & this.mask;
    while (slots[i * 2] !== 0) i = (i + 1) & this.mask;
    slots[i * 2] = h;
    slots[i * 2 + 1] = e;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let e = 0; e < this.words.length; e++) this.place(hashString(this.words[e]!), e);
  }

  /** Lists of every word starting with `prefix`. */
  withPrefix(prefix: string): number[] {
    const out: number[] = [];
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(this.get(sorted[i]!));
    for (const word of this.pending) if (word.startsWith(prefix)) out.push(this.get(word));
    return out;
  }

  private mergePending(): void {
    const add = this.pending.sort();
    const old = this.sorted;
    const merged: string[] = new Array(old.length + add.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < add.length) merged[k++] = old[i]! < add[j]! ? old[i++]! : add[j++]!;
    while (i < old.length) merged[k++] = old[i++]!;
    while (j < add.length) merged[k++] = add[j++]!;
    this.sorted = merged;
    this.pending = [];
  }

  forEach(fn: (word: string, list: number) => void): void {
    for (let e = 0; e < this.words.length; e++) fn(this.words[e]!, this.lists[e]!);
  }

  /** Approximate heap bytes (strings, tables, sorted array). */
  get bytes(): number {
    let chars = 0;
    for (const word of this.words) chars += word.length;
    return chars * 2 + this.words.length * 40 + this.slots.byteLength;
  }
}
