// Builds the window's `BroadsheetApi` from a narrow IPC port. Each request method is its own fixed
// channel (the methods come from the contract's list, through createRequestProxy); nothing generic (no raw ipcRenderer, no invoke-any-channel) reaches the page.
// No Electron import here, so the shape is testable with a stand-in port.

import { type BroadsheetApi, channelFor, EVENT_CHANNEL, type LibraryEvent } from '../../shared/contract';
import { createRequestProxy } from '../../shared/requestProxy';

export interface IpcPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

// Electron wraps a handler's rejection as "Error invoking remote method '<channel>': Error: <msg>".
const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

/** The message the main process meant, without Electron's transport wording. */
export function remoteErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(REMOTE_ERROR_PREFIX, '');
}

/**
 * `reportPath` tells the main process which real path a dropped File has (see internalChannels):
 * only the preload can learn it, so only real user drops become grants.
 */
export function createBroadsheetApi(
  port: IpcPort,
  getPathForFile: (file: File) => string,
  reportPath: (path: string) => void = () => {},
): BroadsheetApi {
  const requests = createRequestProxy((method, args) =>
    port.invoke(channelFor(method), ...args).catch((error: unknown) => {
      throw new Error(remoteErrorMessage(error));
    }),
  );
  return {
    ...requests,
    onEvent(listener: (event: LibraryEvent) => void): () => void {
      // The IpcRendererEvent (with its sender and ports) never reaches the page.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as LibraryEvent);
      port.on(EVENT_CHANNEL, wrapped);
      return () => port.removeListener(EVENT_CHANNEL, wrapped);
    },
    getPathForFile(file: File): string {
      let path: string;
      try {
        path = getPathForFile(file);
      } catch {
        return '';
      }
      if (typeof path !== 'string' || path === '') return '';
      try {
        reportPath(path);
      } catch {
        // Without the grant the main process refuses the path and the window says so.
      }
      return path;
    },
  };
}
