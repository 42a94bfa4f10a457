// The installer icons in resources/icons (made by resources/icons/generate-icons.mjs) exist and
// hold the pixel sizes electron-builder and the operating systems expect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ICONS = join(import.meta.dirname, '..', '..', 'resources', 'icons');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes: Buffer): { width: number; height: number; colorType: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] ?? -1 };
}

describe('resources/icons', () => {
  it.each([16, 32, 48, 64, 128, 256, 512, 1024])('has %ix%i.png at that size with alpha', (size) => {
    expect(pngSize(readFileSync(join(ICONS, `${size}x${size}.png`)))).toEqual({
      width: size,
      height: size,
      colorType: 6,
    });
  });

  it('has icon.png large enough for every platform', () => {
    expect(pngSize(readFileSync(join(ICONS, 'icon.png'))).width).toBeGreaterThanOrEqual(512);
  });

  it('has icon.ico whose entries are PNGs of the sizes they claim, up to 256', () => {
    const ico = readFileSync(join(ICONS, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const claimed = ico[e] === 0 ? 256 : (ico[e] ?? -1);
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = pngSize(ico.subarray(offset, offset + length));
      expect(image.width).toBe(claimed);
      expect(image.height).toBe(claimed);
      sizes.push(claimed);
    }
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256]);
  });

  it('has icon.icns whose PNG entries match their types, up to 1024', () => {
    const icns = readFileSync(join(ICONS, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
    };
    const seen: string[] = [];
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      const image = pngSize(icns.subarray(offset + 8, offset + length));
      expect(image.width, type).toBe(expected[type]);
      seen.push(type);
      offset += length;
    }
    expect(seen.sort()).toEqual(Object.keys(expected).sort());
  });
});
