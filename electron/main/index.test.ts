// The real main process (index.ts) against a stand-in 'electron' module: the library worker runs
// for real on the bundled sample archive, and requests go through the registered IPC handlers.
import type { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AddFoldersResult, LibrarySnapshot, OpenFileResult } from '../../shared/contract';
import { PATH_GRANT_CHANNEL } from '../../shared/internalChannels';

const fake = vi.hoisted(() => {
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const state = {
    userData: '',
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
    windows: [] as unknown[],
    menus: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    shownInFolder: [] as string[],
  };
  class FakeWebContents extends EventEmitter {
    mainFrame = { url: 'app://broadsheet/index.html', parent: null };
    sent: unknown[][] = [];
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    setWindowOpenHandler() {}
  }
  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    options: unknown;
    url = '';
    constructor(options: unknown) {
      super();
      this.options = options;
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    maximize() {}
    show() {}
    focus() {}
    restore() {}
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    enableSandbox() {},
    setPath(_name: string, path: string) {
      state.userData = path;
    },
    getPath: () => state.userData,
    getAppPath: () => join(import.meta.dirname, '..', '..'),
    getLocale: () => 'zh-CN',
    getVersion: () => '0.1.0',
    setAboutPanelOptions() {},
    exit() {},
    quit: vi.fn(),
  });
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    state,
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      Menu: {
        buildFromTemplate: (t: unknown) => t,
        setApplicationMenu: (m: unknown) => state.menus.push(m),
      },
      dialog: {
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showMessageBox: async () => ({}),
      },
      ipcMain: {
        handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
          state.handlers.set(channel, fn),
        on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) =>
          state.listeners.set(channel, fn),
      },
      protocol: {
        registerSchemesAsPrivileged() {},
        handle: (scheme: string, fn: (request: Request) => Promise<Response>) =>
          state.protocolHandlers.set(scheme, fn),
      },
      screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
      session: {
        defaultSession: {
          setPermissionRequestHandler() {},
          setPermissionCheckHandler() {},
          setDevicePermissionHandler() {},
          webRequest: { onBeforeSendHeaders() {} },
        },
      },
      shell: {
        openExternal: async () => undefined,
        showItemInFolder: (path: string) => void state.shownInFolder.push(path),
      },
    },
  };
});
vi.mock('electron', () => fake.module);

type FakeWindow = EventEmitter & {
  url: string;
  options: { webPreferences: Record<string, unknown> };
  webContents: EventEmitter & { mainFrame: { url: string; parent: null }; sent: unknown[][] };
};

let dataDir: string;
let window: FakeWindow;

function call(method: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = fake.state.handlers.get(`broadsheet:${method}`);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(event, ...args);
}

const fromWindow = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'broadsheet-main-'));
  process.env.BROADSHEET_DATA_DIR = dataDir;
  await import('./index');
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 10_000 });
  window = fake.state.windows[0] as FakeWindow;
});

afterAll(async () => {
  // will-quit closes the library worker before the app exits.
  const quit = { preventDefault: vi.fn() };
  fake.module.app.emit('will-quit', quit);
  expect(quit.preventDefault).toHaveBeenCalled();
  await vi.waitFor(() => expect(fake.module.app.quit).toHaveBeenCalled(), { timeout: 10_000 });
  delete process.env.BROADSHEET_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('opens one secure window on the app protocol with the CommonJS preload', () => {
    expect(fake.state.userData).toBe(dataDir);
    expect(window.url).toBe('app://broadsheet/index.html');
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(fake.state.protocolHandlers.has('app')).toBe(true);
  });

  it('serves the bundled sample archive through the library worker', async () => {
    await vi.waitFor(
      async () => {
        const snapshot = (await call('getSnapshot', fromWindow())) as LibrarySnapshot;
        expect(snapshot.progress.done).toBe(true);
        expect(snapshot.articles.map((a) => a.title)).toContain('SIPRI：世界军费开支首次突破2万亿美元');
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(await call('getCapabilities', fromWindow())).toEqual({
      host: 'electron',
      folderDialog: true,
      showInFolder: true,
      platform: process.platform,
    });
  });

  it('answers picture routes on the app protocol from the engine worker’s image service', async () => {
    const handler = fake.state.protocolHandlers.get('app')!;
    const refused = await handler(
      new Request('app://broadsheet/_images/remote?a=x&u=http%3A%2F%2F10.0.0.1%2Fa.png'),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await refused.json()).toMatchObject({
      reason: 'blocked',
      detail: expect.stringMatching(/private/),
    });
    const info = await call('getImageCache', fromWindow());
    expect(info).toMatchObject({ bytes: 0, images: 0, capBytes: 4096 * 1024 * 1024 });
  });

  it('shows a library article in its folder, and nothing for an id it does not know', async () => {
    const snapshot = (await call('getSnapshot', fromWindow())) as LibrarySnapshot;
    const sipri = snapshot.articles.find((a) => a.title.startsWith('SIPRI'))!;
    await call('showInFolder', fromWindow(), sipri.id);
    expect(fake.state.shownInFolder).toHaveLength(1);
    expect(fake.state.shownInFolder[0]).toMatch(/sample-archive[\\/].*SIPRI.*\.md$/);
    await expect(call('showInFolder', fromWindow(), 'no-such-id')).rejects.toThrow(
      /no longer in the library/,
    );
    await expect(call('showInFolder', fromWindow(), 7)).rejects.toThrow('showInFolder: id must be a string');
    expect(fake.state.shownInFolder).toHaveLength(1);
  });

  it('refuses requests from a subframe and bad arguments from the window', async () => {
    const subframe = { url: 'about:srcdoc', parent: window.webContents.mainFrame };
    await expect(call('getSnapshot', { sender: window.webContents, senderFrame: subframe })).rejects.toThrow(
      /did not come from the Broadsheet window/,
    );
    await expect(call('getArticle', fromWindow(), 7)).rejects.toThrow('getArticle: id must be a string');
    await expect(call('openExternal', fromWindow(), 'file:///etc/passwd')).rejects.toThrow(/Only web/);
  });

  it('opens and adds only paths inside the library or granted by a user action', async () => {
    const outsideFile = join(dataDir, 'outside', 'dropped.md');
    await mkdir(join(dataDir, 'outside'), { recursive: true });
    await writeFile(outsideFile, '---\ntitle: Dropped\n---\n\nDropped text.\n');
    const refused = (await call('openFile', fromWindow(), outsideFile)) as OpenFileResult;
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/^Refused/) });
    const snapshot = (await call('getSnapshot', fromWindow())) as LibrarySnapshot;
    const root = snapshot.roots[0]!.path;
    const traversal = (await call(
      'openFile',
      fromWindow(),
      `${root}/../../../etc/passwd.md`,
    )) as OpenFileResult;
    expect(traversal).toMatchObject({ ok: false, reason: expect.stringMatching(/\.\./) });
    const added = (await call('addFolders', fromWindow(), [join(dataDir, 'outside')])) as AddFoldersResult;
    expect(added.added).toEqual([]);
    expect(added.rejected[0]?.reason).toMatch(/^Refused/);

    const report = fake.state.listeners.get(PATH_GRANT_CHANNEL)!;
    // A subframe cannot mint a grant.
    const fromSubframe = {
      sender: window.webContents,
      senderFrame: { url: 'about:srcdoc', parent: window.webContents.mainFrame },
      returnValue: undefined as unknown,
    };
    report(fromSubframe, outsideFile);
    expect(fromSubframe.returnValue).toBe(false);
    expect(await call('openFile', fromWindow(), outsideFile)).toMatchObject({ ok: false });
    // The preload's report of a real drop does.
    const dropped = { ...fromWindow(), returnValue: undefined as unknown };
    report(dropped, outsideFile);
    expect(dropped.returnValue).toBe(true);
    const opened = (await call('openFile', fromWindow(), outsideFile)) as OpenFileResult;
    expect(opened.ok && opened.article.title).toBe('Dropped');
  });

  it('builds the menu in the system language with the recent folders', async () => {
    await vi.waitFor(() => {
      const last = fake.state.menus.at(-1) as {
        label: string;
        submenu: { label: string; submenu?: unknown[] }[];
      }[];
      expect(last.map((m) => m.label)).toContain('文件(&F)');
      const recent = last[0]?.submenu.find((i) => i.label === '最近打开')?.submenu as { label: string }[];
      expect(recent.some((i) => i.label.endsWith('sample-archive'))).toBe(true);
    });
  });

  it('forwards library events to the window and saves the window state on close', async () => {
    await call('setStarred', fromWindow(), 'no-such-article', true).catch(() => undefined);
    await vi.waitFor(() =>
      expect(window.webContents.sent.some(([channel]) => channel === 'broadsheet:event')).toBe(true),
    );
    window.emit('close');
    const { loadWindowState } = await import('./windowStateFile');
    await vi.waitFor(async () =>
      expect(await loadWindowState(dataDir)).toEqual({
        x: 10,
        y: 20,
        width: 1000,
        height: 700,
        maximized: false,
      }),
    );
  });
});
