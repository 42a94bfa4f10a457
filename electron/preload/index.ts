// Sandboxed preload: exposes exactly `BroadsheetApi` as `window.broadsheet`. Built as CommonJS
// (out/preload/index.cjs) because a sandboxed preload cannot be an ES module.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { PATH_GRANT_CHANNEL } from '../../shared/internalChannels';
import { createBroadsheetApi } from './createBroadsheetApi';

const api = createBroadsheetApi(
  {
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    on: (channel, listener) => void ipcRenderer.on(channel, listener),
    removeListener: (channel, listener) => void ipcRenderer.removeListener(channel, listener),
  },
  (file) => webUtils.getPathForFile(file),
  (path) => void ipcRenderer.sendSync(PATH_GRANT_CHANNEL, path),
);

contextBridge.exposeInMainWorld('broadsheet', api);
