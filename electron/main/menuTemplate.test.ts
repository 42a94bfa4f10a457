import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuLanguage, menuStrings } from './menuStrings';
import { buildMenuTemplate, type MenuActions } from './menuTemplate';

function actions() {
  return {
    openFolder: vi.fn<MenuActions['openFolder']>(),
    openRecent: vi.fn<MenuActions['openRecent']>(),
    sendToWindow: vi.fn<MenuActions['sendToWindow']>(),
  };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.label === label) return item;
    const inner = find(submenu(item), label);
    if (inner) return inner;
  }
  return undefined;
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('buildMenuTemplate', () => {
  const en = menuStrings('en');

  it('has File, Edit, View and Help on Windows and Linux', () => {
    const template = buildMenuTemplate({
      strings: en,
      platform: 'linux',
      isDev: false,
      recentRoots: [],
      actions: actions(),
    });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = submenu(template[0]);
    expect(file.map((i) => i.role ?? i.label ?? i.type)).toEqual([
      'Open Folder…',
      'Open Recent',
      'separator',
      'close',
      'quit',
    ]);
    expect(submenu(template[1]).map((i) => i.role ?? i.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('adds the app menu on macOS and moves Quit and About there', () => {
    const template = buildMenuTemplate({
      strings: en,
      platform: 'darwin',
      isDev: false,
      recentRoots: [],
      actions: actions(),
    });
    expect(template[0]?.label).toBe('Broadsheet');
    expect(
      submenu(template[0])
        .map((i) => i.role)
        .filter(Boolean),
    ).toContain('quit');
    expect(submenu(template[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(submenu(template[4]).some((i) => i.role === 'about')).toBe(false);
  });

  it('wires Open Folder and the window commands', () => {
    const a = actions();
    const template = buildMenuTemplate({
      strings: en,
      platform: 'win32',
      isDev: false,
      recentRoots: [],
      actions: a,
    });
    const open = find(template, 'Open Folder…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(a.openFolder).toHaveBeenCalled();
    const findItem = find(template, 'Find…');
    expect(findItem?.accelerator).toBe('CmdOrCtrl+F');
    click(findItem);
    click(find(template, 'Library'));
    click(find(template, 'Keyboard Shortcuts'));
    click(find(template, 'Star Article'));
    expect(a.sendToWindow.mock.calls.map((c) => c[0])).toEqual([
      'focus-search',
      'show-library',
      'show-shortcuts',
      'toggle-star',
    ]);
  });

  it('lists recent folders, escaping & so it is not read as a mnemonic', () => {
    const a = actions();
    const template = buildMenuTemplate({
      strings: en,
      platform: 'linux',
      isDev: false,
      recentRoots: ['/news/A&B', '/news/c'],
      actions: a,
    });
    const recent = submenu(find(template, 'Open Recent'));
    expect(recent.map((i) => i.label)).toEqual(['/news/A&&B', '/news/c']);
    click(recent[0]);
    expect(a.openRecent).toHaveBeenCalledWith('/news/A&B');
  });

  it('shows a disabled placeholder when there is nothing recent', () => {
    const template = buildMenuTemplate({
      strings: en,
      platform: 'linux',
      isDev: false,
      recentRoots: [],
      actions: actions(),
    });
    expect(submenu(find(template, 'Open Recent'))).toEqual([{ label: 'No Recent Folders', enabled: false }]);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(
        buildMenuTemplate({ strings: en, platform: 'linux', isDev, recentRoots: [], actions: actions() })[2],
      ).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });

  it('uses Simplified Chinese labels', () => {
    const template = buildMenuTemplate({
      strings: menuStrings('zh-CN'),
      platform: 'linux',
      isDev: false,
      recentRoots: [],
      actions: actions(),
    });
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(find(template, '打开文件夹…')?.accelerator).toBe('CmdOrCtrl+O');
  });
});

describe('menuLanguage', () => {
  it('follows the setting, else the system locale', () => {
    expect(menuLanguage('en', 'zh-CN')).toBe('en');
    expect(menuLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(menuLanguage('system', 'zh-CN')).toBe('zh-CN');
    expect(menuLanguage(undefined, 'zh-TW')).toBe('zh-CN');
    expect(menuLanguage('system', 'en-GB')).toBe('en');
    expect(menuLanguage(undefined, 'fr')).toBe('en');
  });

  it('has every label in both languages', () => {
    const en = menuStrings('en');
    const zh = menuStrings('zh-CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const value of Object.values(zh)) expect(value.length).toBeGreaterThan(0);
  });
});
