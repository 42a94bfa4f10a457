// The application menu as data. Commands that the window handles are sent to it as `menu` events;
// the rest use Electron roles or main-process actions passed in.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import type { MenuStrings } from './menuStrings';

export interface MenuActions {
  openFolder: () => void;
  openRecent: (path: string) => void;
  sendToWindow: (command: MenuCommand) => void;
}

interface MenuOptions {
  strings: MenuStrings;
  platform: string;
  isDev: boolean;
  recentRoots: readonly string[];
  actions: MenuActions;
}

const MAX_RECENT = 10;

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { strings: s, actions } = options;
  const mac = options.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.sendToWindow(command);

  const recent: MenuItemConstructorOptions[] =
    options.recentRoots.length === 0
      ? [{ label: s.noRecent, enabled: false }]
      : options.recentRoots.slice(0, MAX_RECENT).map((path) => ({
          // `&` would become a mnemonic marker on Windows and Linux.
          label: path.replaceAll('&', '&&'),
          click: () => actions.openRecent(path),
        }));

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Broadsheet',
      submenu: [
        { role: 'about', label: s.about },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: s.quit },
      ],
    });
  }
  template.push({
    label: s.file,
    submenu: [
      { label: s.openFolder, accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { label: s.openRecent, submenu: recent },
      { type: 'separator' },
      { role: 'close', label: s.closeWindow },
      ...(mac ? [] : [{ role: 'quit', label: s.quit } as const]),
    ],
  });
  template.push({
    label: s.edit,
    submenu: [
      { role: 'undo', label: s.undo },
      { role: 'redo', label: s.redo },
      { type: 'separator' },
      { role: 'cut', label: s.cut },
      { role: 'copy', label: s.copy },
      { role: 'paste', label: s.paste },
      { role: 'selectAll', label: s.selectAll },
    ],
  });
  template.push({
    label: s.view,
    submenu: [
      { label: s.find, accelerator: 'CmdOrCtrl+F', click: send('focus-search') },
      { label: s.libraryPanel, accelerator: 'CmdOrCtrl+Shift+L', click: send('show-library') },
      { label: s.toggleStar, accelerator: 'CmdOrCtrl+D', click: send('toggle-star') },
      { label: s.exportMenu, accelerator: 'CmdOrCtrl+Shift+E', click: send('export') },
      { type: 'separator' },
      ...(options.isDev
        ? [
            { role: 'reload', label: s.reload } as const,
            { role: 'toggleDevTools', label: s.toggleDevTools } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'zoomIn', label: s.zoomIn },
      { role: 'zoomOut', label: s.zoomOut },
      { role: 'resetZoom', label: s.resetZoom },
      { type: 'separator' },
      { role: 'togglefullscreen', label: s.toggleFullScreen },
    ],
  });
  template.push({
    label: s.help,
    role: 'help',
    submenu: [
      { label: s.keyboardShortcuts, accelerator: 'CmdOrCtrl+/', click: send('show-shortcuts') },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about', label: s.about } as const]),
    ],
  });
  return template;
}
