// The index's data and how one document gets into it. Searching lives in SearchIndex.ts,
// (de)serialization in indexCodec.ts.
//
// Each document gets a dense number (never reused until a compaction). Its fields are folded and
// stored joined as  title \0 author \0 category \0 ... \0 text , which is what verification and
// snippets read. Two sets of posting lists share one PostingPool:
//   body  - over all fields: CJK bigrams and words.
//   title - bigrams, unigrams and words of the title only, to rank title hits without reading titles
// Body unigrams (which documents contain each CJK character) live in CharPostings, mostly as bitmaps:
// as varint lists they would add ~50% to the postings.

import { Buffer } from 'node:buffer';
import { CJK, CLASS, FOLD, WORD } from '../../../shared/charClass';
import { CharPostings } from './CharPostings';
import { KeyBatch } from './KeyBatch';
import { KeyTable } from './KeyTable';
import { PostingPool } from './PostingPool';
import { WordDictionary } from './WordDictionary';

// Module-local copies: some loaders turn imported bindings into getters, too slow per character.
const fold = FOLD;
const classOf = CLASS;
const K_CJK = CJK;
const K_WORD = WORD;

export interface IndexDoc {
  id: string;
  path?: string;
  title: string;
  text: string;
  author?: string;
  categories: string[];
  /** Publication time, ms since epoch (NaN when unknown: ranks last, fails date filters). */
  dateMs: number;
}

export interface DocRecord {
  id: string;
  path: string;
  title: string;
  author: string | undefined;
  categories: string[];
  dateMs: number;
  /** Folded fields joined by U+0000 (see the file comment). */
  folded: string;
  /** Pairs (position, original unit) where folding changed a unit, by position; null when none. */
  diffs: Uint32Array | null;
  titleLen: number;
  textStart: number;
  /** True when `folded` has units above U+00FF (stored two bytes a unit). */
  wide: boolean;
}

/** Words longer than this are indexed by their first MAX_WORD units (queries then verify). */
export const MAX_WORD = 64;

const BATCH_MIN = 1 << 14;
const BATCH_MAX = 1 << 22;

const SEEN_BITS = 13;
const SEEN_SIZE = 1 << SEEN_BITS;
const SEEN_MASK = SEEN_SIZE - 1;
const SEEN_SHIFT = 32 - SEEN_BITS;
const SEEN_LIMIT = SEEN_SIZE / 4;

export class PostingSide {
  readonly uni = new Int32Array(0x10000).fill(-1);
  pairs: KeyTable;
  readonly words = new WordDictionary();
  constructor(capacity: number) {
    this.pairs = new KeyTable(capacity);
  }
}

export class IndexState {
  pool = new PostingPool();
  body = new PostingSide(1 << 16);
  title = new PostingSide(1 << 12);
  /** Body unigrams. */
  chars = new CharPostings();
  docs: (DocRecord | null)[] = [];
  /** dateMs for ranking (NaN -> -Infinity), by document number; NaN marks a removed document. */
  rankDate = new Float64Array(1024);
  byId = new Map<string, number>();
  deleted = 0;

  private scratch = new Uint16Array(4096);
  private scratchBytes = Buffer.from(this.scratch.buffer);
  private latin = Buffer.alloc(4096);
  private spans: number[] = [];
  /**
   * Body CJK occurrences not yet posted (see KeyBatch). Adds only buffer; `flush()` posts them and
   * must run before postings are read. The buffer grows with a burst of adds up to BATCH_MAX.
   */
  private batch = new KeyBatch(BATCH_MIN);
  // Per-document dedupe of buffered bigrams: seenStamp[slot] holds the document number.
  private readonly seenKeys = new Int32Array(SEEN_SIZE);
  private readonly seenStamp = new Int32Array(SEEN_SIZE).fill(-1);
  private seenDoc = -1;
  private seenCount = 0;
  private diffs: number[] = [];
  // The distinct CJK units of the document being added: charStamp[unit] holds the document number.
  private readonly charStamp = new Int32Array(0x10000).fill(-1);
  private readonly docChars = new Uint16Array(0x10000);
  private docCharCount = 0;

  get size(): number {
    return this.byId.size;
  }

  /** Adds a document under a new number (the caller removed any older version first). */
  addDoc(doc: IndexDoc): void {
    const num = this.docs.length;
    const author = doc.author ?? '';
    let need = doc.title.length + author.length + doc.text.length + 2;
    for (const c of doc.categories) need += c.length + 1;
    if (this.scratch.length < need) {
      let n = this.scratch.length;
      while (n < need) n *= 2;
      this.scratch = new Uint16Array(n);
      this.scratchBytes = Buffer.from(this.scratch.buffer);
      this.latin = Buffer.alloc(n);
    }
    this.spans.length = 0;
    this.diffs.length = 0;
    this.docCharCount = 0;
    if (this.batch.length > 0 && this.batch.length + 2 * need > BATCH_MAX) this.post();
    this.batch.reserve(2 * need);
    let o = this.scanField(doc.title, 0, num, true);
    const titleLen = o;
    this.scratch[o++] = 0;
    o = this.scanField(author, o, num, false);
    this.scratch[o++] = 0;
    for (const c of doc.categories) {
      o = this.scanField(c, o, num, false);
      this.scratch[o++] = 0;
    }
    const textStart = o;
    o = this.scanField(doc.text, o, num, false);

    this.chars.addDoc(num, this.docChars, this.docCharCount);
    const wide = this.isWide(o);
    const folded = this.decodeScratch(o, wide);
    this.indexWords(folded, num, titleLen);
    if (num === this.rankDate.length) {
      const grown = new Float64Array(num * 2);
      grown.set(this.rankDate);
      this.rankDate = grown;
    }
    this.rankDate[num] = Number.isNaN(doc.dateMs) ? Number.NEGATIVE_INFINITY : doc.dateMs;
    this.docs.push({
      id: doc.id,
      path: doc.path ?? '',
      title: doc.title,
      author: doc.author,
      categories: [...doc.categories],
      dateMs: doc.dateMs,
      folded,
      diffs: this.diffs.length ? Uint32Array.from(this.diffs) : null,
      titleLen,
      textStart,
      wide,
    });
    this.byId.set(doc.id, num);
  }

  removeDoc(id: string): boolean {
    const num = this.byId.get(id);
    if (num === undefined) return false;
    this.byId.delete(id);
    // Postings keep the number; searches skip null records.
    this.docs[num] = null;
    this.rankDate[num] = Number.NaN;
    this.deleted++;
    return true;
  }

  /** Posts every buffered CJK occurrence and shrinks the buffer. Must run before postings are read. */
  flush(): void {
    this.post();
    if (this.batch.capacity > BATCH_MIN) this.batch = new KeyBatch(BATCH_MIN);
  }

  private post(): void {
    const batch = this.batch;
    const n = batch.length;
    if (n === 0) return;
    batch.sort();
    const keys = batch.keys;
    const docs = batch.docs;
    const pool = this.pool;
    const pairs = this.body.pairs;
    let i = 0;
    while (i < n) {
      const key = keys[i]!;
      let l = pairs.get(key);
      if (l < 0) {
        l = pool.newList();
        pairs.set(key, l);
      }
      do pool.add(l, docs[i++]!);
      while (i < n && keys[i] === key);
    }
    batch.length = 0;
  }

  /** Folds `s` into the scratch buffer at `o`, buffering its CJK bigrams and noting word spans. */
  private scanField(s: string, start: number, num: number, isTitle: boolean): number {
    const scratch = this.scratch;
    const diffs = this.diffs;
    const spans = this.spans;
    const batch = this.batch;
    const keys = batch.keys;
    const docs = batch.docs;
    const seenKeys = this.seenKeys;
    const seenStamp = this.seenStamp;
    const charStamp = this.charStamp;
    const docChars = this.docChars;
    let docCharCount = this.docCharCount;
    let seenCount = num === this.seenDoc ? this.seenCount : 0;
    let b = batch.length;
    let o = start;
    let prev = 0;
    let wordStart = -1;
    const n = s.length;
    for (let i = 0; i < n; i++, o++) {
      const c = s.charCodeAt(i);
      const f = fold[c]!;
      scratch[o] = f;
      if (f !== c) diffs.push(o, c);
      const k = classOf[f]!;
      if (k === K_CJK) {
        if (charStamp[f] !== num) {
          charStamp[f] = num;
          docChars[docCharCount++] = f;
        }
        if (wordStart >= 0) {
          spans.push(wordStart, o);
          wordStart = -1;
        }
        if (prev !== 0) {
          const key = (prev << 16) | f;
          // Skip bigrams this document already buffered (a small cache-resident set; once it is
          // a quarter full, duplicates are left to PostingPool.add).
          let fresh = true;
          if (seenCount < SEEN_LIMIT) {
            let h = Math.imul(key, 0x9e3779b1) >>> SEEN_SHIFT;
            while (seenStamp[h] === num) {
              if (seenKeys[h] === key) {
                fresh = false;
                break;
              }
              h = (h + 1) & SEEN_MASK;
            }
            if (fresh) {
              seenStamp[h] = num;
              seenKeys[h] = key;
              seenCount++;
            }
          }
          if (fresh) {
            keys[b] = key;
            docs[b++] = num;
          }
          if (isTitle) this.postTitlePair(key, num);
        }
        if (isTitle) this.postTitleUni(f, num);
        prev = f;
      } else {
        prev = 0;
        if (k === K_WORD) {
          if (wordStart < 0) wordStart = o;
        } else if (wordStart >= 0) {
          spans.push(wordStart, o);
          wordStart = -1;
        }
      }
    }
    if (wordStart >= 0) spans.push(wordStart, o);
    batch.length = b;
    this.docCharCount = docCharCount;
    this.seenDoc = num;
    this.seenCount = seenCount;
    return o;
  }

  private postTitleUni(f: number, num: number): void {
    const uni = this.title.uni;
    let l = uni[f]!;
    if (l < 0) {
      l = this.pool.newList();
      uni[f] = l;
    }
    this.pool.add(l, num);
  }

  private postTitlePair(key: number, num: number): void {
    const pairs = this.title.pairs;
    let l = pairs.get(key);
    if (l < 0) {
      l = this.pool.newList();
      pairs.set(key, l);
    }
    this.pool.add(l, num);
  }

  private indexWords(folded: string, num: number, titleLen: number): void {
    const spans = this.spans;
    for (let i = 0; i < spans.length; i += 2) {
      const a = spans[i]!;
      const b = Math.min(spans[i + 1]!, a + MAX_WORD);
      this.postWord(this.body.words, folded, a, b, num);
      if (b <= titleLen) this.postWord(this.title.words, folded, a, b, num);
    }
  }

  private postWord(words: WordDictionary, folded: string, a: number, b: number, num: number): void {
    let l = words.getUnits(this.scratch, a, b);
    if (l < 0) {
      l = this.pool.newList();
      words.set(folded.slice(a, b), l);
    }
    this.pool.add(l, num);
  }

  /** The first `n` scratch units as a flat string (one byte per char when they all fit). */
  private isWide(n: number): boolean {
    const scratch = this.scratch;
    let max = 0;
    for (let i = 0; i < n; i++) max |= scratch[i]!;
    return max >= 0x100;
  }

  private decodeScratch(n: number, wide: boolean): string {
    const scratch = this.scratch;
    if (!wide) {
      const latin = this.latin;
      for (let i = 0; i < n; i++) latin[i] = scratch[i]!;
      return latin.toString('latin1', 0, n);
    }
    return this.scratchBytes.toString('utf16le', 0, n * 2);
  }
}
