// The bridge's request router: the same one the Electron main process uses (validation, host
// requests, engine dispatch, clean errors), with what a browser host can and cannot do.

import type { LibraryService } from '../../electron/engine/library/LibraryService';
import {
  createRequestRouter,
  type HostRequests,
  type PathGuard,
  type RequestRouter,
} from '../../electron/host/requestRouter';
import type { Capabilities } from '../../shared/contract';
import { ContractError, isExternalUrlAllowed } from '../../shared/validateRequest';

export function createWebHostRequests(platform: string): HostRequests {
  return {
    async getCapabilities(): Promise<Capabilities> {
      return { host: 'web', folderDialog: false, showInFolder: false, platform };
    },
    // A browser page cannot show the native folder dialog; the window offers drag and drop.
    async pickFolders(): Promise<string[]> {
      return [];
    },
    async openExternal(url: string): Promise<void> {
      if (!isExternalUrlAllowed(url)) {
        throw new ContractError(
          `openExternal: only http, https and mailto links open, not "${url.slice(0, 80)}"`,
        );
      }
      // Approved, but nothing is opened here: the server may be on another desktop session than
      // the browser, and the page can open a tab itself (with noopener and noreferrer).
    },
    // The server may not be on the user's screen; the window does not offer it (capabilities).
    async showInFolder(): Promise<void> {
      throw new ContractError('showInFolder: only the desktop app can show a file in its folder');
    },
  };
}

/**
 * Every path is forwarded: a browser gives no trusted signal of which paths the user chose (see
 * bridgeServer.ts). The engine still refuses `..` paths and files that are not articles.
 */
export const ANY_PATH: PathGuard = {
  openFile: async () => null,
  addFolders: async (paths) => ({ allowed: [...paths], rejected: [] }),
};

/**
 * The sender checks (loopback Host, Origin, the token) are made by the HTTP server before a request
 * reaches the router, so every request that gets here is trusted.
 */
export function createBridgeRouter(
  service: Pick<LibraryService, 'call'>,
  platform: string = process.platform,
): RequestRouter<null> {
  return createRequestRouter<null>({
    service: () => service,
    host: createWebHostRequests(platform),
    isTrustedSender: () => true,
    paths: ANY_PATH,
  });
}
