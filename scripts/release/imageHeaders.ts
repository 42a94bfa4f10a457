// Reads the pixel sizes out of the icon files the installers embed, from their headers alone:
// PNG (IHDR), Windows .ico (directory of embedded PNGs) and macOS .icns (typed PNG entries).

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  /** 6 = RGBA, the only type with the alpha channel every platform's icons need. */
  colorType: number;
}

export function readPngHeader(bytes: Uint8Array, what: string): PngHeader {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 26 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error(`${what} is not a PNG (no PNG signature)`);
  }
  if (buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${what}: first PNG chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25] ?? -1 };
}

/** Entries of an .ico whose images are PNGs (what generate-icons.mjs writes; Vista and later read them). */
export function readIcoEntries(bytes: Uint8Array, what: string): { claimed: number; image: PngHeader }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 6 || buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) {
    throw new Error(`${what} is not an .ico file (bad ICONDIR header)`);
  }
  const count = buf.readUInt16LE(4);
  const entries: { claimed: number; image: PngHeader }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    if (at + 16 > buf.length) throw new Error(`${what}: directory entry ${i} runs past the end of the file`);
    const claimed = buf[at] === 0 ? 256 : (buf[at] ?? 0);
    const length = buf.readUInt32LE(at + 8);
    const offset = buf.readUInt32LE(at + 12);
    if (offset + length > buf.length) throw new Error(`${what}: image ${i} runs past the end of the file`);
    entries.push({
      claimed,
      image: readPngHeader(buf.subarray(offset, offset + length), `${what} image ${i}`),
    });
  }
  return entries;
}

/** Entries of an .icns: each is a 4-character type, a big-endian length (header included), then data. */
export function readIcnsEntries(bytes: Uint8Array, what: string): { type: string; image: PngHeader }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('ascii', 0, 4) !== 'icns')
    throw new Error(`${what} is not an .icns file`);
  if (buf.readUInt32BE(4) !== buf.length) {
    throw new Error(`${what}: header says ${buf.readUInt32BE(4)} bytes, file has ${buf.length}`);
  }
  const entries: { type: string; image: PngHeader }[] = [];
  for (let at = 8; at < buf.length; ) {
    const type = buf.toString('ascii', at, at + 4);
    const length = at + 8 <= buf.length ? buf.readUInt32BE(at + 4) : 0;
    if (length <= 8 || at + length > buf.length) throw new Error(`${what}: entry ${type} has a bad length`);
    entries.push({ type, image: readPngHeader(buf.subarray(at + 8, at + length), `${what} entry ${type}`) });
    at += length;
  }
  return entries;
}

/** Apple's PNG-capable icon types and the pixel size each must hold. */
export const ICNS_TYPE_SIZES: Readonly<Record<string, number>> = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};
