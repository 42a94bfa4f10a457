// .mhtml/.mht: a web page saved as one MIME multipart message (RFC 2557): the HTML in one part, its
// pictures and styles in others, each with a Content-Location (the address it came from) or a
// Content-ID that the HTML refers to as `cid:…`. Pure: the bytes in, the page and its parts out.
// Nothing is ever read from disk or the network: a part is only what the file itself holds.

import { decodeText } from '../decodeText';
import { MAX_MHTML_PARTS } from '../limits';

interface MhtmlPart {
  contentType: string;
  /** As written in the part's headers ('' when absent). */
  location: string;
  /** Without the angle brackets ('' when absent). */
  contentId: string;
  body: Uint8Array;
}

type MhtmlReading =
  | {
      ok: true;
      html: string;
      /** The HTML part's Content-Location: what relative references in it are resolved against. */
      baseUrl: string;
      /** Picture parts (raster formats only). */
      images: MhtmlPart[];
      /** Picture parts whose Content-Location points outside the saved page (file:, paths): not used. */
      outside: string[];
      /** True when the last part was cut off (no closing boundary). */
      truncated: boolean;
      /** True when more than MAX_MHTML_PARTS parts were found: the rest were not read. */
      tooManyParts: boolean;
    }
  | { ok: false; reason: string };

const RASTER = /^image\/(?:png|jpe?g|gif|webp|avif|bmp)$/;

/** True when the bytes start like a MIME message (headers), not like an HTML document. */
export function looksLikeMime(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 4096));
  return /^(?:[\t ]*\r?\n)*[A-Za-z][A-Za-z0-9-]*:/.test(head) && /content-type:/i.test(head);
}

export function readMhtml(bytes: Uint8Array): MhtmlReading {
  const text = latin1(bytes);
  const top = splitHeaders(text, 0);
  if (!top) return { ok: false, reason: 'it has no MIME headers (no blank line after them)' };
  const contentType = top.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (!mediaType.startsWith('multipart/')) {
    if (mediaType === 'text/html') {
      const body = decodeTransfer(text.slice(top.bodyStart), top.headers.get('content-transfer-encoding'));
      return {
        ok: true,
        html: decodeHtml(body, contentType),
        baseUrl: top.headers.get('content-location') ?? '',
        images: [],
        outside: [],
        truncated: false,
        tooManyParts: false,
      };
    }
    return {
      ok: false,
      reason: `its content type is "${mediaType || 'missing'}", not multipart/related or text/html`,
    };
  }
  const boundary = parameter(contentType, 'boundary');
  if (!boundary) return { ok: false, reason: 'its multipart content type names no boundary' };

  const delimiter = `--${boundary}`;
  let at = text.indexOf(delimiter, top.bodyStart);
  if (at === -1) return { ok: false, reason: `the boundary "${boundary.slice(0, 80)}" never occurs` };
  const parts: { headers: Map<string, string>; body: string }[] = [];
  let truncated = true;
  let tooManyParts = false;
  while (at !== -1) {
    const afterDelimiter = at + delimiter.length;
    if (text.startsWith('--', afterDelimiter)) {
      truncated = false; // the closing delimiter
      break;
    }
    if (parts.length >= MAX_MHTML_PARTS) {
      tooManyParts = true;
      truncated = false;
      break;
    }
    const lineEnd = text.indexOf('\n', afterDelimiter);
    if (lineEnd === -1) break;
    const next = text.indexOf(`\n${delimiter}`, lineEnd);
    const end = next === -1 ? text.length : next;
    const raw = text.slice(lineEnd + 1, end);
    const part = splitHeaders(raw.endsWith('\r') ? raw.slice(0, -1) : raw, 0);
    if (part) parts.push({ headers: part.headers, body: part.text.slice(part.bodyStart) });
    at = next === -1 ? -1 : next + 1;
  }

  const start = parameter(contentType, 'start').replace(/^<|>$/g, '');
  const htmlPart =
    (start && parts.find((p) => contentIdOf(p.headers) === start)) ||
    parts.find((p) => (p.headers.get('content-type') ?? '').toLowerCase().trim().startsWith('text/html'));
  if (!htmlPart) {
    return {
      ok: false,
      reason: parts.length === 0 ? 'no part could be read' : `none of its ${parts.length} parts is HTML`,
    };
  }
  const images: MhtmlPart[] = [];
  const outside: string[] = [];
  for (const part of parts) {
    if (part === htmlPart) continue;
    const type = (part.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!RASTER.test(type)) continue;
    const location = (part.headers.get('content-location') ?? '').trim();
    if (location !== '' && pointsOutside(location)) {
      outside.push(location);
      continue;
    }
    images.push({
      contentType: type,
      location,
      contentId: contentIdOf(part.headers),
      body: decodeTransfer(part.body, part.headers.get('content-transfer-encoding')),
    });
  }
  return {
    ok: true,
    html: decodeHtml(
      decodeTransfer(htmlPart.body, htmlPart.headers.get('content-transfer-encoding')),
      htmlPart.headers.get('content-type') ?? '',
    ),
    baseUrl: (htmlPart.headers.get('content-location') ?? '').trim(),
    images,
    outside,
    truncated,
    tooManyParts,
  };
}

/**
 * A location that names something on this machine rather than the page's own web address: file:,
 * an absolute or relative path. Such a part is never used, and nothing is ever read from where it points.
 */
export function pointsOutside(location: string): boolean {
  if (/^(?:https?:|cid:|data:)/i.test(location)) return false;
  return true;
}

/** Finds the picture part an `src` refers to (by cid: or by address), or undefined. */
export function imageLookup(
  reading: Extract<MhtmlReading, { ok: true }>,
): (src: string) => MhtmlPart | undefined {
  const byKey = new Map<string, MhtmlPart>();
  for (const part of reading.images) {
    if (part.contentId) byKey.set(`cid:${part.contentId}`, part);
    if (part.location) {
      byKey.set(part.location, part);
      const absolute = absoluteUrl(part.location, '');
      if (absolute) byKey.set(absolute, part);
    }
  }
  return (src) => {
    const trimmed = src.trim();
    if (trimmed === '' || byKey.size === 0) return undefined;
    return byKey.get(trimmed) ?? byKey.get(absoluteUrl(trimmed, reading.baseUrl) ?? '');
  };
}

function absoluteUrl(url: string, base: string): string | undefined {
  try {
    const resolved = base && /^https?:/i.test(base) ? new URL(url, base) : new URL(url);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

function contentIdOf(headers: Map<string, string>): string {
  return (headers.get('content-id') ?? '').trim().replace(/^<|>$/g, '');
}

/** Headers (unfolded, names in lower case, the first of each kept) and where the body starts. */
function splitHeaders(
  text: string,
  from: number,
): { headers: Map<string, string>; bodyStart: number; text: string } | null {
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = from;
  // Leading blank lines before the first header are allowed.
  const lead = /^(?:[\t ]*\r?\n)*/.exec(text.slice(from, from + 1024))![0].length;
  blank.lastIndex = from + lead;
  const m = blank.exec(text);
  if (!m || m.index - from > 64 * 1024) return null;
  const headers = new Map<string, string>();
  const lines = text.slice(from + lead, m.index).split(/\r?\n/);
  let name = '';
  for (const line of lines) {
    if (/^[\t ]/.test(line) && name) {
      headers.set(name, `${headers.get(name)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      name = '';
      continue;
    }
    name = line.slice(0, colon).trim().toLowerCase();
    if (headers.has(name))
      name = ''; // the first of each header wins
    else headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, bodyStart: m.index + m[0].length, text };
}

/** A `name=value` or `name="value"` parameter of a header (case-insensitive name). */
function parameter(header: string, name: string): string {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? '') : '';
}

function decodeTransfer(body: string, encoding: string | undefined): Uint8Array {
  const kind = (encoding ?? '').trim().toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** RFC 2045 quoted-printable: `=XX` bytes, `=` at a line end joins lines. */
export function decodeQuotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=[\t ]*\r?\n/g, '');
  const out = Buffer.allocUnsafe(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 0x3d && i + 2 < joined.length) {
      const high = hexValue(joined.charCodeAt(i + 1));
      const low = hexValue(joined.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        out[n++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function decodeHtml(bytes: Uint8Array, contentType: string): string {
  const charset = parameter(contentType, 'charset').toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // an unknown label: guess as for any file
    }
  }
  const decoded = decodeText(bytes);
  return decoded.kind === 'text' ? decoded.text : new TextDecoder('utf-8').decode(bytes);
}

/** The picture part as a data: URI. */
export function dataUriOf(part: MhtmlPart): string {
  return `data:${part.contentType};base64,${Buffer.from(part.body.buffer, part.body.byteOffset, part.body.byteLength).toString('base64')}`;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
