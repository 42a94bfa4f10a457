// One ipcMain.handle per request method, each going through the router's sender and argument checks.

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelFor, REQUEST_METHODS } from '../../shared/contract';
import type { RequestRouter } from '../host/requestRouter';

export function registerRequestHandlers(ipcMain: IpcMain, router: RequestRouter<IpcMainInvokeEvent>): void {
  for (const method of REQUEST_METHODS) {
    ipcMain.handle(channelFor(method), (event, ...args: unknown[]) => router(method, event, args));
  }
}
