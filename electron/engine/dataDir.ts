// Where the user's data lives when no folder is named: the same folder Electron's
// app.getPath('userData') gives the desktop app (productName "Broadsheet"), so the CLI and the
// app share one stars store.

import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_ENV = 'BROADSHEET_DATA_DIR';

export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const named = env[DATA_DIR_ENV];
  if (named) return named;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Broadsheet');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Broadsheet');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Broadsheet');
}
