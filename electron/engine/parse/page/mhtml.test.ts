import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, imageLookup, looksLikeMime, pointsOutside, readMhtml } from './mhtml';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const message = (parts: string[], boundary = 'b-1', close = true) =>
  enc(
    `MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html";\r\n boundary="${boundary}"\r\n\r\n` +
      parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') +
      (close ? `--${boundary}--\r\n` : ''),
  );

describe('readMhtml', () => {
  it('finds the HTML part (base64, a charset) and the picture parts by location and cid', () => {
    const html = Buffer.from(
      '<html><body>caf\u00e9 <img src="a.png"><img src="cid:x@y"></body></html>',
      'latin1',
    );
    const reading = readMhtml(
      message([
        `Content-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://s.test/dir/page\r\n\r\n${html.toString('base64')}`,
        'Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://s.test/dir/a.png\r\n\r\niVBORw0KGgo=',
        'Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <x@y>\r\n\r\nR0lGODlh',
        'Content-Type: text/css\r\nContent-Location: https://s.test/site.css\r\n\r\nbody{}',
      ]),
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.html).toContain('café');
    expect(reading.truncated).toBe(false);
    const find = imageLookup(reading);
    expect(find('a.png')?.contentType).toBe('image/png'); // relative to the page's location
    expect(find('cid:x@y')?.contentType).toBe('image/gif');
    expect(find('https://s.test/site.css')).toBeUndefined(); // not a picture
    expect(find('https://elsewhere.test/a.png')).toBeUndefined();
  });

  it('says a message cut off before its closing boundary is truncated, and keeps what is there', () => {
    const reading = readMhtml(message(['Content-Type: text/html\r\n\r\n<p>half a pa'], 'b-1', false));
    expect(reading).toMatchObject({ ok: true, truncated: true });
    if (reading.ok) expect(reading.html).toContain('half a pa');
  });

  it('refuses, with the reason, what is not a usable message', () => {
    expect(readMhtml(enc('no headers at all'))).toMatchObject({ ok: false });
    expect(readMhtml(enc('Content-Type: multipart/related\r\n\r\nbody'))).toEqual({
      ok: false,
      reason: 'its multipart content type names no boundary',
    });
    expect(readMhtml(message(['Content-Type: image/png\r\n\r\nxx']))).toEqual({
      ok: false,
      reason: 'none of its 1 parts is HTML',
    });
    expect(readMhtml(enc('Content-Type: application/pdf\r\n\r\n%PDF'))).toMatchObject({ ok: false });
  });

  it('keeps parts that point at this machine out of the lookup', () => {
    const reading = readMhtml(
      message([
        'Content-Type: text/html\r\n\r\n<img src="file:///etc/passwd"><img src="/etc/hosts">',
        'Content-Type: image/png\r\nContent-Location: file:///etc/passwd\r\n\r\nxx',
        'Content-Type: image/png\r\nContent-Location: /etc/hosts\r\n\r\nxx',
      ]),
    );
    expect(reading.ok && reading.outside).toEqual(['file:///etc/passwd', '/etc/hosts']);
    if (reading.ok) {
      expect(imageLookup(reading)('file:///etc/passwd')).toBeUndefined();
      expect(imageLookup(reading)('/etc/hosts')).toBeUndefined();
    }
  });

  it('tells a MIME message from an HTML file', () => {
    expect(looksLikeMime(enc('From: <Saved by Blink>\r\nContent-Type: multipart/related\r\n'))).toBe(true);
    expect(looksLikeMime(enc('<!DOCTYPE html><html>'))).toBe(false);
  });
});

describe('pointsOutside', () => {
  it('only web addresses, cid: and data: stay inside', () => {
    for (const inside of ['https://a.test/x.png', 'http://a.test/x', 'cid:abc', 'data:image/png;base64,AA']) {
      expect(pointsOutside(inside)).toBe(false);
    }
    for (const outside of [
      'file:///etc/passwd',
      '../secret.png',
      '/etc/hosts',
      'C:\\Windows\\x.png',
      'x.png',
    ]) {
      expect(pointsOutside(outside)).toBe(true);
    }
  });
});

describe('decodeQuotedPrintable', () => {
  it('decodes =XX bytes and joins soft line breaks, leaving a stray = alone', () => {
    expect(Buffer.from(decodeQuotedPrintable('caf=C3=A9 a=\r\nb =ZZ x=3D1')).toString('utf8')).toBe(
      'café ab =ZZ x=1',
    );
  });
});
