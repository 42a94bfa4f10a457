import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImageHttpResponse, imageHttpResponse } from '../../electron/engine/images/imageResponse';
import type { LibraryService } from '../../electron/engine/library/LibraryService';
import type { EngineMethod, LibraryEvent } from '../../shared/contract';
import { type ImageRequest, imageRoute } from '../../shared/imageRoutes';
import { type BridgeServer, startBridgeServer } from './bridgeServer';

/** An engine that records what reaches it, so the tests can see what the bridge let through. */
class RecordingService implements LibraryService {
  readonly calls: { method: EngineMethod; args: unknown[] }[] = [];
  readonly listeners = new Set<(event: LibraryEvent) => void>();

  call(method: EngineMethod, ...args: unknown[]): Promise<never> {
    this.calls.push({ method, args });
    if (method === 'removeFolder') return Promise.reject(new Error(`No library folder ${String(args[0])}`));
    return Promise.resolve({ method, args } as never);
  }
  readonly images: { request: ImageRequest; why: boolean }[] = [];
  serveImage(request: ImageRequest, why: boolean): Promise<ImageHttpResponse> {
    this.images.push({ request, why });
    return Promise.resolve(
      imageHttpResponse({
        ok: true,
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        type: 'image/svg+xml',
      }),
    );
  }
  onEvent(listener: (event: LibraryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: LibraryEvent): void {
    for (const listener of this.listeners) listener(event);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let dir: string;
let service: RecordingService;
let server: BridgeServer;

function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    // The server may answer 413 and close before a large body is fully written.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(init.body);
  });
}

function callApi(method: string, args: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-broadsheet-token': server.token, ...headers },
    body: JSON.stringify({ args }),
  });
}

const errorOf = (reply: Reply): string => (JSON.parse(reply.body) as { error: string }).error;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-bridge-'));
  await mkdir(join(dir, 'web', 'assets'), { recursive: true });
  await writeFile(join(dir, 'web', 'index.html'), '<!doctype html><title>Broadsheet</title>');
  await writeFile(join(dir, 'web', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the web build');
  service = new RecordingService();
  server = await startBridgeServer({
    service,
    staticDir: join(dir, 'web'),
    contentSecurityPolicy: "default-src 'none'; connect-src 'self'",
    platform: 'linux',
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('bridge server', () => {
  it('prints an address on loopback that carries a 64-hex-digit token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the web build with the security headers', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Broadsheet</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; connect-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await send('/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
  ])('refuses the path traversal %s with 404', async (path) => {
    const reply = await send(path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside the web build');
  });

  it('answers picture routes from the image service with the picture’s own headers', async () => {
    const route = imageRoute({ kind: 'remote', articleId: 'a1', url: 'https://img.example/x.svg?q=1' });
    const reply = await send(route);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/svg+xml');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    expect(service.images.at(-1)).toEqual({
      request: { kind: 'remote', articleId: 'a1', url: 'https://img.example/x.svg?q=1' },
      why: false,
    });
    const count = service.images.length;
    const bad = await send('/_images/remote?a=a1&u=file%3A%2F%2F%2Fetc%2Fpasswd');
    expect(bad.status).toBe(403);
    expect(JSON.parse(bad.body)).toMatchObject({ reason: 'blocked' });
    expect(service.images.length).toBe(count);
    expect((await send(route, { method: 'POST' })).status).toBe(405);
    expect((await send(route, { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('answers a missing file with 404', async () => {
    expect((await send('/nope.js')).status).toBe(404);
  });

  it('refuses API calls without the token', async () => {
    const reply = await send('/api/getSnapshot', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(reply.status).toBe(403);
    expect(service.calls).toEqual([]);
  });

  it('refuses API calls with a wrong token', async () => {
    const wrong = server.token.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const reply = await callApi('getSnapshot', [], { 'x-broadsheet-token': wrong });
    expect(reply.status).toBe(403);
    expect(errorOf(reply)).toMatch(/token/);
    expect(service.calls).toEqual([]);
  });

  it('refuses a foreign Host header (DNS rebinding), for the API and for static files', async () => {
    expect((await callApi('getSnapshot', [], { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await send('/', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses requests from another origin even with the token', async () => {
    expect((await callApi('getSnapshot', [], { origin: 'http://evil.example' })).status).toBe(403);
    expect((await callApi('getSnapshot', [], { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(service.calls).toEqual([]);
  });

  it('forwards a valid call to the engine and returns its result', async () => {
    const reply = await callApi('getArticle', ['abc'], { origin: `http://127.0.0.1:${server.port}` });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ result: { method: 'getArticle', args: ['abc'] } });
    expect(service.calls.at(-1)).toEqual({ method: 'getArticle', args: ['abc'] });
  });

  it('refuses bad arguments with 400 before they reach the engine', async () => {
    const before = service.calls.length;
    const reply = await callApi('getArticle', [42]);
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toBe('getArticle: id must be a string, got number');
    const extra = await callApi('updateSettings', [{ roots: ['/'] }]);
    expect(extra.status).toBe(400);
    expect(service.calls.length).toBe(before);
  });

  it('refuses an unknown method with 400', async () => {
    const reply = await callApi('deleteEverything', []);
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatch(/unknown method "deleteEverything"/);
  });

  it('refuses a body that is not {"args": [...]} JSON', async () => {
    const reply = await send('/api/getSnapshot', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-broadsheet-token': server.token },
      body: '{"args":',
    });
    expect(reply.status).toBe(400);
  });

  it('refuses other content types with 415 (a form post cannot reach the engine)', async () => {
    const reply = await callApi('getSnapshot', [], { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
  });

  it('refuses a huge body with 413', async () => {
    const huge = JSON.stringify({ args: ['x'.repeat(2 * 1024 * 1024)] });
    const reply = await send('/api/getArticle', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-broadsheet-token': server.token },
      body: huge,
    });
    expect(reply.status).toBe(413);
  });

  it('answers getCapabilities and pickFolders itself', async () => {
    expect(JSON.parse((await callApi('getCapabilities', [])).body)).toEqual({
      result: { host: 'web', folderDialog: false, showInFolder: false, platform: 'linux' },
    });
    expect(JSON.parse((await callApi('pickFolders', [])).body)).toEqual({ result: [] });
    expect(service.calls.map((c) => c.method)).not.toContain('pickFolders');
  });

  it('approves web links for openExternal and refuses other schemes', async () => {
    expect((await callApi('openExternal', ['https://example.com/a'])).status).toBe(200);
    const refused = await callApi('openExternal', ['javascript:alert(1)']);
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatch(/only http, https and mailto/);
    expect((await callApi('openExternal', ['file:///etc/passwd'])).status).toBe(400);
  });

  it('turns an engine failure into 500 with its message and no stack', async () => {
    const reply = await callApi('removeFolder', ['/not/a/root']);
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({ error: 'No library folder /not/a/root' });
  });

  it('refuses the event stream without the right token', async () => {
    expect((await send('/api/events')).status).toBe(403);
    expect((await send('/api/events?token=nope')).status).toBe(403);
    expect(service.listeners.size).toBe(0);
  });

  it('streams library events and lets go of the listener when the page disconnects', async () => {
    const event: LibraryEvent = { type: 'progress', progress: { found: 3, parsed: 1, done: false } };
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            // The stream announces itself first; emit once we know the listener is in place.
            if (text.includes(': connected') && !text.includes('data:')) service.emit(event);
            if (text.includes('\n\ndata: ') && text.endsWith('\n\n')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const frame = received.split('\n\n').find((f) => f.startsWith('data: '));
    expect(JSON.parse(frame!.slice('data: '.length))).toEqual(event);
    await expect.poll(() => service.listeners.size).toBe(0);
  });
});
