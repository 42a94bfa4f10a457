import { describe, expect, it } from 'vitest';
import type { CleanRule } from '../parse/cleanup/cleanRules';
import { cacheVersionFor, changeNeedsReparse, parseOptionsFor } from './parseSettings';
import { ENGINE_VERSION } from './warmStart';

const rule: CleanRule = { name: 'footer', classes: ['footer'] };
const other: CleanRule = { name: 'ads', classes: ['ads'] };

describe('parseOptionsFor', () => {
  it('passes the zone, and the clean-up as set: off, built-in, or with the user rules', () => {
    expect(parseOptionsFor({ dateTimeZone: '', cleanUp: true }, [])).toEqual({});
    expect(parseOptionsFor({ dateTimeZone: 'Asia/Shanghai', cleanUp: true }, [])).toEqual({
      timeZone: 'Asia/Shanghai',
    });
    expect(parseOptionsFor({ dateTimeZone: '', cleanUp: false }, [rule])).toEqual({ clean: false });
    expect(parseOptionsFor({ dateTimeZone: '', cleanUp: true }, [rule])).toEqual({ userCleanRules: [rule] });
  });
});

describe('cacheVersionFor', () => {
  it('names the engine and the clean-up that filled the cache, so another one is not trusted', () => {
    const plain = cacheVersionFor({ cleanUp: true }, []);
    const off = cacheVersionFor({ cleanUp: false }, [rule]);
    const withRule = cacheVersionFor({ cleanUp: true }, [rule]);
    const withOther = cacheVersionFor({ cleanUp: true }, [other]);
    expect(plain).toBe(ENGINE_VERSION);
    expect(new Set([plain, off, withRule, withOther]).size).toBe(4);
    expect(cacheVersionFor({ cleanUp: true }, [rule])).toBe(withRule);
  });
});

describe('changeNeedsReparse', () => {
  const before = { dateTimeZone: '', cleanUp: true };
  it('is true only when the zone or the clean-up really changes', () => {
    expect(changeNeedsReparse(before, { dateTimeZone: 'Europe/Paris' })).toBe(true);
    expect(changeNeedsReparse(before, { cleanUp: false })).toBe(true);
    expect(changeNeedsReparse(before, { dateTimeZone: '', cleanUp: true })).toBe(false);
    expect(changeNeedsReparse(before, { textSize: 20 })).toBe(false);
  });
});
