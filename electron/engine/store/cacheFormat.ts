// The warm-start cache file, encoded and decoded without I/O:
//
//   "BRDSCACH" | u32 format version | u32 header bytes H | header JSON (UTF-8, H bytes)
//   | summaries JSON (UTF-16LE) | text lengths (u32 LE per article, UTF-16 units; 0xFFFFFFFF = none)
//   | texts (UTF-16LE, articles in order) | search index blob | u32 crc32 of all before | "BEND"
//
// UTF-16LE, not UTF-8, for the big text parts: decoding it is a copy, and it stores any JS string
// exactly (lone surrogates included), so lengths never drift. CJK text is also smaller (2 bytes a
// character against 3); ASCII-heavy text is twice the size, a fair price for the load time.
//
// The header lists every section's byte length, so a truncated file is caught by its size and a
// flipped byte by the checksum (zlib's crc32: ~30 ms for 200 MB here, against ~95 ms for sha1).
// A cache that fails any check is ignored, never partly used.

import { crc32 } from 'node:zlib';
import type { ArticleSummary } from '../../../shared/types';

export const CACHE_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('BRDSCACH', 'latin1');
const END = Buffer.from('BEND', 'latin1');
const PREAMBLE = 16;
const TRAILER = 8;
const NO_TEXT = 0xffffffff;

export interface CacheContents {
  /** Every article's summary, including the mtimeMs and size the scan compares. */
  articles: ArticleSummary[];
  /**
   * Plain text by article id, for rebuilding the search index. `load` returns a CachedTexts,
   * which decodes each text only when asked; `save` takes that or a Map.
   */
  texts?: TextLookup;
  /** The SearchIndex's own serialisation, stored as is. */
  searchIndex?: Uint8Array;
}

export interface TextLookup {
  get(id: string): string | undefined;
}

/**
 * The cached texts, kept as UTF-16 bytes outside the JS heap and decoded one by one on `get`
 * (about a microsecond each): loading the cache does not wait for 150 MB of strings, and the
 * garbage collector never scans them.
 */
export class CachedTexts implements TextLookup {
  constructor(
    private readonly bytes: Buffer,
    /** Byte range of each id's text in `bytes`. */
    private readonly ranges: Map<string, [start: number, end: number]>,
  ) {}

  get size(): number {
    return this.ranges.size;
  }

  has(id: string): boolean {
    return this.ranges.has(id);
  }

  get(id: string): string | undefined {
    const range = this.ranges.get(id);
    return range ? this.bytes.toString('utf16le', range[0], range[1]) : undefined;
  }
}

export interface CacheKey {
  roots: readonly string[];
  engineVersion: string;
}

interface CacheHeader {
  engineVersion: string;
  roots: string[];
  savedAt: string;
  articleCount: number;
  summaryBytes: number;
  hasTexts: boolean;
  textBytes: number;
  searchIndexBytes: number | null;
}

export type CacheDecode =
  | { contents: CacheContents; reason?: undefined }
  | { contents: null; reason: string };

export function normaliseRoots(roots: readonly string[]): string[] {
  return [...new Set(roots)].sort();
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0, 0);
  return b;
}

/** The file's bytes, as a list of buffers to write one after another. */
/** The file's bytes, as a list of buffers to write one after another. */
export function encodeCache(key: CacheKey, contents: CacheContents, savedAt: Date): Buffer[] {
  const { articles, texts } = contents;
  const summaries = Buffer.from(JSON.stringify(articles), 'utf16le');
  const lengths = Buffer.alloc(texts ? articles.length * 4 : 0);
  let textUnits = 0;
  if (texts) {
    articles.forEach((article, i) => {
      const text = texts.get(article.id);
      lengths.writeUInt32LE(text === undefined ? NO_TEXT : text.length, i * 4);
      textUnits += text?.length ?? 0;
    });
  }
  const textBytes = Buffer.allocUnsafe(textUnits * 2);
  if (texts) {
    let at = 0;
    for (const article of articles) {
      const text = texts.get(article.id);
      if (text) at += textBytes.write(text, at, 'utf16le');
    }
  }
  const index = contents.searchIndex
    ? Buffer.from(
        contents.searchIndex.buffer,
        contents.searchIndex.byteOffset,
        contents.searchIndex.byteLength,
      )
    : null;
  const header: CacheHeader = {
    engineVersion: key.engineVersion,
    roots: normaliseRoots(key.roots),
    savedAt: savedAt.toISOString(),
    articleCount: articles.length,
    summaryBytes: summaries.byteLength,
    hasTexts: texts !== undefined,
    textBytes: textBytes.byteLength,
    searchIndexBytes: index ? index.byteLength : null,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const parts = [
    MAGIC,
    u32(CACHE_FORMAT_VERSION),
    u32(headerBytes.byteLength),
    headerBytes,
    summaries,
    lengths,
    textBytes,
  ];
  if (index) parts.push(index);
  let crc = 0;
  for (const part of parts) crc = crc32(part, crc);
  parts.push(u32(crc), END);
  return parts;
}

function fail(reason: string): CacheDecode {
  return { contents: null, reason };
}

export function decodeCache(file: Buffer, key: CacheKey): CacheDecode {
  if (file.byteLength < PREAMBLE + TRAILER || !file.subarray(0, 8).equals(MAGIC)) {
    return fail('the file is not a Broadsheet cache (damaged or truncated)');
  }
  const version = file.readUInt32LE(8);
  if (version !== CACHE_FORMAT_VERSION)
    return fail(`the cache format ${version} is not ${CACHE_FORMAT_VERSION}`);
  const headerLength = file.readUInt32LE(12);
  if (PREAMBLE + headerLength + TRAILER > file.byteLength) return fail('the cache is truncated');
  let header: CacheHeader;
  try {
    header = JSON.parse(file.toString('utf8', PREAMBLE, PREAMBLE + headerLength)) as CacheHeader;
  } catch {
    return fail('the cache header is damaged');
  }
  const lengthsBytes = header.hasTexts ? header.articleCount * 4 : 0;
  const expected =
    PREAMBLE +
    headerLength +
    header.summaryBytes +
    lengthsBytes +
    header.textBytes +
    (header.searchIndexBytes ?? 0) +
    TRAILER;
  if (expected !== file.byteLength) {
    return fail(`the cache is ${file.byteLength} bytes, expected ${expected}: truncated or damaged`);
  }
  if (header.engineVersion !== key.engineVersion) {
    return fail(`the cache was made by engine ${header.engineVersion}, this is ${key.engineVersion}`);
  }
  if (JSON.stringify(header.roots) !== JSON.stringify(normaliseRoots(key.roots))) {
    return fail('the cache is for other library folders');
  }
  const body = file.byteLength - TRAILER;
  if (crc32(file.subarray(0, body)) !== file.readUInt32LE(body) || !file.subarray(body + 4).equals(END)) {
    return fail('the cache checksum does not match: the file is damaged');
  }

  let at = PREAMBLE + headerLength;
  let articles: ArticleSummary[];
  try {
    articles = JSON.parse(file.toString('utf16le', at, at + header.summaryBytes)) as ArticleSummary[];
  } catch {
    return fail('the cached summaries are damaged');
  }
  if (!Array.isArray(articles) || articles.length !== header.articleCount)
    return fail('the cached summaries are damaged');
  at += header.summaryBytes;

  const contents: CacheContents = { articles };
  if (header.hasTexts) {
    const lengthsAt = at;
    at += lengthsBytes;
    const textsStart = at;
    const textsEnd = at + header.textBytes;
    const ranges = new Map<string, [number, number]>();
    for (let i = 0; i < header.articleCount; i++) {
      const units = file.readUInt32LE(lengthsAt + i * 4);
      if (units === NO_TEXT) continue;
      if (at + units * 2 > textsEnd) return fail('the cached texts do not line up: the file is damaged');
      ranges.set(articles[i]!.id, [at - textsStart, at - textsStart + units * 2]);
      at += units * 2;
    }
    if (at !== textsEnd) return fail('the cached texts do not line up: the file is damaged');
    // A copy of just the texts, so they do not pin the whole file's buffer.
    contents.texts = new CachedTexts(Buffer.from(file.subarray(textsStart, textsEnd)), ranges);
  }
  if (header.searchIndexBytes !== null) {
    // A copy, so the index does not pin the whole file's buffer in memory.
    contents.searchIndex = new Uint8Array(file.subarray(at, at + header.searchIndexBytes));
  }
  return { contents };
}
