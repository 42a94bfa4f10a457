import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniffImage';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImage', () => {
  it('recognises raster formats by their magic bytes', () => {
    expect(sniffImage(bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13]))).toBe('image/png');
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffImage(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffImage(bytes('GIF87a', [1, 0]))).toBe('image/gif');
    expect(sniffImage(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('image/avif');
    expect(sniffImage(bytes('BM', new Array(30).fill(0)))).toBe('image/bmp');
    expect(sniffImage(bytes([0, 0, 1, 0, 1, 0, 16, 16]))).toBe('image/x-icon');
  });

  it('recognises SVG after a BOM, XML declaration, comments and doctype', () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(
      sniffImage(
        bytes(
          '\xef\xbb\xbf  <?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>',
        ),
      ),
    ).toBe('image/svg+xml');
  });

  it('refuses HTML, text, XML that is not SVG, and truncated headers, whatever they claim to be', () => {
    expect(sniffImage(bytes('<!doctype html><html><body>Not found</body></html>'))).toBeNull();
    expect(sniffImage(bytes('<html><svg></svg></html>'))).toBeNull();
    expect(sniffImage(bytes('<?xml version="1.0"?><rss></rss>'))).toBeNull();
    expect(sniffImage(bytes('<svgfoo>'))).toBeNull();
    expect(sniffImage(bytes('{"error": "hotlinking"}'))).toBeNull();
    expect(sniffImage(bytes('\x89PN'))).toBeNull();
    expect(sniffImage(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffImage(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
