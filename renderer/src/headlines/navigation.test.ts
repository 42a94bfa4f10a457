import { describe, expect, it } from 'vitest';
import { initialNav, listOf, type NavState, navReducer } from './navigation';

const list = listOf(['a', 'b', 'c']);

describe('navReducer', () => {
  it('starts at the first headline going down and the last going up', () => {
    expect(navReducer(initialNav, { type: 'move', delta: 1, open: false, list })).toEqual({
      cursorId: 'a',
      openId: null,
    });
    expect(navReducer(initialNav, { type: 'move', delta: -1, open: false, list }).cursorId).toBe('c');
  });

  it('moves the cursor with arrows and opens with j/k', () => {
    let s: NavState = { cursorId: 'a', openId: 'a' };
    s = navReducer(s, { type: 'move', delta: 1, open: false, list });
    expect(s).toEqual({ cursorId: 'b', openId: 'a' });
    s = navReducer(s, { type: 'open-cursor' });
    expect(s).toEqual({ cursorId: 'b', openId: 'b' });
    s = navReducer(s, { type: 'move', delta: 1, open: true, list });
    expect(s).toEqual({ cursorId: 'c', openId: 'c' });
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
    ).toEqual({ cursorId: 'a', openId: 'a' });
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
