// Electron main process: wiring only. Every decision lives in the small modules it imports.

import { realpath } from 'node:fs/promises';
import { app, type BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { EVENT_CHANNEL, type LibraryEvent, type MenuCommand } from '../../shared/contract';
import { PATH_GRANT_CHANNEL } from '../../shared/internalChannels';
import { DATA_DIR_ENV } from '../engine/dataDir';
import type { LibraryService } from '../engine/library/LibraryService';
import { startLibraryWorker } from '../engine/library/startLibraryWorker';
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from '../host/appOrigin';
import { createRequestRouter } from '../host/requestRouter';
import { installAppMenu } from './appMenu';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { librariesFromInstanceData, parseLaunchArgs } from './commandLine';
import { hardenSession } from './hardenSession';
import { hardenWebContents } from './hardenWebContents';
import { createHostRequests } from './hostRequests';
import { registerRequestHandlers } from './ipc';
import { createMainWindow } from './mainWindow';
import { describeRejections, openFolders } from './openFolders';
import { createDropGrantListener, createPathGuard, PathGrants } from './pathGrants';
import { preloadPath, rendererDir, sampleArchiveDir } from './resourcePaths';
import { isTrustedSender } from './senderPolicy';
import { loadWindowState, saveWindowState } from './windowStateFile';

const log = (message: string) => console.error(`[broadsheet] ${message}`);
const launch = parseLaunchArgs(process.argv.slice(1), process.cwd());
const dataDir = launch.dataDir ?? process.env[DATA_DIR_ENV];
if (dataDir) app.setPath('userData', dataDir); // before the lock: the lock is per data folder

const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = (devUrl && originOf(devUrl)) || APP_ORIGIN;

if (!app.requestSingleInstanceLock({ libraries: launch.libraries })) {
  app.exit(0);
} else {
  app.enableSandbox();
  registerAppScheme();
  void app.whenReady().then(start);
}

let window: BrowserWindow | null = null;
let service: LibraryService | null = null;
let pendingSave: Promise<void> = Promise.resolve();
// Paths the user gave by a dialog, the command line or a drop: the only ones outside the library
// the window may pass to openFile/addFolders.
const grants = new PathGrants();
grants.grant(launch.libraries, 'command-line');

function sendToWindow(event: LibraryEvent): void {
  if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
}

async function addFolders(paths: readonly string[]): Promise<void> {
  if (!service || paths.length === 0) return;
  try {
    const message = describeRejections(await openFolders(service, paths));
    if (message && window) await dialog.showMessageBox(window, { type: 'warning', message });
  } catch (error) {
    dialog.showErrorBox('Broadsheet', (error as Error).message);
  }
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  app.setAboutPanelOptions({ applicationName: 'Broadsheet', applicationVersion: app.getVersion() });
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { appOrigin, openExternal: (url) => void shell.openExternal(url), log }),
  );

  const engine = startLibraryWorker({
    dataDir: userData,
    // First run opens the bundled samples, unless a folder was named on the command line.
    defaultRoots: launch.libraries.length
      ? []
      : [
          sampleArchiveDir({
            isPackaged: app.isPackaged,
            resourcesPath: process.resourcesPath,
            appPath: app.getAppPath(),
          }),
        ],
    watch: true,
  });
  service = engine;
  // Article pictures come from the engine's image cache through the app's own origin (never file://,
  // never fetched by the page).
  serveAppProtocol(rendererDir(import.meta.dirname), (request, why) => engine.serveImage(request, why));

  const sendMenu = (command: MenuCommand) => sendToWindow({ type: 'menu', command });
  const menu = installAppMenu(
    {
      openFolder: () => void host.pickFolders().then(addFolders),
      openRecent: (path) => void addFolders([path]).then(() => sendMenu('show-library')),
      sendToWindow: sendMenu,
    },
    devUrl !== undefined,
  );
  const host = createHostRequests({
    platform: process.platform,
    showOpenDialog: (options) =>
      window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options),
    openExternal: (url) => shell.openExternal(url),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    articleFile: async (id) =>
      ((await engine.call('getArticle', id)) as { path: string } | null)?.path ?? null,
    libraryFolders: async () => (await engine.call('getSettings')).roots,
    pickFoldersTitle: () => menu.strings().pickFoldersTitle,
    onFoldersPicked: (paths) => grants.grant(paths, 'dialog'),
  });
  const trusted = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent) =>
    isTrustedSender(event, window, appOrigin);
  ipcMain.on(PATH_GRANT_CHANNEL, createDropGrantListener<Electron.IpcMainEvent>(grants, trusted, log));
  registerRequestHandlers(
    ipcMain,
    createRequestRouter({
      service: () => engine,
      host,
      isTrustedSender: trusted,
      paths: createPathGuard({
        grants,
        libraryFolders: () => engine.call('getSettings'),
        realpath: (path) => realpath(path),
      }),
      log,
      exportDestination: async (format) => {
        const title = menu.strings().exportTitle;
        if (format === 'md') {
          const options = { title, properties: ['openDirectory', 'createDirectory'] as const };
          const r = window
            ? await dialog.showOpenDialog(window, { ...options, properties: [...options.properties] })
            : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
          return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
        }
        const options = {
          title,
          defaultPath: `broadsheet-export.${format}`,
          filters: [{ name: format === 'html' ? 'HTML' : 'JSON', extensions: [format] }],
        };
        const r = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
    }),
  );
  engine.onEvent((event) => {
    if (event.type === 'settings') menu.update(event.settings);
    sendToWindow(event);
  });
  engine.call('getSettings').then(menu.update, (error: Error) => log(error.message));

  const savedState = await loadWindowState(userData);
  const openWindow = () => {
    window = createMainWindow({
      preloadPath: preloadPath(import.meta.dirname),
      url: devUrl ?? APP_ENTRY_URL,
      savedState,
      onStateToSave: (state) => {
        pendingSave = saveWindowState(userData, state).catch((error: Error) => log(error.message));
      },
    });
    window.on('closed', () => {
      window = null;
    });
  };
  openWindow();
  void addFolders(launch.libraries);

  app.on('second-instance', (_event, _argv, _cwd, data) => {
    if (!window) openWindow();
    else if (window.isMinimized()) window.restore();
    window?.focus();
    const libraries = librariesFromInstanceData(data);
    grants.grant(libraries, 'command-line');
    void addFolders(libraries);
  });
  app.on('activate', () => {
    if (!window) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void Promise.allSettled([pendingSave, engine.close()]).then(() => {
      closed = true;
      app.quit();
    });
  });
}
