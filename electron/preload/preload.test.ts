import { describe, expect, it, vi } from 'vitest';
import { channelFor, EVENT_CHANNEL, type LibraryEvent, REQUEST_METHODS } from '../../shared/contract';
import { createBroadsheetApi, type IpcPort, remoteErrorMessage } from './createBroadsheetApi';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => 'answer'),
    on: vi.fn(),
    removeListener: vi.fn(),
    sendSync: vi.fn(() => true),
  },
  webUtils: { getPathForFile: vi.fn(() => '/dropped/a.md') },
}));
vi.mock('electron', () => electron);

const EXPECTED_KEYS = [...REQUEST_METHODS, 'onEvent', 'getPathForFile'].sort();

function fakePort() {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const port: IpcPort & { invoke: ReturnType<typeof vi.fn> } = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? [])
      listener({ sender: 'ipc-internals', ports: [] }, payload);
  };
  return { port, emit, listeners };
}

describe('createBroadsheetApi', () => {
  it('exposes exactly the BroadsheetApi members and nothing generic', () => {
    const api = createBroadsheetApi(fakePort().port, () => '');
    expect(Object.keys(api).sort()).toEqual(EXPECTED_KEYS);
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'require']) expect(key in api).toBe(false);
  });

  it('sends each request on its own channel with its arguments', async () => {
    const { port } = fakePort();
    const api = createBroadsheetApi(port, () => '');
    await api.setStarred('abc', true);
    expect(port.invoke).toHaveBeenLastCalledWith(channelFor('setStarred'), 'abc', true);
    await api.search({ text: '美债' });
    expect(port.invoke).toHaveBeenLastCalledWith('broadsheet:search', { text: '美债' });
    await api.getSnapshot();
    expect(port.invoke).toHaveBeenLastCalledWith('broadsheet:getSnapshot');
  });

  it('rejects with the main process’s message, without Electron’s wrapping', async () => {
    const { port } = fakePort();
    port.invoke.mockRejectedValueOnce(
      new Error(
        "Error invoking remote method 'broadsheet:getArticle': Error: getArticle: id must not be empty",
      ),
    );
    const api = createBroadsheetApi(port, () => '');
    await expect(api.getArticle('')).rejects.toThrow(/^getArticle: id must not be empty$/);
  });

  it('delivers events without the IPC event object and unsubscribes', () => {
    const { port, emit, listeners } = fakePort();
    const api = createBroadsheetApi(port, () => '');
    const received: unknown[][] = [];
    const off = api.onEvent((...args) => received.push(args));
    const event: LibraryEvent = { type: 'menu', command: 'focus-search' };
    emit(EVENT_CHANNEL, event);
    expect(received).toEqual([[event]]);
    off();
    emit(EVENT_CHANNEL, event);
    expect(received).toHaveLength(1);
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('answers an empty path when the host cannot tell a file’s path', () => {
    const api = createBroadsheetApi(fakePort().port, () => {
      throw new Error('not a File');
    });
    expect(api.getPathForFile({} as File)).toBe('');
  });
});

describe('reporting dropped paths to the main process', () => {
  it('reports each real path it resolves, and nothing for files without one', () => {
    const reported: string[] = [];
    const paths: Record<string, string> = { real: '/home/u/dropped.md', made: '' };
    const api = createBroadsheetApi(
      fakePort().port,
      (file) => paths[file.name] ?? '',
      (path) => reported.push(path),
    );
    expect(api.getPathForFile({ name: 'made' } as File)).toBe('');
    expect(reported).toEqual([]);
    expect(api.getPathForFile({ name: 'real' } as File)).toBe('/home/u/dropped.md');
    expect(reported).toEqual(['/home/u/dropped.md']);
  });

  it('still answers the path when the report fails', () => {
    const api = createBroadsheetApi(
      fakePort().port,
      () => '/a.md',
      () => {
        throw new Error('ipc closed');
      },
    );
    expect(api.getPathForFile({} as File)).toBe('/a.md');
  });
});

describe('remoteErrorMessage', () => {
  it('strips the transport prefix and keeps plain messages', () => {
    expect(
      remoteErrorMessage(new Error("Error invoking remote method 'broadsheet:x': ContractError: bad")),
    ).toBe('bad');
    expect(remoteErrorMessage(new Error("Error invoking remote method 'broadsheet:x': plain"))).toBe('plain');
    expect(remoteErrorMessage(new Error('already clean'))).toBe('already clean');
    expect(remoteErrorMessage('text')).toBe('text');
  });
});

describe('preload entry', () => {
  it('exposes the API as window.broadsheet through the context bridge', async () => {
    await import('./index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('broadsheet');
    expect(Object.keys(api).sort()).toEqual(EXPECTED_KEYS);
    await (api.getSettings as () => Promise<unknown>)();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('broadsheet:getSettings');
    expect((api.getPathForFile as (f: unknown) => string)({})).toBe('/dropped/a.md');
    expect(electron.ipcRenderer.sendSync).toHaveBeenCalledWith(
      'broadsheet-internal:path-granted',
      '/dropped/a.md',
    );
  });
});
