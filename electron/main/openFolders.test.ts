import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../shared/types';
import { describeRejections, openFolders } from './openFolders';

function service(roots: string[]) {
  const settings: Settings = {
    roots,
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
  };
  const call = vi.fn(async (method: string, ...args: unknown[]): Promise<unknown> => {
    if (method === 'getSettings') return settings;
    if (method === 'addFolders') return { added: args[0], rejected: [] };
    throw new Error(`unexpected ${method}`);
  });
  return { call: call as never, calls: call };
}

describe('openFolders', () => {
  it('adds only folders not already in the library, once each', async () => {
    const s = service(['/news']);
    const result = await openFolders(s, ['/news', '/more', '/more']);
    expect(result.added).toEqual(['/more']);
    expect(s.calls).toHaveBeenLastCalledWith('addFolders', ['/more']);
  });

  it('does not call the engine when every folder is already there', async () => {
    const s = service(['/news']);
    expect(await openFolders(s, ['/news'])).toEqual({ added: [], rejected: [] });
    expect(s.calls).not.toHaveBeenCalledWith('addFolders', expect.anything());
  });
});

describe('describeRejections', () => {
  it('lists each refused folder with its reason, or nothing', () => {
    expect(describeRejections({ added: ['/a'], rejected: [] })).toBeNull();
    expect(
      describeRejections({
        added: [],
        rejected: [
          { path: '/gone', reason: 'The folder does not exist.' },
          { path: '/f.md', reason: 'This is a file, not a folder.' },
        ],
      }),
    ).toBe('/gone\nThe folder does not exist.\n\n/f.md\nThis is a file, not a folder.');
  });
});
