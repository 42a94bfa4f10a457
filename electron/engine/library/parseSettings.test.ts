import { describe, expect, it } from 'vitest';
import type { CleanRule } from '../parse/cleanup/cleanRules';
import { changeNeedsReparse, ENGINE_VERSION, libraryVersionFor, parseOptionsFor } from './parseSettings';

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

describe('libraryVersionFor', () => {
  it('names the engine, the clean-up and the zone that filled the database, so another one is rebuilt', () => {
    const plain = libraryVersionFor({ cleanUp: true, dateTimeZone: '' }, []);
    const off = libraryVersionFor({ cleanUp: false, dateTimeZone: '' }, [rule]);
    const withRule = libraryVersionFor({ cleanUp: true, dateTimeZone: '' }, [rule]);
    const withOther = libraryVersionFor({ cleanUp: true, dateTimeZone: '' }, [other]);
    const zoned = libraryVersionFor({ cleanUp: true, dateTimeZone: 'Asia/Shanghai' }, []);
    const zonedOff = libraryVersionFor({ cleanUp: false, dateTimeZone: 'Asia/Shanghai' }, []);
    expect(plain).toBe(ENGINE_VERSION);
    expect(new Set([plain, off, withRule, withOther, zoned, zonedOff]).size).toBe(6);
    expect(libraryVersionFor({ cleanUp: true, dateTimeZone: '' }, [rule])).toBe(withRule);
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
