import { BINARY_SNIFF_BYTES } from './limits';

export type DecodeResult =
  | {
      kind: 'text';
      text: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
      invalidBytes: number;
    }
  | { kind: 'binary'; reason: string };

// Decoders are reusable and cheap to call; creating them per file showed up in profiles.
const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const gb18030Fatal = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

/**
 * Turns a file's bytes into text without being told the encoding: a BOM decides (UTF-8, UTF-16 LE/BE);
 * otherwise strict UTF-8, then strict GB18030 (Chinese archives saved by older tools), and as a last
 * resort UTF-8 with U+FFFD for the bytes that fit nothing (`invalidBytes` counts them).
 * Binary files (NUL bytes, or mostly control characters, in the first 8 KB) are refused.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return { kind: 'text', text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le', invalidBytes: 0 };
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return { kind: 'text', text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be', invalidBytes: 0 };
    }
  }
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const content = hasUtf8Bom ? bytes.subarray(3) : bytes;

  // NUL never occurs in UTF-8 or GB18030 text: a native scan refuses most binaries before decoding.
  const nul = content.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) return { kind: 'binary', reason: `it contains a NUL byte at offset ${nul}` };

  let decoded: { text: string; encoding: 'utf-8' | 'gb18030'; invalidBytes: number } | undefined;
  try {
    decoded = { text: utf8Fatal.decode(content), encoding: 'utf-8', invalidBytes: 0 };
  } catch {
    // not UTF-8: try the Chinese legacy encoding next
  }
  if (!decoded && !hasUtf8Bom) {
    try {
      decoded = { text: gb18030Fatal.decode(content), encoding: 'gb18030', invalidBytes: 0 };
    } catch {
      // neither: fall through to lenient UTF-8
    }
  }
  if (!decoded) {
    const text = utf8Lenient.decode(content);
    decoded = { text, encoding: 'utf-8', invalidBytes: countReplacementChars(text) };
  }
  const binary = controlCharacterReason(decoded.text);
  return binary ? { kind: 'binary', reason: binary } : { kind: 'text', ...decoded };
}

// C0 controls other than tab, newline, form feed, carriage return and escape (seen in scraped text).
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001a\u001c-\u001f]/g;
const SNIFF_CHARS = BINARY_SNIFF_BYTES;

/** Why the start of the text looks binary (mostly control characters), or '' when it looks like text. */
function controlCharacterReason(text: string): string {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(head)) return '';
  const controls = head.match(CONTROL)?.length ?? 0;
  // A few stray control characters happen in scraped text; a tenth of the file does not.
  if (controls * 10 > head.length) {
    return `${Math.round((controls * 100) / head.length)}% of its first ${head.length} characters are control characters`;
  }
  return '';
}

function countReplacementChars(text: string): number {
  let count = 0;
  let from = text.indexOf('\uFFFD');
  while (from !== -1) {
    count++;
    from = text.indexOf('\uFFFD', from + 1);
  }
  return count;
}
