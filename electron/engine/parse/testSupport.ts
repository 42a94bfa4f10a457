// Helpers for this folder's tests (not used by the engine).
import type { RawFile } from './parseArticle';

let gbTable: Map<string, number[]> | undefined;

/** Encodes text as GB18030 for the BMP characters GBK covers (Node has no GB18030 encoder). */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (!gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
        } catch {
          // not a two-byte code
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [a, b] = endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 + i * 2] = a;
    out[3 + i * 2] = b;
  }
  return out;
}

export function rawFile(
  text: string | Uint8Array,
  path = '/library/news/article.md',
  mtimeMs = Date.UTC(2024, 0, 2, 3, 4, 5),
): RawFile {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { path, root: '/library', bytes, mtimeMs, size: bytes.length };
}
