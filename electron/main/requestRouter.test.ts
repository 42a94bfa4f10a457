import { describe, expect, it, vi } from 'vitest';
import { isHostMethod } from '../../shared/contract';
import type { Settings } from '../../shared/types';
import { cleanError, createRequestRouter, type HostRequests } from '../host/requestRouter';
import { createHostRequests } from './hostRequests';
import { createPathGuard, PathGrants } from './pathGrants';

const SETTINGS: Settings = {
  roots: [],
  recentRoots: [],
  theme: 'system',
  language: 'system',
  textSize: 18,
  dateTimeZone: '',
  cleanUp: true,
  imageCacheMB: 4096,
  prefetchScope: 'off',
  prefetchFolders: [],
  prefetchKBps: 0,
  readingFont: 'auto',
  columnWidth: 'medium',
  lineHeight: 17,
  listDensity: 'comfortable',
};

interface FakeEvent {
  trusted: boolean;
}

function setup() {
  const call = vi.fn(async (method: string, ...args: unknown[]): Promise<unknown> => {
    if (method === 'getSettings') return SETTINGS;
    if (method === 'getArticle') return args[0] === 'missing' ? null : { id: args[0] };
    if (method === 'removeFolder') throw new Error('/x is not one of the library’s folders.');
    return undefined;
  });
  const host: HostRequests = {
    getCapabilities: vi.fn(async () => ({
      host: 'electron' as const,
      folderDialog: true,
      showInFolder: true,
      platform: 'linux',
    })),
    pickFolders: vi.fn(async () => ['/picked']),
    openExternal: vi.fn(async () => undefined),
    showInFolder: vi.fn(async () => undefined),
  };
  const log = vi.fn();
  const grants = new PathGrants();
  const router = createRequestRouter<FakeEvent>({
    service: () => ({ call: call as never }),
    host,
    isTrustedSender: (event) => event.trusted,
    paths: createPathGuard({
      grants,
      libraryFolders: async () => ({ roots: ['/lib'], recentRoots: ['/old-lib'] }),
      // No links on this pretend disk: every path is its own real path.
      realpath: async (path) => path,
    }),
    log,
  });
  return { router, call, host, log, grants };
}

const trusted: FakeEvent = { trusted: true };

describe('createRequestRouter', () => {
  it('forwards engine requests with the checked copy of their arguments and returns the answer untouched', async () => {
    const { router, call } = setup();
    const answer = { id: 'abc', from: 'the engine' };
    call.mockResolvedValueOnce(answer);
    expect(await router('getArticle', trusted, ['abc'])).toBe(answer);
    expect(call).toHaveBeenLastCalledWith('getArticle', 'abc');
    // The engine gets what validation built, not the page's own object (which it could change later).
    const query = { text: '央行', limit: 5 };
    await router('search', trusted, [query]);
    expect(call).toHaveBeenLastCalledWith('search', { text: '央行', limit: 5 });
    expect(call.mock.lastCall![1]).not.toBe(query);
    const patch = { theme: 'dark' };
    await router('updateSettings', trusted, [patch]);
    expect(call.mock.lastCall).toEqual(['updateSettings', { theme: 'dark' }]);
    expect(call.mock.lastCall![1]).not.toBe(patch);
  });

  it('answers host requests itself and never forwards them to the engine', async () => {
    const { router, call, host } = setup();
    const picked = ['/picked'];
    vi.mocked(host.pickFolders).mockResolvedValueOnce(picked);
    expect(await router('pickFolders', trusted, [])).toBe(picked);
    await router('getCapabilities', trusted, []);
    await router('openExternal', trusted, ['https://example.com/']);
    expect(host.getCapabilities).toHaveBeenCalledTimes(1);
    expect(host.openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses untrusted senders before looking at the arguments', async () => {
    const { router, call, host, log } = setup();
    await expect(router('getSettings', { trusted: false }, [])).rejects.toThrow(
      /did not come from the Broadsheet window/,
    );
    await expect(router('openExternal', { trusted: false }, ['https://x.example/'])).rejects.toThrow(
      /refused/,
    );
    expect(call).not.toHaveBeenCalled();
    expect(host.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted frame'));
  });

  it('refuses bad arguments with the contract’s message', async () => {
    const { router, call } = setup();
    await expect(router('getArticle', trusted, [42])).rejects.toThrow(
      'getArticle: id must be a string, got number',
    );
    await expect(router('setStarred', trusted, ['a'])).rejects.toThrow('expects 2 argument(s), got 1');
    await expect(router('updateSettings', trusted, [{ roots: ['/etc'] }])).rejects.toThrow(
      /unknown field "roots"/,
    );
    expect(call).not.toHaveBeenCalled();
  });

  it('returns engine failures as plain errors with the message only', async () => {
    const { router } = setup();
    const error = await router('removeFolder', trusted, ['/x']).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('/x is not one of the library’s folders.');
    expect((error as Error).name).toBe('Error');
    expect((error as Error).cause).toBeUndefined();
  });
});

describe('cleanError', () => {
  it('keeps the message of an Error and replaces anything else with a generic one', () => {
    const original = new TypeError('boom');
    const cleaned = cleanError('search', original);
    expect(cleaned).not.toBe(original);
    expect(cleaned.message).toBe('boom');
    const log = vi.fn();
    expect(cleanError('search', { weird: true }, log).message).toMatch(/search failed unexpectedly/);
    expect(log).toHaveBeenCalled();
  });
});

describe('isHostMethod', () => {
  it('names exactly the three methods the main process answers', () => {
    expect(isHostMethod('pickFolders')).toBe(true);
    expect(isHostMethod('openExternal')).toBe(true);
    expect(isHostMethod('getCapabilities')).toBe(true);
    expect(isHostMethod('getSnapshot')).toBe(false);
    expect(isHostMethod('toString')).toBe(false);
  });
});

describe('createHostRequests', () => {
  function host(canceled: boolean) {
    const openExternal = vi.fn(async () => undefined);
    const showOpenDialog = vi.fn(async () => ({ canceled, filePaths: canceled ? [] : ['/a', '/b'] }));
    const showItemInFolder = vi.fn();
    // The library is /lib; /lib/escape.md is a link to a file outside it.
    const files: Record<string, string> = {
      a: '/lib/2022/a.md',
      out: '/elsewhere/b.md',
      link: '/lib/escape.md',
    };
    const real: Record<string, string> = {
      '/lib': '/lib',
      '/lib/2022/a.md': '/lib/2022/a.md',
      '/elsewhere/b.md': '/elsewhere/b.md',
      '/lib/escape.md': '/etc/passwd',
    };
    const requests = createHostRequests({
      platform: 'darwin',
      showOpenDialog,
      openExternal,
      showItemInFolder,
      articleFile: async (id) => files[id] ?? null,
      libraryFolders: async () => ['/lib'],
      realpath: async (p) => {
        const r = real[p];
        if (r === undefined) throw new Error('ENOENT');
        return r;
      },
      pickFoldersTitle: () => '打开文件夹',
    });
    return { requests, openExternal, showOpenDialog, showItemInFolder };
  }

  it('reports the platform, a folder dialog and showing files in their folder', async () => {
    expect(await host(false).requests.getCapabilities()).toEqual({
      host: 'electron',
      folderDialog: true,
      showInFolder: true,
      platform: 'darwin',
    });
  });

  it('shows an article file in its folder only when it really is inside the library', async () => {
    const h = host(false);
    await h.requests.showInFolder('a');
    expect(h.showItemInFolder).toHaveBeenCalledWith('/lib/2022/a.md');
    await expect(h.requests.showInFolder('out')).rejects.toThrow(/not inside the library's folders/);
    await expect(h.requests.showInFolder('link')).rejects.toThrow(/not inside the library's folders/);
    await expect(h.requests.showInFolder('gone')).rejects.toThrow(/no longer in the library/);
    expect(h.showItemInFolder).toHaveBeenCalledTimes(1);
  });

  it('returns the chosen folders, or none when cancelled', async () => {
    const chosen = host(false);
    expect(await chosen.requests.pickFolders()).toEqual(['/a', '/b']);
    expect(chosen.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: '打开文件夹', properties: expect.arrayContaining(['openDirectory']) }),
    );
    expect(await host(true).requests.pickFolders()).toEqual([]);
  });

  it('opens only web and mail links', async () => {
    const { requests, openExternal } = host(false);
    await requests.openExternal('mailto:a@example.com');
    await expect(requests.openExternal('file:///etc/passwd')).rejects.toThrow(/Only web/);
    await expect(requests.openExternal('javascript:alert(1)')).rejects.toThrow(/Only web/);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('hands the mail client only to, cc, bcc, subject and body', async () => {
    const { requests, openExternal } = host(false);
    await requests.openExternal('mailto:a@example.com?subject=Hi&attach=/etc/passwd&Attachment=x&body=b');
    expect(openExternal).toHaveBeenCalledWith('mailto:a@example.com?subject=Hi&body=b');
  });
});

describe('the router against a compromised page', () => {
  it('opens only files inside the library or granted by a user action', async () => {
    const { router, call, grants } = setup();
    expect(await router('openFile', trusted, ['/etc/passwd.md'])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Refused/),
    });
    expect(await router('openFile', trusted, ['/lib/../etc/passwd.md'])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/"\.\."/),
    });
    expect(await router('openFile', trusted, ['/library-lookalike/a.md'])).toMatchObject({ ok: false });
    expect(call).not.toHaveBeenCalled();
    await router('openFile', trusted, ['/lib/2022/a.md']);
    expect(call).toHaveBeenLastCalledWith('openFile', '/lib/2022/a.md');
    grants.grant(['/home/u/Desktop/dropped.md'], 'drop');
    await router('openFile', trusted, ['/home/u/Desktop/dropped.md']);
    expect(call).toHaveBeenLastCalledWith('openFile', '/home/u/Desktop/dropped.md');
  });

  it('adds only granted or known folders and reports the rest as rejected', async () => {
    const { router, call, grants } = setup();
    call.mockImplementation(async (_method: string, ...args: unknown[]) => ({
      added: args[0] as string[],
      rejected: [],
    }));
    grants.grant(['/picked'], 'dialog');
    const result = await router('addFolders', trusted, [
      ['/', '/picked', '/home/u', '/old-lib', '/lib/../etc'],
    ]);
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenLastCalledWith('addFolders', ['/picked', '/old-lib']);
    expect(result).toMatchObject({
      added: ['/picked', '/old-lib'],
      rejected: [
        { path: '/', reason: expect.stringMatching(/^Refused/) },
        { path: '/home/u', reason: expect.stringMatching(/^Refused/) },
        { path: '/lib/../etc', reason: expect.stringMatching(/"\.\."/) },
      ],
    });
    call.mockClear();
    expect(await router('addFolders', trusted, [['/etc']])).toMatchObject({
      added: [],
      rejected: [{ path: '/etc' }],
    });
    expect(call).not.toHaveBeenCalled();
  });

  it('grants the folders the native dialog returned', async () => {
    const grants = new PathGrants();
    const host = createHostRequests({
      platform: 'linux',
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/chosen'] }),
      openExternal: async () => undefined,
      showItemInFolder: () => undefined,
      articleFile: async () => null,
      libraryFolders: async () => [],
      pickFoldersTitle: () => 'Open',
      onFoldersPicked: (paths) => grants.grant(paths, 'dialog'),
    });
    expect(grants.isGranted('/chosen')).toBe(false);
    await host.pickFolders();
    expect(grants.isGranted('/chosen')).toBe(true);
  });

  it('refuses malformed requests before anything reaches the engine', async () => {
    const { router, call } = setup();
    const refusals: [string, unknown[], RegExp][] = [
      ['openFile', [42], /path must be a string/],
      ['openFile', [['/lib/a.md']], /path must be a string/],
      ['openFile', [{ toString: () => '/lib/a.md' }], /path must be a string/],
      ['openFile', ['/lib/a.md\0.png'], /NUL/],
      ['openFile', [`/lib/${'a'.repeat(5000)}.md`], /limit is 4096/],
      ['openFile', ['/lib/a.md', 'extra'], /expects 1 argument/],
      ['addFolders', ['/lib'], /paths must be an array/],
      ['addFolders', [Array.from({ length: 101 }, (_, i) => `/f${i}`)], /1 to 100 folders/],
      ['addFolders', [[{}]], /must be a string/],
      ['search', [{ text: 'a'.repeat(1001) }], /limit is 1000/],
      ['search', [JSON.parse('{"text":"a","__proto__":{"polluted":true}}')], /unknown field "__proto__"/],
      [
        'search',
        [{ text: 'a', constructor: { prototype: { polluted: true } } }],
        /unknown field "constructor"/,
      ],
      ['updateSettings', [JSON.parse('{"__proto__":{"roots":["/"]}}')], /unknown field "__proto__"/],
      ['updateSettings', [Object.create({ theme: 'dark' })], /plain object/],
      ['setStarred', ['id', 'yes'], /must be a boolean/],
      ['setRead', ['id', true], /ids must be a list/],
      ['setRead', [['a', 7], true], /ids\[1\] must be a string/],
      ['setRead', [['a'], 'yes'], /must be a boolean/],
      ['setReadProgress', ['a', 1.5], /progress must be a number from 0 to 1/],
      ['setReadProgress', ['a', Number.NaN], /progress must be a number from 0 to 1/],
    ];
    for (const [method, args, message] of refusals) {
      await expect(router(method as never, trusted, args), `${method} ${message}`).rejects.toThrow(message);
    }
    await expect(router('evalInMain' as never, trusted, [])).rejects.toThrow(/unknown method/);
    await expect(router('__proto__' as never, trusted, [])).rejects.toThrow(/unknown method/);
    await expect(router('getSnapshot', trusted, 'not-an-array' as never)).rejects.toThrow(/must be an array/);
    expect(call).not.toHaveBeenCalled();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
