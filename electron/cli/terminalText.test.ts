import { describe, expect, it } from 'vitest';
import { displayWidth, fitToWidth, formatLocalDateTime, truncateToWidth } from './terminalText';

describe('terminal text', () => {
  it('counts CJK and fullwidth characters as two columns and marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('王毅会见')).toBe(8);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('한국')).toBe(4);
  });

  it('truncates by columns, never splitting a wide character over the limit', () => {
    expect(truncateToWidth('王毅会见俄罗斯外长', 7)).toBe('王毅会…');
    expect(displayWidth(truncateToWidth('王毅会见俄罗斯外长', 7))).toBe(7);
    expect(truncateToWidth('short', 10)).toBe('short');
    expect(fitToWidth('王毅', 6)).toBe('王毅  ');
    expect(fitToWidth('abcdefgh', 5)).toBe('abcd…');
  });

  it('formats a UTC instant in the given zone', () => {
    expect(formatLocalDateTime('2022-08-06T04:07:06.000Z', 'UTC')).toBe('2022-08-06 04:07');
    expect(formatLocalDateTime('2022-08-06T16:07:06.000Z', 'Asia/Shanghai')).toBe('2022-08-07 00:07');
    expect(formatLocalDateTime('not a date', 'UTC')).toBe('not a date');
  });
});
