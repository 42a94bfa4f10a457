// File names for exported articles, from titles that come from the archive (untrusted): no path
// separators, no control or reserved characters, no Windows device names, no leading dots, bounded
// in bytes, unique within one export. The name never decides the folder: callers join it to the
// destination and write with O_EXCL, so nothing outside the destination is ever written or replaced.

/** Bytes of a name before its extension (most file systems allow 255 for the whole name). */
const MAX_NAME_BYTES = 150;

const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** A safe base name (no extension) for this title; `fallback` when nothing usable is left. */
export function safeBaseName(title: string, fallback: string): string {
  let name = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  name = cutToBytes(name, MAX_NAME_BYTES).replace(/[.\s]+$/, '');
  if (name === '' || RESERVED.test(name)) name = name === '' ? fallback : `_${name}`;
  return name;
}

function cutToBytes(text: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > max) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** Hands out names unique within one folder, case-insensitively (macOS and Windows fold case). */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  take(base: string, extension: string): string {
    let name = `${base}${extension}`;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base} (${n})${extension}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
