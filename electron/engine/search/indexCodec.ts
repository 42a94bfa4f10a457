// Binary form of an IndexState for the warm-start cache. Loading it must take seconds, not a rebuild:
// posting bytes are copied as one block and hash tables are refilled from (key, list) pairs.
//
// Layout (little-endian): "BSIX" | version u32 | payload length u32 | checksum u32 | payload
//   payload: docs, the posting list count, the body and title sides, the body's character postings,
//   then the posting pool.
// Any damage (wrong magic/version, truncation, checksum, out-of-range numbers) throws an Error whose
// message says the cache must be rebuilt; callers rebuild from the articles.

import { Buffer } from 'node:buffer';
import { crc32 } from 'node:zlib';
import type { CharPostings } from './CharPostings';
import { type DocRecord, IndexState, type PostingSide } from './IndexState';
import { KeyTable } from './KeyTable';
import { PostingPool } from './PostingPool';

const MAGIC = 0x58495342; // "BSIX" read as little-endian u32
export const INDEX_FORMAT_VERSION = 3;
const HEADER = 16;

const F_PRESENT = 1;
const F_AUTHOR = 2;
const F_DIFFS = 4;
const F_WIDE = 8;

const isWideString = (s: string) => /[^\0-\xff]/.test(s);

class Writer {
  readonly buf: Buffer;
  pos = 0;
  constructor(size: number) {
    // A fresh ArrayBuffer, not a slice of Node's shared pool that would outlive its use.
    this.buf = Buffer.from(new ArrayBuffer(size));
  }
  u8(v: number): void {
    this.buf[this.pos++] = v;
  }
  u32(v: number): void {
    this.buf.writeUInt32LE(v >>> 0, this.pos);
    this.pos += 4;
  }
  i32(v: number): void {
    this.buf.writeInt32LE(v, this.pos);
    this.pos += 4;
  }
  f64(v: number): void {
    this.buf.writeDoubleLE(v, this.pos);
    this.pos += 8;
  }
  str(s: string, wide = isWideString(s)): void {
    this.u8(wide ? 1 : 0);
    this.u32(s.length);
    this.pos += this.buf.write(s, this.pos, wide ? 'utf16le' : 'latin1');
  }
  bytes(b: Uint8Array): void {
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  ints(a: Int32Array): void {
    this.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
}

const strSize = (s: string, wide = isWideString(s)) => 5 + s.length * (wide ? 2 : 1);

export class DamagedIndexError extends Error {}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}
  get remaining(): number {
    return this.buf.length - this.pos;
  }
  private need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.buf.length) damaged(`${what} runs past the end of the data`);
  }
  u8(): number {
    this.need(1, 'a byte');
    return this.buf[this.pos++]!;
  }
  u32(): number {
    this.need(4, 'a number');
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4, 'a number');
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  f64(): number {
    this.need(8, 'a date');
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }
  str(): string {
    const wide = this.u8();
    if (wide > 1) damaged('a string has an unknown encoding');
    const n = this.u32() * (wide ? 2 : 1);
    this.need(n, 'a string');
    const s = this.buf.toString(wide ? 'utf16le' : 'latin1', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  bytes(n: number): Uint8Array {
    this.need(n, 'a block');
    const out = new Uint8Array(n);
    out.set(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return out;
  }
  ints(n: number): Int32Array {
    return new Int32Array(this.bytes(n * 4).buffer);
  }
}

function damaged(why: string): never {
  throw new DamagedIndexError(
    `The search index cache is damaged (${why}); it has to be rebuilt from the articles.`,
  );
}

// zlib's crc32 is native: ~75 ms for the 470 MB index of 100,000 articles, where a JS loop took ~190.
function checksum(bytes: Uint8Array): number {
  return crc32(bytes) >>> 0;
}

function sideSize(side: PostingSide): number {
  let size = 0x10000 * 4 + 4 + side.pairs.size * 8 + 4;
  side.words.forEach((w) => {
    size += strSize(w) + 4;
  });
  return size;
}

function charsSize(chars: CharPostings): number {
  let size = 4;
  chars.forEach((_unit, count, list, bits) => {
    size += 13 + (list ? count * 4 : bits!.byteLength);
  });
  return size;
}

// Per character: unit u32, count u32, kind u8 (0 list, 1 bitmap), length u32 (ints), the ints.
function writeChars(w: Writer, chars: CharPostings): void {
  w.u32(chars.size);
  chars.forEach((unit, count, list, bits) => {
    w.u32(unit);
    w.u32(count);
    w.u8(list ? 0 : 1);
    const ints = list ?? new Int32Array(bits!.buffer, bits!.byteOffset, bits!.length);
    w.u32(ints.length);
    w.ints(ints);
  });
}

function readChars(r: Reader, chars: CharPostings, docCount: number): void {
  const n = r.u32();
  if (n > 0x10000) damaged('the character count is impossible');
  const words = (docCount + 31) >>> 5;
  for (let i = 0; i < n; i++) {
    const unit = r.u32();
    const count = r.u32();
    const kind = r.u8();
    const length = r.u32();
    if (unit > 0xffff || kind > 1 || count > docCount || length > r.remaining / 4 || chars.count(unit) !== 0)
      damaged('a character entry is invalid');
    const ints = r.ints(length);
    if (kind === 0) {
      if (length !== count) damaged('a character list has the wrong length');
      let last = -1;
      for (let k = 0; k < length; k++) {
        if (ints[k]! <= last || ints[k]! >= docCount) damaged('a character list is out of order');
        last = ints[k]!;
      }
      chars.restore(unit, count, ints, undefined, docCount);
    } else {
      if (length > words) damaged('a character bitmap is too long');
      const bits = new Uint32Array(ints.buffer, ints.byteOffset, ints.length);
      let set = 0;
      for (let k = 0; k < bits.length; k++) {
        let v = bits[k]!;
        while (v !== 0) {
          v &= v - 1;
          set++;
        }
      }
      if (set !== count) damaged('a character bitmap does not match its count');
      chars.restore(unit, count, undefined, bits, docCount);
    }
  }
}

function writeSide(w: Writer, side: PostingSide): void {
  w.ints(side.uni);
  w.u32(side.pairs.size);
  side.pairs.forEach((key, list) => {
    w.i32(key);
    w.i32(list);
  });
  w.u32(side.words.size);
  side.words.forEach((word, list) => {
    w.str(word);
    w.i32(list);
  });
}

export function encodeIndex(state: IndexState): Uint8Array {
  const pool = state.pool.export();
  let size = HEADER + 4;
  for (const rec of state.docs) {
    size += 1;
    if (rec === null) continue;
    size += strSize(rec.id) + strSize(rec.path) + strSize(rec.title) + 4 + 8 + 4 + 4;
    if (rec.author !== undefined) size += strSize(rec.author);
    for (const c of rec.categories) size += strSize(c);
    size += strSize(rec.folded, rec.wide);
    if (rec.diffs) size += 4 + rec.diffs.byteLength;
  }
  size += sideSize(state.body) + sideSize(state.title) + charsSize(state.chars);
  size += 4 + pool.last.byteLength * 3 + 4 + pool.bytes.length;

  const w = new Writer(size);
  w.pos = HEADER;
  w.u32(state.docs.length);
  for (const rec of state.docs) {
    if (rec === null) {
      w.u8(0);
      continue;
    }
    w.u8(
      F_PRESENT |
        (rec.author !== undefined ? F_AUTHOR : 0) |
        (rec.diffs ? F_DIFFS : 0) |
        (rec.wide ? F_WIDE : 0),
    );
    w.str(rec.id);
    w.str(rec.path);
    w.str(rec.title);
    if (rec.author !== undefined) w.str(rec.author);
    w.u32(rec.categories.length);
    for (const c of rec.categories) w.str(c);
    w.f64(rec.dateMs);
    w.u32(rec.titleLen);
    w.u32(rec.textStart);
    w.str(rec.folded, rec.wide);
    if (rec.diffs) {
      w.u32(rec.diffs.length);
      w.bytes(new Uint8Array(rec.diffs.buffer, rec.diffs.byteOffset, rec.diffs.byteLength));
    }
  }
  w.u32(pool.last.length);
  writeSide(w, state.body);
  writeSide(w, state.title);
  writeChars(w, state.chars);
  w.ints(pool.last);
  w.ints(pool.counts);
  w.ints(pool.lengths);
  w.u32(pool.bytes.length);
  w.bytes(pool.bytes);
  if (w.pos !== size) throw new Error(`Search index serialization wrote ${w.pos} bytes, expected ${size}`);

  const payload = w.buf.subarray(HEADER);
  w.pos = 0;
  w.u32(MAGIC);
  w.u32(INDEX_FORMAT_VERSION);
  w.u32(payload.length);
  w.u32(checksum(payload));
  return new Uint8Array(w.buf.buffer, w.buf.byteOffset, size);
}

function readSide(r: Reader, side: PostingSide, lists: number): void {
  const uni = r.ints(0x10000);
  for (let i = 0; i < uni.length; i++)
    if (uni[i]! < -1 || uni[i]! >= lists) damaged('a character list is out of range');
  side.uni.set(uni);
  const pairs = r.u32();
  if (pairs > r.remaining / 8) damaged('the bigram count is impossible');
  // Sized up front: refilling a growing table in the old table's slot order would cluster badly.
  side.pairs = new KeyTable(pairs);
  for (let i = 0; i < pairs; i++) {
    const key = r.i32();
    const list = r.i32();
    if (key === 0 || list < 0 || list >= lists || side.pairs.get(key) !== -1)
      damaged('a bigram entry is invalid');
    side.pairs.set(key, list);
  }
  const words = r.u32();
  for (let i = 0; i < words; i++) {
    const word = r.str();
    const list = r.i32();
    if (list < 0 || list >= lists || side.words.get(word) !== -1) damaged('a word entry is invalid');
    side.words.set(word, list);
  }
}

export function decodeIndex(bytes: Uint8Array): IndexState {
  if (!(bytes instanceof Uint8Array))
    throw new DamagedIndexError('The search index cache is not binary data.');
  if (bytes.length < HEADER) damaged('it is shorter than its header');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.readUInt32LE(0) !== MAGIC) damaged('it does not start with the index signature');
  const version = buf.readUInt32LE(4);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new DamagedIndexError(
      `The search index cache has format version ${version}, this version of Broadsheet reads ${INDEX_FORMAT_VERSION}; it has to be rebuilt from the articles.`,
    );
  }
  const length = buf.readUInt32LE(8);
  if (length !== buf.length - HEADER)
    damaged(`it holds ${buf.length - HEADER} bytes, its header says ${length}`);
  const payload = buf.subarray(HEADER);
  if (checksum(payload) !== buf.readUInt32LE(12)) damaged('its checksum does not match');

  const r = new Reader(payload);
  const state = new IndexState();
  const count = r.u32();
  if (count > payload.length) damaged('the document count is impossible');
  for (let num = 0; num < count; num++) {
    const flags = r.u8();
    if (!(flags & F_PRESENT)) {
      state.docs.push(null);
      state.deleted++;
      continue;
    }
    const id = r.str();
    const path = r.str();
    const title = r.str();
    const author = flags & F_AUTHOR ? r.str() : undefined;
    const cats = r.u32();
    if (cats > payload.length) damaged('a category count is impossible');
    const categories: string[] = [];
    for (let i = 0; i < cats; i++) categories.push(r.str());
    const dateMs = r.f64();
    const titleLen = r.u32();
    const textStart = r.u32();
    const folded = r.str();
    let diffs: Uint32Array | null = null;
    if (flags & F_DIFFS) {
      const n = r.u32();
      if (n % 2 !== 0 || n > payload.length) damaged('a document has an odd change list');
      diffs = new Uint32Array(r.bytes(n * 4).buffer);
    }
    if (titleLen > textStart || textStart > folded.length || state.byId.has(id))
      damaged(`document ${id} is inconsistent`);
    const rec: DocRecord = {
      id,
      path,
      title,
      author,
      categories,
      dateMs,
      folded,
      diffs,
      titleLen,
      textStart,
      wide: (flags & F_WIDE) !== 0,
    };
    state.docs.push(rec);
    state.byId.set(id, num);
  }
  state.rankDate = new Float64Array(Math.max(1024, count));
  state.docs.forEach((rec, num) => {
    if (rec) state.rankDate[num] = Number.isNaN(rec.dateMs) ? Number.NEGATIVE_INFINITY : rec.dateMs;
    else state.rankDate[num] = Number.NaN;
  });

  const lists = r.u32();
  if (lists > payload.length) damaged('the list count is impossible');
  readSide(r, state.body, lists);
  readSide(r, state.title, lists);
  readChars(r, state.chars, count);
  state.chars.tidy();
  const last = r.ints(lists);
  const counts = r.ints(lists);
  const lengths = r.ints(lists);
  const total = r.u32();
  for (let l = 0; l < lists; l++) {
    if (last[l]! < -1 || last[l]! >= count || counts[l]! < 0 || lengths[l]! < 0 || counts[l]! > lengths[l]!) {
      damaged(`posting list ${l} is out of range`);
    }
  }
  const postings = r.bytes(total);
  if (r.pos !== payload.length) damaged('there are bytes after the end');
  try {
    state.pool = PostingPool.import(last, counts, lengths, postings);
  } catch (error) {
    damaged((error as Error).message);
  }
  return state;
}
