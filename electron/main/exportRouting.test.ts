// Where an export goes is the host's answer (its save dialog), never the page's.
import { describe, expect, it, vi } from 'vitest';
import { ContractError, validateRequest } from '../../shared/validateRequest';
import { createRequestRouter } from '../host/requestRouter';

function router(exportDestination?: (format: string) => Promise<string | null>) {
  const call = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ exported: 1 }));
  const route = createRequestRouter<null>({
    service: () => ({ call: call as never }),
    host: {
      getCapabilities: vi.fn(),
      pickFolders: vi.fn(),
      openExternal: vi.fn(),
    } as never,
    isTrustedSender: () => true,
    paths: { openFile: async () => null, addFolders: async (p) => ({ allowed: [...p], rejected: [] }) },
    exportDestination,
  });
  return { route, call };
}

const REQUEST = { selection: { kind: 'starred' }, format: 'html' };

describe('export requests', () => {
  it('refuse a destination named by the page, and anything unknown', () => {
    expect(() => validateRequest('exportArticles', [{ ...REQUEST, destination: '/etc/x.html' }])).toThrow(
      ContractError,
    );
    expect(() => validateRequest('exportArticles', [{ ...REQUEST, format: 'exe' }])).toThrow(
      /format must be/,
    );
    expect(() =>
      validateRequest('exportArticles', [{ selection: { kind: 'ids', ids: [1] }, format: 'md' }]),
    ).toThrow(/must be a string/);
    expect(validateRequest('exportArticles', [REQUEST])).toEqual([REQUEST]);
  });

  it('take the destination from the host dialog', async () => {
    const { route, call } = router(async (format) => `/chosen/out.${format}`);
    await route('exportArticles', null, [REQUEST]);
    expect(call).toHaveBeenCalledWith('exportArticles', { ...REQUEST, destination: '/chosen/out.html' });
  });

  it('answer a cancelled dialog without exporting', async () => {
    const { route, call } = router(async () => null);
    expect(await route('exportArticles', null, [REQUEST])).toMatchObject({ cancelled: true, exported: 0 });
    expect(call).not.toHaveBeenCalled();
  });

  it('leave the destination to the engine where the host has no dialog', async () => {
    const { route, call } = router();
    await route('exportArticles', null, [REQUEST]);
    expect(call).toHaveBeenCalledWith('exportArticles', REQUEST);
  });
});
