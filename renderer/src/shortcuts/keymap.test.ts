// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { commandForKey, focusKindOf } from './keymap';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('commandForKey', () => {
  it('maps the reader keys', () => {
    expect(commandForKey(key('j'), 'list')).toBe('next');
    expect(commandForKey(key('k'), 'reader')).toBe('prev');
    expect(commandForKey(key('s'), 'other')).toBe('star');
    expect(commandForKey(key('?'), 'other')).toBe('help');
    expect(commandForKey(key('/'), 'list')).toBe('search');
    expect(commandForKey(key('ArrowDown'), 'list')).toBe('cursor-down');
    expect(commandForKey(key('Enter'), 'list')).toBe('open');
    expect(commandForKey(key(' '), 'other')).toBe('space');
  });

  it('opens search with Ctrl+F or Cmd+F, even from a text field', () => {
    expect(commandForKey(key('f', { ctrlKey: true }), 'text')).toBe('search');
    expect(commandForKey(key('f', { metaKey: true }), 'list')).toBe('search');
    expect(commandForKey(key('j', { ctrlKey: true }), 'list')).toBeNull();
  });

  it('leaves typing alone, except Escape', () => {
    expect(commandForKey(key('j'), 'text')).toBeNull();
    expect(commandForKey(key('s'), 'text')).toBeNull();
    expect(commandForKey(key('Escape'), 'text')).toBe('escape');
  });

  it('leaves Enter, Space and arrows to focused buttons and the article', () => {
    expect(commandForKey(key('Enter'), 'control')).toBeNull();
    expect(commandForKey(key(' '), 'control')).toBeNull();
    expect(commandForKey(key('ArrowDown'), 'reader')).toBeNull();
  });
});

describe('focusKindOf', () => {
  it('classifies the focused element', () => {
    document.body.innerHTML =
      '<input id="i"><div role="listbox" id="l"><div id="o"></div></div><button id="b"></button><div data-reader-scroll><p id="r"></p></div>';
    const el = (id: string) => document.getElementById(id);
    expect(focusKindOf(el('i'))).toBe('text');
    expect(focusKindOf(el('o'))).toBe('list');
    expect(focusKindOf(el('b'))).toBe('control');
    expect(focusKindOf(el('r'))).toBe('reader');
    expect(focusKindOf(document.body)).toBe('other');
  });
});
