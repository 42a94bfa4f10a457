// Open-addressing hash map from a non-zero 32-bit key (a CJK bigram: two code units) to a list number.
// Typed arrays instead of a Map: millions of keys, looked up once per character while indexing.
// Key and value share one array (slot i at 2i, 2i+1) so a lookup touches one cache line.

export class KeyTable {
  private slots: Int32Array;
  private mask: number;
  private shift: number;
  private used = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap * 0.75 < capacity) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  get size(): number {
    return this.used;
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = slots[i * 2]!;
      if (k === key) return slots[i * 2 + 1]!;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Sets `key` (which must not be present yet). */
  set(key: number, value: number): void {
    if (this.used + 1 > (this.mask + 1) * 0.75) this.rehash();
    const slots = this.slots;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (slots[i * 2] !== 0) i = (i + 1) & mask;
    slots[i * 2] = key;
    slots[i * 2 + 1] = value;
    this.used++;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.shift--;
    this.used = 0;
    for (let i = 0; i < old.length; i += 2) {
      const k = old[i]!;
      if (k !== 0) this.set(k, old[i + 1]!);
    }
  }

  forEach(fn: (key: number, value: number) => void): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 2) {
      const k = slots[i]!;
      if (k !== 0) fn(k, slots[i + 1]!);
    }
  }
}
