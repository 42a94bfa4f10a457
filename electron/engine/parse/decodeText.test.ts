import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText';
import { encodeGb18030, utf16 } from './testSupport';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const sample = '标题：王毅会见俄罗斯外长 — ok';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    const plain = decodeText(new TextEncoder().encode(sample));
    expect(plain).toMatchObject({ kind: 'text', text: sample, encoding: 'utf-8', invalidBytes: 0 });
    const bom = decodeText(fixture('utf8-bom.md'));
    expect(bom.kind === 'text' && bom.text.startsWith('\n---\ntitle: 王毅')).toBe(true);
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeText(utf16(sample, 'le'))).toMatchObject({ text: sample, encoding: 'utf-16le' });
    expect(decodeText(utf16(sample, 'be'))).toMatchObject({ text: sample, encoding: 'utf-16be' });
    const le = decodeText(fixture('utf16le.md'));
    expect(le.kind === 'text' && le.text.includes('中文正文')).toBe(true);
  });

  it('detects GB18030/GBK without being told', () => {
    expect(decodeText(encodeGb18030(sample))).toMatchObject({
      text: sample,
      encoding: 'gb18030',
      invalidBytes: 0,
    });
    const file = decodeText(fixture('gb18030.txt'));
    expect(file).toMatchObject({ kind: 'text', encoding: 'gb18030' });
    expect(file.kind === 'text' && file.text.includes('2022年08月06日')).toBe(true);
  });

  it('falls back to UTF-8 with replacement characters and counts them', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('abc'),
      0xff,
      0x80,
      ...new TextEncoder().encode('中'),
    ]);
    const result = decodeText(bytes);
    expect(result).toMatchObject({ kind: 'text', encoding: 'utf-8', invalidBytes: 2 });
    expect(result.kind === 'text' && result.text).toBe('abc\uFFFD\uFFFD中');
  });

  it('refuses binary content: NUL bytes or mostly control characters', () => {
    expect(decodeText(fixture('binary.md'))).toMatchObject({ kind: 'binary' });
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeText(controls).kind).toBe('binary');
    // a few stray control characters are still text
    const mostlyText = new TextEncoder().encode(`${'a'.repeat(200)}\u0001\u0007b`);
    expect(decodeText(mostlyText).kind).toBe('text');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(0))).toMatchObject({ kind: 'text', text: '' });
  });
});
