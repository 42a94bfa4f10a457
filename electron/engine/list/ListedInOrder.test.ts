import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../../shared/articleOrder';
import type { ListedArticle } from '../../../shared/types';
import { ListedInOrder } from './ListedInOrder';

const article = fc.record({
  id: fc.constantFrom(...'abcdefghijklmnop'.split('')),
  day: fc.integer({ min: 1, max: 4 }),
  undated: fc.boolean(),
  title: fc.constantFrom('x', 'y'),
});

describe('ListedInOrder', () => {
  it('after any upserts and removals, asked for at any time, lists exactly the articles sorted anew', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), a: article }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'z') }),
      fc.record({ kind: fc.constant('list' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const order = new ListedInOrder();
        const model = new Map<string, ListedArticle>();
        const check = () => {
          expect(order.list()).toEqual([...model.values()].sort(compareNewestFirst));
        };
        for (const o of ops) {
          if (o.kind === 'set') {
            const listed: ListedArticle = {
              id: o.a.id,
              contentHash: `h${o.a.id}`,
              title: o.a.title,
              date: `2024-01-0${o.a.day}T00:00:00.000Z`,
              categories: [],
              mtimeMs: 0,
              ...(o.a.undated ? { undated: true as const } : {}),
            };
            order.set(listed);
            model.set(listed.id, listed);
          } else if (o.kind === 'delete') {
            order.delete(o.id);
            model.delete(o.id);
          } else check();
        }
        check();
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the same array while nothing changes', () => {
    const order = new ListedInOrder();
    order.set({
      id: 'a',
      contentHash: 'h',
      title: 't',
      date: '2024-01-01T00:00:00.000Z',
      categories: [],
      mtimeMs: 0,
    });
    const first = order.list();
    expect(order.list()).toBe(first);
    order.delete('a');
    expect(order.list()).toEqual([]);
  });
});
