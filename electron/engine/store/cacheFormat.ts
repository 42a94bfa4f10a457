// The warm-start cache file, encoded and decoded without I/O:
//
//   "BRDSCACH" | u32 format version | u32 header bytes H | u32 crc32 of the header | header JSON
//   | summaries JSON (UTF-16LE) | search index blob | "BEND"
//
// The header gives each section's length and crc32, so a reader takes the sections one at a time:
// the summaries (a few hundred ms for 100,000 articles) put headlines on screen before the much
// larger search index has even been read. Each section is checked before it is used; a section
// that fails its check is never partly used.
//
// UTF-16LE for the summaries: decoding it is a copy (UTF-8 would be a transcoding pass over CJK
// text), and it stores any JS string exactly, lone surrogates included.

import { crc32 } from 'node:zlib';
import type { ArticleSummary, Problem } from '../../../shared/types';

// 3: a degraded article's summary carries its problems, so a warm start need not parse it again.
export const CACHE_FORMAT_VERSION = 3;
const MAGIC = Buffer.from('BRDSCACH', 'latin1');
const END = Buffer.from('BEND', 'latin1');
export const CACHE_PREAMBLE_BYTES = 20;
const TRAILER = END.byteLength;

/** A summary as cached: a degraded article keeps the problems that say why. */
export type CachedArticle = ArticleSummary & { problems?: Problem[] };

export interface CacheContents {
  /** Every article's summary, including the mtimeMs and size the scan compares. */
  articles: CachedArticle[];
  /** The SearchIndex's own serialisation, stored as is. */
  searchIndex?: Uint8Array;
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
  summaryCrc: number;
  searchIndexBytes: number | null;
  searchIndexCrc: number | null;
}

/** Where each section is, from a header that has been checked against the file. */
export interface CacheLayout {
  articleCount: number;
  savedAt: string;
  summaries: { offset: number; length: number; crc: number };
  searchIndex: { offset: number; length: number; crc: number } | null;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

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

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** The file's bytes, as a list of buffers to write one after another. */
export function encodeCache(key: CacheKey, contents: CacheContents, savedAt: Date): Buffer[] {
  const summaries = Buffer.from(JSON.stringify(contents.articles), 'utf16le');
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
    articleCount: contents.articles.length,
    summaryBytes: summaries.byteLength,
    summaryCrc: crc32(summaries),
    searchIndexBytes: index ? index.byteLength : null,
    searchIndexCrc: index ? crc32(index) : null,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const parts = [
    MAGIC,
    u32(CACHE_FORMAT_VERSION),
    u32(headerBytes.byteLength),
    u32(crc32(headerBytes)),
    headerBytes,
    summaries,
  ];
  if (index) parts.push(index);
  parts.push(END);
  return parts;
}

/** From the first CACHE_PREAMBLE_BYTES of the file: how long the header is. */
export function decodePreamble(preamble: Buffer): Decoded<{ headerBytes: number; headerCrc: number }> {
  if (preamble.byteLength < CACHE_PREAMBLE_BYTES || !preamble.subarray(0, 8).equals(MAGIC)) {
    return fail('the file is not a Broadsheet cache (damaged or truncated)');
  }
  const version = preamble.readUInt32LE(8);
  if (version !== CACHE_FORMAT_VERSION)
    return fail(`the cache format ${version} is not ${CACHE_FORMAT_VERSION}`);
  return {
    ok: true,
    value: { headerBytes: preamble.readUInt32LE(12), headerCrc: preamble.readUInt32LE(16) },
  };
}

/** Checks the header (its bytes follow the preamble) against the file's size and the wanted key. */
export function decodeHeader(
  headerBytes: Buffer,
  headerCrc: number,
  fileSize: number,
  key: CacheKey,
): Decoded<CacheLayout> {
  if (crc32(headerBytes) !== headerCrc) return fail('the cache checksum does not match: the file is damaged');
  let header: CacheHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as CacheHeader;
  } catch {
    return fail('the cache header is damaged');
  }
  const start = CACHE_PREAMBLE_BYTES + headerBytes.byteLength;
  const expected = start + header.summaryBytes + (header.searchIndexBytes ?? 0) + TRAILER;
  if (expected !== fileSize) {
    return fail(`the cache is ${fileSize} bytes, expected ${expected}: truncated or damaged`);
  }
  if (header.engineVersion !== key.engineVersion) {
    return fail(`the cache was made by engine ${header.engineVersion}, this is ${key.engineVersion}`);
  }
  if (JSON.stringify(header.roots) !== JSON.stringify(normaliseRoots(key.roots))) {
    return fail('the cache is for other library folders');
  }
  const summaries = { offset: start, length: header.summaryBytes, crc: header.summaryCrc };
  const searchIndex =
    header.searchIndexBytes === null || header.searchIndexCrc === null
      ? null
      : { offset: start + header.summaryBytes, length: header.searchIndexBytes, crc: header.searchIndexCrc };
  return {
    ok: true,
    value: { articleCount: header.articleCount, savedAt: header.savedAt, summaries, searchIndex },
  };
}

/** The trailer's place and expected bytes: a file cut at a section boundary still fails here. */
export function trailerOffset(fileSize: number): number {
  return fileSize - TRAILER;
}

export function checkTrailer(bytes: Buffer): Decoded<null> {
  return bytes.equals(END)
    ? { ok: true, value: null }
    : fail('the cache does not end where it should: the file is damaged');
}

export function decodeSummaries(bytes: Buffer, layout: CacheLayout): Decoded<CachedArticle[]> {
  if (crc32(bytes) !== layout.summaries.crc)
    return fail('the cache checksum does not match: the file is damaged');
  let articles: unknown;
  try {
    articles = JSON.parse(bytes.toString('utf16le'));
  } catch {
    return fail('the cached summaries are damaged');
  }
  if (!Array.isArray(articles) || articles.length !== layout.articleCount)
    return fail('the cached summaries are damaged');
  return { ok: true, value: articles as CachedArticle[] };
}

export function checkSearchIndex(bytes: Buffer, layout: CacheLayout): Decoded<Uint8Array> {
  if (!layout.searchIndex || crc32(bytes) !== layout.searchIndex.crc)
    return fail('the cache checksum does not match: the file is damaged');
  return { ok: true, value: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** The whole file at once (tests, tools); the app reads it a section at a time (LibraryCache). */
export function decodeCache(file: Buffer, key: CacheKey): CacheDecode {
  const preamble = decodePreamble(file.subarray(0, CACHE_PREAMBLE_BYTES));
  if (!preamble.ok) return { contents: null, reason: preamble.reason };
  const headerEnd = CACHE_PREAMBLE_BYTES + preamble.value.headerBytes;
  if (headerEnd + TRAILER > file.byteLength) return { contents: null, reason: 'the cache is truncated' };
  const header = decodeHeader(
    file.subarray(CACHE_PREAMBLE_BYTES, headerEnd),
    preamble.value.headerCrc,
    file.byteLength,
    key,
  );
  if (!header.ok) return { contents: null, reason: header.reason };
  const layout = header.value;
  const trailer = checkTrailer(file.subarray(trailerOffset(file.byteLength)));
  if (!trailer.ok) return { contents: null, reason: trailer.reason };
  const section = (s: { offset: number; length: number }) => file.subarray(s.offset, s.offset + s.length);
  const articles = decodeSummaries(section(layout.summaries), layout);
  if (!articles.ok) return { contents: null, reason: articles.reason };
  const contents: CacheContents = { articles: articles.value };
  if (layout.searchIndex) {
    const index = checkSearchIndex(section(layout.searchIndex), layout);
    if (!index.ok) return { contents: null, reason: index.reason };
    contents.searchIndex = index.value;
  }
  return { contents };
}
