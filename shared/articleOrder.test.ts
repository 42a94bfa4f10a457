import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst, compareOldestFirst, inOrder, isUndated, type Ordered } from './articleOrder';

const a = (id: string, date: string, undated = false): Ordered => ({
  id,
  date,
  ...(undated ? { undated } : {}),
});

describe('the list order', () => {
  it('puts dated articles newest first, equal dates by id, undated ones after all of them', () => {
    const list = [
      a('u-new', '2030-01-01T00:00:00.000Z', true),
      a('old', '2001-01-01T00:00:00.000Z'),
      a('b', '2022-08-06T04:07:06.000Z'),
      a('a', '2022-08-06T04:07:06.000Z'),
      a('u-old', '2000-01-01T00:00:00.000Z', true),
      a('new', '2024-01-01T00:00:00.000Z'),
    ];
    expect([...list].sort(compareNewestFirst).map((x) => x.id)).toEqual([
      'new',
      'a',
      'b',
      'old',
      'u-new',
      'u-old',
    ]);
    expect([...list].sort(compareOldestFirst).map((x) => x.id)).toEqual([
      'old',
      'b',
      'a',
      'new',
      'u-old',
      'u-new',
    ]);
  });

  it('knows undated from a summary (dateSource) and from a list entry (undated)', () => {
    expect(isUndated({ dateSource: 'file-mtime' })).toBe(true);
    expect(isUndated({ dateSource: 'file-name' })).toBe(false);
    expect(isUndated({ dateSource: 'front-matter' })).toBe(false);
    expect(isUndated({ undated: true })).toBe(true);
    expect(isUndated({})).toBe(false);
  });

  it('flips a newest-first list to oldest first exactly as sorting would, without sorting', () => {
    const entry = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      date: fc.integer({ min: 0, max: 20 }).map((d) => new Date(d * 86_400_000).toISOString()),
      undated: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 40 }), (entries) => {
        const newest = [...entries].sort(compareNewestFirst);
        expect(inOrder(newest, 'newest')).toBe(newest);
        expect(inOrder(newest, 'oldest')).toEqual([...entries].sort(compareOldestFirst));
      }),
    );
  });
});
