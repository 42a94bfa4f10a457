// Installs the application menu and rebuilds it when the settings (recent folders, language) change.

import { app, Menu } from 'electron';
import type { Settings } from '../../shared/types';
import { type MenuStrings, menuLanguage, menuStrings } from './menuStrings';
import { buildMenuTemplate, type MenuActions } from './menuTemplate';

interface AppMenu {
  update(settings: Settings | null): void;
  strings(): MenuStrings;
}

export function installAppMenu(actions: MenuActions, isDev: boolean): AppMenu {
  let current = menuStrings(menuLanguage(undefined, app.getLocale()));
  const update = (settings: Settings | null) => {
    current = menuStrings(menuLanguage(settings?.language, app.getLocale()));
    const template = buildMenuTemplate({
      strings: current,
      platform: process.platform,
      isDev,
      recentRoots: settings?.recentRoots ?? [],
      actions,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  update(null);
  return { update, strings: () => current };
}
