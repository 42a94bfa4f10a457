import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestMethod } from './contract';
import { KEPT_UNREAD_LIMIT, LIST_ROWS_LIMIT, type ListQuery } from './listQuery';
import { ContractError, validateRequest } from './validateRequest';

const good: ListQuery = {
  view: 'unread',
  filter: {
    facet: { kind: 'folder', value: '/news/world' },
    range: 'between',
    from: '2024-02-29',
    to: '2024-03-10',
  },
  order: 'oldest',
  now: 1_710_000_000_000,
  timeZone: 'Asia/Shanghai',
  keptUnread: ['a', 'b'],
};

const refused = (method: RequestMethod, args: unknown[]) => () => validateRequest(method, args);

describe('validateRequest: the list requests', () => {
  it('passes good queries through as copies, every method', () => {
    const [q] = validateRequest('getListShape', [good]);
    expect(q).toEqual(good);
    expect(q).not.toBe(good);
    expect(q.keptUnread).not.toBe(good.keptUnread);
    expect(validateRequest('getListRows', [good, 0, LIST_ROWS_LIMIT])).toEqual([good, 0, LIST_ROWS_LIMIT]);
    expect(validateRequest('getListPosition', [good, 'id1'])).toEqual([good, 'id1']);
    expect(validateRequest('findUnread', [good, -1, 1])).toEqual([good, -1, 1]);
    expect(validateRequest('findUnread', [good, 7, -1])).toEqual([good, 7, -1]);
    expect(validateRequest('markListRead', [good, 0, false])).toEqual([good, 0, false]);
    expect(validateRequest('getSidebarCounts', [])).toEqual([]);
    const plain = {
      ...good,
      view: 'all',
      filter: { facet: null, range: 'any' },
      timeZone: '',
      keptUnread: [],
    };
    expect(validateRequest('getListShape', [plain])).toEqual([plain]);
  });

  it.each<[string, unknown]>([
    ['an unknown view', { ...good, view: 'everything' }],
    ['an unknown order', { ...good, order: 'random' }],
    ['an unknown range', { ...good, filter: { ...good.filter, range: 'decade' } }],
    ['an unknown facet kind', { ...good, filter: { ...good.filter, facet: { kind: 'tag', value: 'x' } } }],
    ['an empty facet value', { ...good, filter: { ...good.filter, facet: { kind: 'author', value: '' } } }],
    [
      'a facet with more fields',
      { ...good, filter: { ...good.filter, facet: { kind: 'author', value: 'a', x: 1 } } },
    ],
    ['a missing facet', { ...good, filter: { range: 'any' } }],
    ['a day that is no day', { ...good, filter: { ...good.filter, from: '2023-02-30' } }],
    ['a date with a time', { ...good, filter: { ...good.filter, to: '2024-03-10T00:00:00Z' } }],
    ['a filter with more fields', { ...good, filter: { ...good.filter, text: 'x' } }],
    ['a query with more fields', { ...good, limit: 5 }],
    ['a query without its clock', { ...good, now: undefined }],
    ['a clock that is no number', { ...good, now: '1' }],
    ['an endless clock', { ...good, now: Number.POSITIVE_INFINITY }],
    ['NaN for a clock', { ...good, now: Number.NaN }],
    ['an unknown time zone', { ...good, timeZone: 'Mars/Olympus' }],
    ['a huge time zone', { ...good, timeZone: 'A'.repeat(65) }],
    ['kept ids that are not strings', { ...good, keptUnread: [1] }],
    [
      'too many kept ids',
      { ...good, keptUnread: Array.from({ length: KEPT_UNREAD_LIMIT + 1 }, (_, i) => `${i}`) },
    ],
    ['a kept id too long', { ...good, keptUnread: ['x'.repeat(129)] }],
    ['a kept id with NUL', { ...good, keptUnread: ['a\0'] }],
    ['an array', [good]],
    ['null', null],
    ['a class instance', new (class Q {})()],
    ['a poisoned prototype', JSON.parse('{"__proto__": {"view": "all"}}')],
  ])('refuses a query with %s', (_, query) => {
    expect(refused('getListShape', [query])).toThrow(ContractError);
  });

  it('refuses offsets, limits, positions and directions out of their ranges', () => {
    for (const bad of [-1, 1.5, Number.NaN, '0', null, 10_000_001]) {
      expect(refused('getListRows', [good, bad, 10])).toThrow(ContractError);
      expect(refused('markListRead', [good, bad, true])).toThrow(ContractError);
    }
    for (const bad of [-1, LIST_ROWS_LIMIT + 1, 2.5, '10']) {
      expect(refused('getListRows', [good, 0, bad])).toThrow(ContractError);
    }
    for (const bad of [-2, 0.5, 'x']) expect(refused('findUnread', [good, bad, 1])).toThrow(ContractError);
    for (const bad of [0, 2, '1', true, null])
      expect(refused('findUnread', [good, 0, bad])).toThrow(ContractError);
    expect(refused('markListRead', [good, 0, 'yes'])).toThrow(ContractError);
    expect(refused('getListPosition', [good, ''])).toThrow(ContractError);
    expect(refused('getListPosition', [good, 'x'.repeat(129)])).toThrow(ContractError);
    expect(refused('getListRows', [good, 0])).toThrow(ContractError);
    expect(refused('getSidebarCounts', [good])).toThrow(ContractError);
  });

  it('refuses anything but a ContractError for random input, and never lets a bad query through', () => {
    const anything = fc.anything({ withObjectString: true, withNullPrototype: true });
    fc.assert(
      fc.property(
        fc.record({
          view: fc.oneof(fc.constantFrom('all', 'unread', 'starred'), anything),
          filter: fc.oneof(fc.constant({ facet: null, range: 'any' }), anything),
          order: fc.oneof(fc.constantFrom('newest', 'oldest'), anything),
          now: fc.oneof(fc.integer(), anything),
          timeZone: fc.oneof(fc.constantFrom('', 'UTC', 'Europe/Paris'), fc.string()),
          keptUnread: fc.oneof(fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), anything),
        }),
        (query) => {
          try {
            const [q] = validateRequest('getListShape', [query]);
            expect(['all', 'unread', 'starred']).toContain(q.view);
            expect(['newest', 'oldest']).toContain(q.order);
            expect(Number.isFinite(q.now)).toBe(true);
            expect(Array.isArray(q.keptUnread)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ContractError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('checks the search filters the list applies in the engine', () => {
    const search = (filters: unknown) => () => validateRequest('search', [{ text: 'x', filters }]);
    const filters = { author: 'Ann', folder: '/news/world', unreadOnly: true, keptUnread: ['a'] };
    expect(validateRequest('search', [{ text: 'x', filters }])).toEqual([{ text: 'x', filters }]);
    expect(search({ author: '' })).toThrow(ContractError);
    expect(search({ author: 7 })).toThrow(ContractError);
    expect(search({ folder: 'x'.repeat(4097) })).toThrow(ContractError);
    expect(search({ unreadOnly: 'yes' })).toThrow(ContractError);
    expect(search({ keptUnread: 'a' })).toThrow(ContractError);
    expect(search({ keptUnread: [{}] })).toThrow(ContractError);
    expect(search({ keptUnread: Array.from({ length: KEPT_UNREAD_LIMIT + 1 }, (_, i) => `${i}`) })).toThrow(
      ContractError,
    );
    expect(search({ unread: true })).toThrow(ContractError);
  });
});
