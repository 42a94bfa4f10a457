// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS } from './commands';
import { commandForKey, focusKindOf } from './keymap';
import { shortcutRows } from './ShortcutsDialog';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
) => ({
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
    expect(commandForKey(key('w'), 'reader')).toBe('whole-page');
    expect(commandForKey(key('w'), 'text')).toBeNull();
    expect(commandForKey(key('-'), 'reader')).toBe('text-smaller');
    expect(commandForKey(key('='), 'list')).toBe('text-larger');
    expect(commandForKey(key('+'), 'other')).toBe('text-larger');
    expect(commandForKey(key('-'), 'text')).toBeNull();
    expect(commandForKey(key('-', { ctrlKey: true }), 'other')).toBeNull();
  });

  it('maps the read-state keys, and leaves Ctrl Z to a text field', () => {
    expect(commandForKey(key('m'), 'list')).toBe('toggle-read');
    expect(commandForKey(key('n'), 'reader')).toBe('next-unread');
    expect(commandForKey(key('A'), 'list')).toBe('mark-all-read');
    expect(commandForKey(key('a'), 'list')).toBeNull();
    expect(commandForKey(key('O'), 'other')).toBe('mark-older-read');
    expect(commandForKey(key('z', { ctrlKey: true }), 'list')).toBe('undo-mark-all');
    expect(commandForKey(key('z', { metaKey: true }), 'reader')).toBe('undo-mark-all');
    expect(commandForKey(key('z', { ctrlKey: true }), 'text')).toBeNull();
    expect(commandForKey(key('m'), 'text')).toBeNull();
  });

  it('pages the article down with Space and back up with Shift Space', () => {
    expect(commandForKey(key(' '), 'list')).toBe('space');
    expect(commandForKey(key(' ', { shiftKey: true }), 'list')).toBe('space-up');
    expect(commandForKey(key(' ', { shiftKey: true }), 'other')).toBe('space-up');
    // In the focused article the browser scrolls it itself, both ways.
    expect(commandForKey(key(' ', { shiftKey: true }), 'reader')).toBeNull();
    expect(commandForKey(key(' '), 'reader')).toBeNull();
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

describe('the COMMANDS table', () => {
  it('runs every command by each of its keys, and no two commands share a key', () => {
    for (const command of COMMAND_NAMES) {
      for (const binding of COMMANDS[command].keys) {
        const input = key(binding.key, {
          ...(binding.withModifier ? { ctrlKey: true } : {}),
          ...(binding.shift ? { shiftKey: true } : {}),
        });
        expect(commandForKey(input, 'list'), `${command} by ${binding.key}`).toBe(command);
      }
    }
    expect(commandForKey(key('v'), 'other')).toBe('toggle-view');
    expect(commandForKey(key('l'), 'reader')).toBe('library');
    expect(commandForKey(key('Escape'), 'control')).toBe('escape');
    expect(commandForKey(key('End'), 'other')).toBe('end');
    expect(commandForKey(key('F', { metaKey: true }), 'other')).toBe('search');
    expect(commandForKey(key('f', { ctrlKey: true, altKey: true }), 'other')).toBeNull();
    expect(commandForKey(key('x'), 'other')).toBeNull();
    expect(commandForKey(key('-'), 'reader')).toBe('text-smaller');
    expect(commandForKey(key('='), 'list')).toBe('text-larger');
    expect(commandForKey(key('+'), 'other')).toBe('text-larger');
    expect(commandForKey(key('-'), 'text')).toBeNull();
    expect(commandForKey(key('-', { ctrlKey: true }), 'other')).toBeNull();
  });

  it('lists every command in the shortcuts dialog, one line per label', () => {
    const rows = shortcutRows();
    expect(rows.map((r) => r.label)).toEqual([
      'shortcutNext',
      'shortcutPrev',
      'shortcutMove',
      'shortcutOpen',
      'shortcutSpace',
      'shortcutSpaceUp',
      'shortcutStar',
      'shortcutSearch',
      'shortcutEscape',
      'shortcutToggleRead',
      'shortcutNextUnread',
      'shortcutMarkAllRead',
      'shortcutMarkOlderRead',
      'shortcutUndoMarkAll',
      'shortcutStarredView',
      'shortcutWholePage',
      'shortcutLibrary',
      'shortcutExport',
      'shortcutTextSize',
      'shortcutMatch',
      'shortcutZoom',
      'shortcutHelp',
    ]);
    expect(rows.find((r) => r.label === 'shortcutMatch')?.keys).toEqual([']', '[']);
    expect(rows.find((r) => r.label === 'shortcutTextSize')?.keys).toEqual(['-', '=']);
    expect(rows.find((r) => r.label === 'shortcutMove')?.keys).toEqual(['↓', '↑', 'Home', 'End']);
    expect(rows.find((r) => r.label === 'shortcutSearch')?.keys).toEqual(['/', 'Ctrl F', '⌘ F']);
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
