// The real download code (the electron package's @electron/get, its pinned checksums) against a
// local mirror that fails in the ways real networks do; each failure must come back as one line that
// names it. The success path ends in the installer writing node_modules/electron/dist, so it is
// exercised with the download stubbed (chooseLaunch.test.ts), not here.

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadElectron, formatProgress } from './downloadElectron';
import { describeDownloadFailure } from './downloadFailure';
import { electronPackage } from './electronBinary';

const pkg = electronPackage()!;
let cache: string;
let server: Server;
let mirror: string;
let handler: (res: import('node:http').ServerResponse) => void = () => {};
const savedMirror = process.env.ELECTRON_MIRROR;

beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), 'broadsheet-electron-cache-'));
  server = createServer((_req, res) => handler(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(cache, { recursive: true, force: true });
});
afterEach(() => {
  if (savedMirror === undefined) delete process.env.ELECTRON_MIRROR;
  else process.env.ELECTRON_MIRROR = savedMirror;
});

/** @electron/get reads its mirror from the process environment, as it does under npm. */
async function failureFrom(mirrorUrl: string, stallSeconds?: number): Promise<string> {
  process.env.ELECTRON_MIRROR = mirrorUrl;
  const env = { ELECTRON_MIRROR: mirrorUrl, electron_config_cache: cache };
  const seen: number[] = [];
  const error = await downloadElectron(pkg, (p) => seen.push(p.transferred), env, stallSeconds).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the download must fail').not.toBeNull();
  return describeDownloadFailure(error, env);
}

describe('downloadElectron failures, as the user reads them', () => {
  it('a server that is not there: connection refused, with its address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failureFrom(`http://127.0.0.1:${port}/`)).toBe(`127.0.0.1:${port} refused the connection`);
  });

  it('a mirror without the file: the HTTP status and the address asked for', async () => {
    handler = (res) => res.writeHead(404, 'Not Found').end();
    expect(await failureFrom(mirror)).toBe(
      `the server answered HTTP 404 for ${mirror}v${pkg.version}/electron-v${pkg.version}-${process.platform}-${process.arch}.zip`,
    );
  });

  it('a damaged download: the checksum check, and the file is not used', async () => {
    handler = (res) => res.writeHead(200, { 'content-length': '5' }).end('hello');
    expect(await failureFrom(mirror)).toBe(
      'the downloaded file failed its checksum check (damaged or altered on the way), so it was not used',
    );
  });

  it('a server that stops sending: given up after the stall time', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-length': '1000000' });
      res.write('x'.repeat(1000));
    };
    expect(await failureFrom(mirror, 1)).toBe('no data from the download server for 1 s');
  });
});

describe('describeDownloadFailure', () => {
  const fetchFailed = (cause: object) => new TypeError('fetch failed', { cause });

  it('names DNS failures as no network', () => {
    const cause = Object.assign(new Error('getaddrinfo EAI_AGAIN github.com'), {
      code: 'EAI_AGAIN',
      hostname: 'github.com',
    });
    expect(describeDownloadFailure(fetchFailed(cause), {})).toBe(
      'no network: github.com could not be found (DNS lookup failed)',
    );
  });

  it('points at ELECTRON_GET_USE_PROXY when a proxy is set but not used', () => {
    const cause = Object.assign(new Error('x'), { code: 'ENOTFOUND', hostname: 'github.com' });
    expect(describeDownloadFailure(fetchFailed(cause), { HTTPS_PROXY: 'http://proxy:3128' })).toBe(
      'no network: github.com could not be found (DNS lookup failed); HTTPS_PROXY is set, but the download uses it only with ELECTRON_GET_USE_PROXY=1',
    );
    expect(
      describeDownloadFailure(fetchFailed(cause), { HTTPS_PROXY: 'http://p', ELECTRON_GET_USE_PROXY: '1' }),
    ).toBe('no network: github.com could not be found (DNS lookup failed)');
  });

  it('names an HTTPS certificate a proxy replaced', () => {
    const cause = Object.assign(new Error('self-signed certificate in certificate chain'), {
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    expect(describeDownloadFailure(fetchFailed(cause), {})).toContain(
      "the server's HTTPS certificate is not trusted (SELF_SIGNED_CERT_IN_CHAIN)",
    );
  });

  it('names a full disk, and otherwise keeps the first line of what it was told', () => {
    expect(describeDownloadFailure(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), {})).toBe(
      'the disk is full',
    );
    expect(describeDownloadFailure(new Error('something odd\n  at stack'), {})).toBe('something odd');
    expect(describeDownloadFailure(fetchFailed(new Error('other side said no')), {})).toBe(
      'fetch failed: other side said no',
    );
  });
});

describe('formatProgress', () => {
  it('shows percent and megabytes, or megabytes alone without a size', () => {
    expect(formatProgress('45.4.1', { transferred: 50 * 1048576, total: 100 * 1048576 })).toBe(
      'Downloading Electron 45.4.1: 50% (50.0 of 100.0 MB)',
    );
    expect(formatProgress('45.4.1', { transferred: 1.5 * 1048576, total: null })).toBe(
      'Downloading Electron 45.4.1: 1.5 MB',
    );
  });
});
