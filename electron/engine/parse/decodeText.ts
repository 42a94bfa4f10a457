import { BINARY_SNIFF_BYTES } from './limits';

type DecodeResult =
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

const CONTROL_RUN = /[\u0001-\u0008\u000b\u000e-\u001a\u001c-\u001f]+/g;

/**
 * Why the start of the text looks binary (control characters all through it), or '' when it looks like
 * text. A run of control characters counts as one: a damaged copy of an article can hold hundreds of
 * 0x10 bytes in one place and still be an article, while binary data scatters them everywhere.
 */
function controlCharacterReason(text: string): string {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(head)) return '';
  let runs = 0;
  let controls = 0;
  for (const run of head.matchAll(CONTROL_RUN)) {
    runs++;
    controls += run[0].length;
  }
  // A few stray runs happen in scraped text; one run in every ten characters does not.
  if (runs * 10 > head.length - controls + runs) {
    return `${Math.round((controls * 100) / head.length)}% of its first ${head.length} characters are control characters`;
  }
  return '';
}

// Eight or more control characters in a row are damage (a run of 0x10 bytes in a bad copy), not a
// terminal escape or a stray character a scraper kept: they are removed, and reported.
const DAMAGED_RUN = /[\u0001-\u0008\u000b\u000e-\u001a\u001c-\u001f]{8,}/g;

/** The text without its runs of control characters, how many were removed, and the line of the first run. */
export function removeControlRuns(text: string): { text: string; removed: number; firstLine: number } {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return { text, removed: 0, firstLine: 0 };
  DAMAGED_RUN.lastIndex = 0;
  const first = DAMAGED_RUN.exec(text);
  if (!first) return { text, removed: 0, firstLine: 0 };
  let firstLine = 1;
  for (let i = 0; i < first.index; i++) if (text.charCodeAt(i) === 0x0a) firstLine++;
  let removed = 0;
  const cleaned = text.replace(DAMAGED_RUN, (run) => {
    removed += run.length;
    return '';
  });
  return { text: cleaned, removed, firstLine };
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
