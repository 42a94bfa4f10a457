import { describe, expect, it, vi } from 'vitest';
import { chooseLaunch, type LaunchDeps } from './chooseLaunch';
import { describeDownloadFailure } from './downloadFailure';
import type { InstalledElectron } from './electronBinary';

const missing: InstalledElectron = {
  ok: false,
  reason: 'the Electron binary has not been downloaded yet',
  download: true,
};
const present: InstalledElectron = { ok: true, path: '/e/dist/electron' };

/** The error fetch gives when DNS fails: a TypeError whose cause is the resolver's error. */
function dnsFailure(): Error {
  const cause = Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: 'github.com',
  });
  return new TypeError('fetch failed', { cause });
}

function deps(over: Partial<LaunchDeps>): LaunchDeps & { said: string[] } {
  const said: string[] = [];
  return {
    version: '45.4.1',
    installed: () => missing,
    download: async () => {},
    describeFailure: (e) => describeDownloadFailure(e, {}),
    say: (line) => said.push(line),
    said,
    ...over,
  };
}

describe('chooseLaunch', () => {
  it('opens the desktop app without downloading when the binary is there', async () => {
    const download = vi.fn(async () => {});
    const d = deps({ installed: () => present, download });
    expect(await chooseLaunch(d)).toEqual({ kind: 'desktop', binary: '/e/dist/electron' });
    expect(download).not.toHaveBeenCalled();
    expect(d.said).toEqual([]);
  });

  it('downloads a missing binary, says so first, then opens the desktop app', async () => {
    let installed = false;
    const d = deps({
      installed: () => (installed ? present : missing),
      download: async () => {
        installed = true;
      },
    });
    expect(await chooseLaunch(d)).toEqual({ kind: 'desktop', binary: '/e/dist/electron' });
    expect(d.said).toHaveLength(1);
    expect(d.said[0]).toContain('needs Electron 45.4.1 (the Electron binary has not been downloaded yet)');
    expect(d.said[0]).toContain('downloading it once');
  });

  it('falls back to the browser with the network error it got and how to retry', async () => {
    const d = deps({
      download: async () => {
        throw dnsFailure();
      },
    });
    const launch = await chooseLaunch(d);
    expect(launch).toEqual({
      kind: 'browser',
      reason: "Electron's download failed: no network: github.com could not be found (DNS lookup failed)",
      retry: expect.stringContaining('run `npm start` again'),
    });
  });

  it('does not download over an ELECTRON_OVERRIDE_DIST_PATH the user chose', async () => {
    const download = vi.fn(async () => {});
    const d = deps({
      installed: () => ({
        ok: false,
        reason: 'ELECTRON_OVERRIDE_DIST_PATH=/x holds no Electron executable',
        download: false,
      }),
      download,
    });
    const launch = await chooseLaunch(d);
    expect(launch.kind).toBe('browser');
    expect(launch.kind === 'browser' && launch.reason).toBe(
      'ELECTRON_OVERRIDE_DIST_PATH=/x holds no Electron executable',
    );
    expect(download).not.toHaveBeenCalled();
  });

  it('says so when the installer ran but the binary is still not there', async () => {
    const d = deps({ installed: () => ({ ...missing, reason: '/e/dist/electron does not exist' }) });
    const launch = await chooseLaunch(d);
    expect(launch.kind === 'browser' && launch.reason).toBe(
      "Electron's installer finished, but /e/dist/electron does not exist",
    );
  });

  it('sends a checkout without the electron package to npm ci', async () => {
    const launch = await chooseLaunch(deps({ version: null }));
    expect(launch).toEqual({
      kind: 'browser',
      reason: 'the electron package is not installed',
      retry: 'run `npm ci`, then `npm start`',
    });
  });
});
