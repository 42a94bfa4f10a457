import { describe, expect, it } from 'vitest';
import { codePointLength, collapseWhitespace, cutCodePoints } from './text';

describe('text helpers', () => {
  it('collapses every kind of whitespace, including ideographic spaces and blank lines', () => {
    expect(collapseWhitespace('\u3000\u3000a\n\n  b\t\u00a0c ')).toBe('a b c');
  });
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('a😀中')).toBe(3);
    expect(codePointLength('\uD83D')).toBe(1); // a lone surrogate is one
  });
  it('cuts by code points without splitting a pair', () => {
    expect(cutCodePoints('😀😀😀', 2)).toBe('😀😀');
    expect(cutCodePoints('abc', 5)).toBe('abc');
  });
});
