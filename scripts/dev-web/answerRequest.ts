// What the bridge does with one checked request: the few things a browser host answers itself,
// and everything else forwarded to the engine, exactly as the Electron main process does.

import type { EngineMethod, LibraryService } from '../../electron/engine/library/LibraryService';
import type { Capabilities, RequestMethod } from '../../shared/contract';
import { ContractError, isExternalUrlAllowed, validateRequest } from '../../shared/validateRequest';

/**
 * `method` comes from the URL and `rawArgs` from the request body: both are untrusted and go
 * through validateRequest before anything else sees them.
 */
export async function answerRequest(
  service: LibraryService,
  method: string,
  rawArgs: unknown,
  platform: string = process.platform,
): Promise<unknown> {
  const checked = validateRequest(method as RequestMethod, rawArgs) as unknown[];
  switch (method as RequestMethod) {
    case 'getCapabilities':
      return { host: 'web', folderDialog: false, platform } satisfies Capabilities;
    case 'pickFolders':
      // A browser page cannot show the native folder dialog; the window offers drag and drop.
      return [];
    case 'openExternal': {
      const url = checked[0] as string;
      if (!isExternalUrlAllowed(url)) {
        throw new ContractError(
          `openExternal: only http, https and mailto links open, not "${url.slice(0, 80)}"`,
        );
      }
      // Approved, but nothing is opened here: the server may be on another desktop session than
      // the browser, and the page can open a tab itself (with noopener and noreferrer).
      return undefined;
    }
    default: {
      const call = service.call as (m: EngineMethod, ...args: unknown[]) => Promise<unknown>;
      return call.call(service, method as EngineMethod, ...checked);
    }
  }
}
