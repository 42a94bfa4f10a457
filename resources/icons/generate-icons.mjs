// Draws the Broadsheet icon (a folded newspaper page) and writes every file the installers need:
// NxN.png for Linux, icon.png, icon.ico (Windows) and icon.icns (macOS), all from the same PNGs.
// No image libraries: shapes are rasterised with 4x4 supersampling and PNGs written with zlib.
//
//   node resources/icons/generate-icons.mjs [output-folder]

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 32, 48, 64, 128, 256];
// Apple's PNG-based icon types by pixel size.
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

const INK = [31, 41, 55];
const PAPER = [250, 250, 245];
const ACCENT = [185, 28, 28];
const PHOTO = [107, 114, 128];

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
const rect = (x0, y0, x1, y1) => roundedRect(x0, y0, x1, y1, 0);

// Painted in order; later layers cover earlier ones. Coordinates are fractions of the icon size.
const LAYERS = [
  [roundedRect(0.12, 0.08, 0.88, 0.92, 0.07), INK],
  [roundedRect(0.155, 0.115, 0.845, 0.885, 0.045), PAPER],
  [rect(0.22, 0.18, 0.78, 0.3), ACCENT],
  [rect(0.22, 0.34, 0.78, 0.365), INK],
  [rect(0.22, 0.41, 0.47, 0.6), PHOTO],
  [rect(0.52, 0.41, 0.78, 0.45), INK],
  [rect(0.52, 0.485, 0.78, 0.525), INK],
  [rect(0.52, 0.56, 0.72, 0.6), INK],
  [rect(0.22, 0.65, 0.78, 0.69), INK],
  [rect(0.22, 0.725, 0.78, 0.765), INK],
  [rect(0.22, 0.8, 0.64, 0.84), INK],
];

const SAMPLES = 4;

export function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let color = null;
          for (const [inside, c] of LAYERS) if (inside(x, y)) color = c;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO holding PNG images (Windows Vista and later read these). */
export function encodeIco(pngsBySize) {
  const header = Buffer.alloc(6 + 16 * ICO_SIZES.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(ICO_SIZES.length, 4);
  let offset = header.length;
  ICO_SIZES.forEach((size, i) => {
    const png = pngsBySize.get(size);
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size; // 0 means 256
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...ICO_SIZES.map((s) => pngsBySize.get(s))]);
}

export function encodeIcns(pngsBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngsBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export function writeIcons(outDir) {
  mkdirSync(outDir, { recursive: true });
  const pngs = new Map();
  for (const size of SIZES) {
    const png = encodePng(size, drawIcon(size));
    pngs.set(size, png);
    writeFileSync(join(outDir, `${size}x${size}.png`), png);
  }
  writeFileSync(join(outDir, 'icon.png'), pngs.get(1024));
  writeFileSync(join(outDir, 'icon.ico'), encodeIco(pngs));
  writeFileSync(join(outDir, 'icon.icns'), encodeIcns(pngs));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)));
  writeIcons(outDir);
  console.log(`Wrote Broadsheet icons to ${outDir}`);
}
