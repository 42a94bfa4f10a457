// The requests the main process answers itself, with the Electron calls passed in so the decisions
// (what counts as cancelled, which URLs leave the app) are testable without Electron.

import type { Capabilities } from '../../shared/contract';
import { externalUrlToOpen } from '../../shared/validateRequest';
import type { HostRequests } from '../host/requestRouter';

export interface HostDeps {
  platform: string;
  /** Electron's dialog.showOpenDialog bound to the main window. */
  showOpenDialog: (options: {
    title: string;
    properties: Array<'openDirectory' | 'multiSelections' | 'createDirectory'>;
  }) => Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Electron's shell.openExternal. */
  openExternal: (url: string) => Promise<void>;
  /** Dialog title in the menu language. */
  pickFoldersTitle: () => string;
  /** Told the folders the user chose, so the window may then add them (see pathGrants). */
  onFoldersPicked?: (paths: string[]) => void;
}

export function createHostRequests(deps: HostDeps): HostRequests {
  return {
    async getCapabilities(): Promise<Capabilities> {
      return { host: 'electron', folderDialog: true, platform: deps.platform };
    },
    async pickFolders(): Promise<string[]> {
      const result = await deps.showOpenDialog({
        title: deps.pickFoldersTitle(),
        properties: ['openDirectory', 'multiSelections', 'createDirectory'],
      });
      if (result.canceled) return [];
      deps.onFoldersPicked?.(result.filePaths);
      return result.filePaths;
    },
    async openExternal(url: string): Promise<void> {
      const target = externalUrlToOpen(url);
      if (target === null) {
        throw new Error(
          `Only web (http, https) and mail links open outside Broadsheet; refused ${url.slice(0, 100)}`,
        );
      }
      await deps.openExternal(target);
    },
  };
}
