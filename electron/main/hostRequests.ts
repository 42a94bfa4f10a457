// The requests the main process answers itself, with the Electron calls passed in so the decisions
// (what counts as cancelled, which URLs leave the app) are testable without Electron.

import type { Capabilities } from '../../shared/contract';
import { externalUrlToOpen } from '../../shared/validateRequest';
import { isReallyInsideFolder } from '../engine/common/pathContainment';
import type { HostRequests } from '../host/requestRouter';

interface HostDeps {
  platform: string;
  /** Electron's dialog.showOpenDialog bound to the main window. */
  showOpenDialog: (options: {
    title: string;
    properties: Array<'openDirectory' | 'multiSelections' | 'createDirectory'>;
  }) => Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Electron's shell.openExternal. */
  openExternal: (url: string) => Promise<void>;
  /** Electron's shell.showItemInFolder. */
  showItemInFolder: (path: string) => void;
  /** The file of a library article (the engine's), or null when no article has this id. */
  articleFile: (id: string) => Promise<string | null>;
  /** The library's folders now (the settings' roots). */
  libraryFolders: () => Promise<readonly string[]>;
  /** fs.realpath, passed in for tests. */
  realpath?: (path: string) => Promise<string>;
  /** Dialog title in the menu language. */
  pickFoldersTitle: () => string;
  /** Told the folders the user chose, so the window may then add them (see pathGrants). */
  onFoldersPicked?: (paths: string[]) => void;
}

export function createHostRequests(deps: HostDeps): HostRequests {
  return {
    async getCapabilities(): Promise<Capabilities> {
      return { host: 'electron', folderDialog: true, showInFolder: true, platform: deps.platform };
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
    async showInFolder(id: string): Promise<void> {
      const path = await deps.articleFile(id);
      if (path === null)
        throw new Error('This article is no longer in the library, so it has no file to show.');
      // The engine's path is checked anyway: the file manager is only ever shown a file that really
      // is (links followed) inside one of the library's folders.
      const folders = await deps.libraryFolders();
      for (const folder of folders) {
        if (await isReallyInsideFolder(path, folder, deps.realpath)) {
          deps.showItemInFolder(path);
          return;
        }
      }
      throw new Error(`The file is not inside the library's folders, so it is not shown: ${path}`);
    },
  };
}
