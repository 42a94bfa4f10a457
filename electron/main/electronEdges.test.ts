// The thin modules that touch Electron, run against a stand-in 'electron' module.
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelFor, REQUEST_METHODS } from '../../shared/contract';
import { preloadPath, rendererDir, sampleArchiveDir } from './resourcePaths';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

beforeEach(() => {
  electron.protocol.registerSchemesAsPrivileged.mockClear();
  electron.protocol.handle.mockClear();
});

describe('appProtocol', () => {
  it('registers app: as a standard, secure scheme and serves it with the handler', async () => {
    const { registerAppScheme, serveAppProtocol } = await import('./appProtocol');
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
    const serveImage = vi.fn(async () => ({
      status: 200,
      headers: { 'Content-Type': 'image/png' },
      body: new Uint8Array([1, 2, 3]),
    }));
    serveAppProtocol('/nowhere/renderer', serveImage);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [
      string,
      (r: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://broadsheet/..%2F..%2Fetc%2Fpasswd'));
    expect(response.status).toBe(403);
    const picture = await handler(new Request('app://broadsheet/_images/local?a=id1&src=images%2Fa.png'));
    expect(picture.status).toBe(200);
    expect(serveImage).toHaveBeenCalledWith({ kind: 'local', articleId: 'id1', src: 'images/a.png' }, false);
  });
});

describe('registerRequestHandlers', () => {
  it('handles one channel per request method, each routed with its own method name', async () => {
    const { registerRequestHandlers } = await import('./ipc');
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
        handlers.set(channel, fn),
    };
    const router = vi.fn(async () => 'ok');
    registerRequestHandlers(ipcMain as never, router);
    expect([...handlers.keys()].sort()).toEqual(REQUEST_METHODS.map(channelFor).sort());
    const event = { sender: 1 };
    await handlers.get('broadsheet:setStarred')?.(event, 'id1', true);
    expect(router).toHaveBeenCalledWith('setStarred', event, ['id1', true]);
  });
});

describe('resourcePaths', () => {
  it('finds the sample archive in development and when packaged', () => {
    expect(sampleArchiveDir({ isPackaged: false, resourcesPath: '/x', appPath: '/repo' })).toBe(
      resolve('/repo/resources/sample-archive'),
    );
    expect(
      sampleArchiveDir({ isPackaged: true, resourcesPath: '/opt/Broadsheet/resources', appPath: '/x' }),
    ).toBe(resolve('/opt/Broadsheet/resources/sample-archive'));
  });

  it('finds the renderer and the CommonJS preload beside out/main', () => {
    expect(rendererDir('/app/out/main')).toBe(resolve('/app/out/renderer'));
    expect(preloadPath('/app/out/main')).toBe(resolve('/app/out/preload/index.cjs'));
  });
});
