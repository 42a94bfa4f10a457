import { describe, expect, it, vi } from 'vitest';
import {
  type AccessFacts,
  createDropGrantListener,
  createPathGuard,
  decideAddFolder,
  decideOpenFile,
  GRANT_TTL_MS,
  MAX_GRANTS,
  PathGrants,
  plainAbsolutePath,
} from './pathGrants';

function facts(overrides: Partial<AccessFacts> = {}): AccessFacts {
  return {
    roots: ['/lib'],
    realRoots: ['/real/lib'],
    recentRoots: [],
    grants: new PathGrants(),
    realPath: null,
    ...overrides,
  };
}

describe('plainAbsolutePath', () => {
  it('accepts normal absolute paths and refuses anything that needs normalizing', () => {
    expect(plainAbsolutePath('/lib/a.md')).toBe('/lib/a.md');
    expect(plainAbsolutePath('/lib/')).toBe('/lib');
    expect(plainAbsolutePath('/')).toBe('/');
    for (const bad of [
      'lib/a.md',
      './a.md',
      '/lib/../etc/passwd.md',
      '/lib/./a.md',
      '//lib/a.md',
      '/lib//a.md',
      '/a\0.md',
      '',
    ]) {
      expect(plainAbsolutePath(bad), bad).toBeNull();
    }
  });
});

describe('decideOpenFile', () => {
  it('opens files really inside a library folder', () => {
    expect(decideOpenFile('/lib/2022/a.md', facts({ realPath: '/real/lib/2022/a.md' }))).toEqual({
      ok: true,
    });
  });

  it('refuses a link inside the library that leads out of it', () => {
    const decision = decideOpenFile('/lib/link.md', facts({ realPath: '/etc/passwd.md' }));
    expect(decision).toMatchObject({ ok: false, reason: expect.stringMatching(/links to a place outside/) });
  });

  it('refuses lookalike prefixes, traversal and strangers, but opens granted files', () => {
    expect(decideOpenFile('/lib-evil/a.md', facts({ realPath: '/lib-evil/a.md' })).ok).toBe(false);
    expect(decideOpenFile('/lib/../etc/passwd.md', facts()).ok).toBe(false);
    expect(decideOpenFile('/home/u/a.md', facts({ realPath: '/home/u/a.md' })).ok).toBe(false);
    const grants = new PathGrants();
    grants.grant(['/home/u/a.md'], 'drop');
    expect(decideOpenFile('/home/u/a.md', facts({ grants }))).toEqual({ ok: true });
    // A grant is for that path only, not for its neighbours or children.
    expect(decideOpenFile('/home/u/b.md', facts({ grants })).ok).toBe(false);
  });
});

describe('decideAddFolder', () => {
  it('adds granted, recent and already-present folders only', () => {
    const grants = new PathGrants();
    grants.grant(['/picked'], 'dialog');
    const f = facts({ grants, recentRoots: ['/old'] });
    expect(decideAddFolder('/picked', f).ok).toBe(true);
    expect(decideAddFolder('/old', f).ok).toBe(true);
    expect(decideAddFolder('/lib/sub', f).ok).toBe(true);
    expect(decideAddFolder('/', f).ok).toBe(false);
    expect(decideAddFolder('/picked/..', f).ok).toBe(false);
    expect(decideAddFolder('/home', f)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Open Folder/),
    });
  });
});

describe('PathGrants', () => {
  it('forgets grants after the time limit', () => {
    let now = 1_000;
    const grants = new PathGrants(() => now);
    grants.grant(['/a.md', 'relative.md', '/x/../y.md'], 'drop');
    expect(grants.size).toBe(1);
    expect(grants.isGranted('/a.md')).toBe(true);
    now += GRANT_TTL_MS;
    expect(grants.isGranted('/a.md')).toBe(false);
  });

  it('keeps at most MAX_GRANTS, dropping the oldest', () => {
    const grants = new PathGrants();
    grants.grant(
      Array.from({ length: MAX_GRANTS + 5 }, (_, i) => `/f${i}.md`),
      'drop',
    );
    expect(grants.size).toBe(MAX_GRANTS);
    expect(grants.isGranted('/f0.md')).toBe(false);
    expect(grants.isGranted(`/f${MAX_GRANTS + 4}.md`)).toBe(true);
  });
});

describe('createDropGrantListener', () => {
  it('grants paths reported by the app window only, and always answers', () => {
    const grants = new PathGrants();
    const log = vi.fn();
    const listener = createDropGrantListener<{ returnValue: unknown; trusted: boolean }>(
      grants,
      (e) => e.trusted,
      log,
    );
    const untrusted = { returnValue: undefined as unknown, trusted: false };
    listener(untrusted, '/x.md');
    expect(untrusted.returnValue).toBe(false);
    expect(grants.isGranted('/x.md')).toBe(false);
    expect(log).toHaveBeenCalled();
    for (const bad of [42, '', 'a'.repeat(5000), { path: '/x.md' }]) {
      const event = { returnValue: undefined as unknown, trusted: true };
      listener(event, bad);
      expect(event.returnValue).toBe(false);
    }
    const good = { returnValue: undefined as unknown, trusted: true };
    listener(good, '/x.md');
    expect(good.returnValue).toBe(true);
    expect(grants.isGranted('/x.md')).toBe(true);
  });
});

describe('createPathGuard', () => {
  it('resolves links of the file and of the roots before deciding', async () => {
    const links: Record<string, string> = {
      '/lib': '/real/lib',
      '/lib/in.md': '/real/lib/in.md',
      '/lib/out.md': '/etc/x.md',
    };
    const guard = createPathGuard({
      grants: new PathGrants(),
      libraryFolders: async () => ({ roots: ['/lib'], recentRoots: [] }),
      realpath: async (p) => {
        const real = links[p];
        if (!real) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return real;
      },
    });
    expect(await guard.openFile('/lib/in.md')).toBeNull();
    expect(await guard.openFile('/lib/out.md')).toMatchObject({ ok: false });
    expect(await guard.openFile('/lib/missing.md')).toMatchObject({ ok: false });
    expect(await guard.addFolders(['/lib/sub', '/etc'])).toEqual({
      allowed: ['/lib/sub'],
      rejected: [{ path: '/etc', reason: expect.stringMatching(/^Refused/) }],
    });
  });
});
