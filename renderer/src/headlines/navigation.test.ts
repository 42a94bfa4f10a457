import { describe, expect, it } from 'vitest';
import { initialNav, listOf, type NavState, navReducer } from './navigation';

const list = listOf(['a', 'b', 'c']);

describe('navReducer', () => {
  it('starts at the first headline going down and the last going up', () => {
    expect(navReducer(initialNav, { type: 'move', delta: 1, open: false, list })).toEqual({
      cursorId: 'a',
      openId: null,
      cursorAt: 0,
    });
    expect(navReducer(initialNav, { type: 'move', delta: -1, open: false, list }).cursorId).toBe('c');
  });

  it('moves the cursor with arrows and opens with j/k', () => {
    let s: NavState = { cursorId: 'a', openId: 'a' };
    s = navReducer(s, { type: 'move', delta: 1, open: false, list });
    expect(s).toEqual({ cursorId: 'b', openId: 'a', cursorAt: 1 });
    s = navReducer(s, { type: 'open-cursor' });
    expect(s).toEqual({ cursorId: 'b', openId: 'b', cursorAt: 1 });
    s = navReducer(s, { type: 'move', delta: 1, open: true, list });
    expect(s).toEqual({ cursorId: 'c', openId: 'c', cursorAt: 2 });
  });

  it('stops at the ends without changing state', () => {
    const end: NavState = { cursorId: 'c', openId: 'c' };
    expect(navReducer(end, { type: 'move', delta: 1, open: true, list })).toBe(end);
    const start: NavState = { cursorId: 'a', openId: null };
    expect(navReducer(start, { type: 'move', delta: -1, open: false, list })).toBe(start);
  });

  it('restarts from the top when the cursor was filtered out of the list', () => {
    expect(
      navReducer({ cursorId: 'gone', openId: 'gone' }, { type: 'move', delta: 1, open: true, list }),
    ).toEqual({ cursorId: 'a', openId: 'a', cursorAt: 0 });
  });

  it('remembers where it put the cursor, so the next move needs no lookup of the id', () => {
    let lookups = 0;
    const ids = ['a', 'b', 'c'];
    const counting = {
      count: ids.length,
      idAt: (i: number) => ids[i],
      positionOf: (id: string, hint?: number) => {
        if (hint !== undefined && ids[hint] === id) return hint;
        lookups++;
        return ids.indexOf(id);
      },
    };
    let s = navReducer(initialNav, { type: 'end', list: counting });
    expect(s).toMatchObject({ cursorId: 'c', cursorAt: 2 });
    s = navReducer(s, { type: 'move', delta: -1, open: true, list: counting });
    s = navReducer(s, { type: 'move', delta: -1, open: true, list: counting });
    expect(s).toMatchObject({ cursorId: 'a', openId: 'a', cursorAt: 0 });
    expect(lookups).toBe(0);
    // A stale hint (the list changed under the cursor) falls back to a lookup.
    s = navReducer({ ...s, cursorAt: 2 }, { type: 'move', delta: 1, open: false, list: counting });
    expect(s.cursorId).toBe('b');
    expect(lookups).toBe(1);
  });

  it('answers positionOf from a correct hint and looks the id up otherwise', () => {
    expect(list.positionOf('b', 1)).toBe(1);
    expect(list.positionOf('b', 2)).toBe(1);
    expect(list.positionOf('b', 99)).toBe(1);
    expect(list.positionOf('x', 0)).toBe(-1);
  });

  it('jumps home/end, selects and closes', () => {
    expect(navReducer(initialNav, { type: 'end', list }).cursorId).toBe('c');
    expect(navReducer(initialNav, { type: 'home', list }).cursorId).toBe('a');
    expect(navReducer(initialNav, { type: 'select', id: 'b' })).toEqual({ cursorId: 'b', openId: 'b' });
    expect(navReducer({ cursorId: 'b', openId: 'b' }, { type: 'close' })).toEqual({
      cursorId: 'b',
      openId: null,
    });
  });

  it('does nothing on an empty list', () => {
    expect(navReducer(initialNav, { type: 'move', delta: 1, open: true, list: listOf([]) })).toBe(initialNav);
    expect(navReducer(initialNav, { type: 'open-cursor' })).toBe(initialNav);
  });
});
