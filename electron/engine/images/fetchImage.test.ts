import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage, type LookupFn } from './fetchImage';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

let server: Server;
let origin: string;
let port: number;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('hops') ?? 0);
    switch (url.pathname) {
      case '/pixel.png':
        res.writeHead(200, { 'Content-Type': 'image/png', 'Set-Cookie': 'tracker=1' });
        res.end(PNG);
        return;
      case '/page.jpg':
        res.writeHead(200, { 'Content-Type': 'image/jpeg' });
        res.end('<!doctype html><p>Hotlinking is not allowed</p>');
        return;
      case '/big.png':
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length + 5000 });
        res.end(Buffer.concat([PNG, Buffer.alloc(5000)]));
        return;
      case '/big-chunked.png':
        res.writeHead(200, { 'Content-Type': 'image/png', 'Transfer-Encoding': 'chunked' });
        res.write(PNG);
        res.write(Buffer.alloc(3000));
        res.end(Buffer.alloc(3000));
        return;
      case '/redirect':
        res.writeHead(302, { Location: hops > 0 ? `/redirect?hops=${hops - 1}` : '/pixel.png' });
        res.end();
        return;
      case '/to':
        res.writeHead(301, { Location: url.searchParams.get('target') ?? '/' });
        res.end();
        return;
      case '/forbidden':
        res.writeHead(403);
        res.end('no');
        return;
      default:
        res.writeHead(404);
        res.end('missing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A resolver that answers from a table, as a hostile DNS server would. */
const fakeDns =
  (table: Record<string, string>): LookupFn =>
  (hostname, options, callback) => {
    const address = table[hostname];
    if (!address) return callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), '', 0);
    const family = address.includes(':') ? 6 : 4;
    if (options.all) return callback(null, [{ address, family }]);
    return callback(null, address, family);
  };

describe('fetchImage', () => {
  it('fetches a picture with no Referer, no cookie, and sniffs its type', async () => {
    const result = await fetchImage(`${origin}/pixel.png`, { allowLoopback: true });
    expect(result).toMatchObject({ ok: true, type: 'image/png' });
    const request = seen.at(-1)!;
    expect(request.headers.referer).toBeUndefined();
    expect(request.headers.cookie).toBeUndefined();
    // A second fetch does not send back the cookie the first answer set.
    await fetchImage(`${origin}/pixel.png`, { allowLoopback: true });
    expect(seen.at(-1)!.headers.cookie).toBeUndefined();
  });

  it('refuses loopback unless the test switch allows it, before connecting', async () => {
    const before = seen.length;
    const result = await fetchImage(`${origin}/pixel.png`);
    expect(result).toMatchObject({ ok: false, reason: 'blocked' });
    expect(seen.length).toBe(before);
  });

  it('refuses private, link-local and IPv6 loopback literals', async () => {
    for (const url of [
      'http://10.0.0.1/a.png',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/a.png',
      'http://[::ffff:127.0.0.1]/a.png',
      'http://0x7f.0.0.1/a.png',
      'http://2130706433/a.png',
    ]) {
      expect(await fetchImage(url), url).toMatchObject({ ok: false, reason: 'blocked' });
    }
  });

  it('checks the address a name resolves to, where the socket connects (no rebinding gap)', async () => {
    const before = seen.length;
    const lookup = fakeDns({ 'images.evil.test': '127.0.0.1', 'lan.evil.test': '192.168.0.10' });
    const viaName = await fetchImage(`http://images.evil.test:${port}/pixel.png`, { lookup });
    expect(viaName).toMatchObject({ ok: false, reason: 'blocked' });
    if (!viaName.ok)
      expect(viaName.detail).toMatch(/images\.evil\.test resolves to 127\.0\.0\.1 is a loopback/);
    expect(await fetchImage(`http://lan.evil.test:${port}/x`, { lookup, allowLoopback: true })).toMatchObject(
      {
        ok: false,
        reason: 'blocked',
      },
    );
    expect(seen.length).toBe(before);
    // The same resolver, allowed loopback, does connect: the lookup is what was dialled.
    expect(
      await fetchImage(`http://images.evil.test:${port}/pixel.png`, { lookup, allowLoopback: true }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('follows a bounded number of redirects, checking each hop', async () => {
    expect(await fetchImage(`${origin}/redirect?hops=2`, { allowLoopback: true })).toMatchObject({
      ok: true,
      finalUrl: `${origin}/pixel.png`,
    });
    expect(
      await fetchImage(`${origin}/redirect?hops=9`, { allowLoopback: true, maxRedirects: 3 }),
    ).toMatchObject({
      ok: false,
      reason: 'blocked',
    });
    for (const target of ['http://10.1.2.3/x.png', 'file:///etc/passwd', 'http://[fe80::1]/a.png']) {
      const result = await fetchImage(`${origin}/to?target=${encodeURIComponent(target)}`, {
        allowLoopback: true,
      });
      expect(result, target).toMatchObject({ ok: false, reason: 'blocked' });
    }
  });

  it('stops at the byte limit, declared or streamed', async () => {
    expect(await fetchImage(`${origin}/big.png`, { allowLoopback: true, maxBytes: 1000 })).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
    expect(
      await fetchImage(`${origin}/big-chunked.png`, { allowLoopback: true, maxBytes: 1000 }),
    ).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
    expect(await fetchImage(`${origin}/big.png`, { allowLoopback: true })).toMatchObject({ ok: true });
  });

  it('keeps only pictures: an HTML page labelled image/jpeg is refused', async () => {
    expect(await fetchImage(`${origin}/page.jpg`, { allowLoopback: true })).toMatchObject({
      ok: false,
      reason: 'not-image',
    });
  });

  it('says why a server did not give the picture', async () => {
    expect(await fetchImage(`${origin}/missing.png`, { allowLoopback: true })).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(await fetchImage(`${origin}/forbidden`, { allowLoopback: true })).toMatchObject({
      ok: false,
      reason: 'refused',
    });
    const lookup = fakeDns({});
    expect(await fetchImage('http://nowhere.test/a.png', { lookup })).toMatchObject({
      ok: false,
      reason: 'offline',
    });
  });

  it('fetches only http(s) without credentials', async () => {
    for (const url of [
      'ftp://example.com/a.png',
      'file:///etc/hosts',
      'data:image/png;base64,AAAA',
      'javascript:alert(1)',
      'http://user:pw@example.com/a.png',
      'not a url',
    ]) {
      expect(await fetchImage(url), url).toMatchObject({ ok: false, reason: 'blocked' });
    }
  });

  it('gives up on a host that does not answer in time', async () => {
    const silent = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      const result = await fetchImage(`http://127.0.0.1:${silentPort}/a.png`, {
        allowLoopback: true,
        timeoutMs: 300,
      });
      expect(result).toMatchObject({ ok: false, reason: 'offline' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
