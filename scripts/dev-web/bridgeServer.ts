// The dev-web bridge: the real renderer and the real engine over loopback HTTP, for browsers and
// the e2e tests. Never part of the packaged app. Everything under /api needs the token; static
// files are the public web build and need only a correct Host.
//
// Path grants: unlike the Electron main process (electron/main/pathGrants.ts), the bridge does not
// limit openFile/addFolders to paths the user gave. A browser has no trusted signal for that: the
// paths of a drop come from the page itself (text/uri-list), and the folder dialog does not exist.
// So whoever holds the token may open any article file and add any folder the server's user can
// read. That is acceptable only because the bridge is a development tool: loopback only, Host and
// Origin checked, and the token is a fresh secret per run. The engine still refuses `..` paths and
// non-article files, and every argument goes through validateRequest.

import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { badImageRouteResponse } from '../../electron/engine/images/imageResponse';
import type { LibraryService } from '../../electron/engine/library/LibraryService';
import { IMAGE_ROUTE_PREFIX, parseImageRoute } from '../../shared/imageRoutes';
import { createBridgeRouter } from './bridgeRouter';
import { streamEvents } from './eventStream';
import { describeError, HttpError } from './httpErrors';
import {
  createToken,
  hostAllowed,
  isJsonContentType,
  originAllowed,
  TOKEN_HEADER,
  tokenMatches,
} from './requestGuards';
import { contentTypeFor, findStaticFile } from './staticFiles';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface BridgeServerOptions {
  service: LibraryService;
  /** The web build of the renderer (out/web). */
  staticDir: string;
  /** Sent as the Content-Security-Policy header of every response. */
  contentSecurityPolicy: string;
  /** 0 or undefined: a free port chosen by the system. */
  port?: number;
  heartbeatMs?: number;
  maxBodyBytes?: number;
  platform?: string;
}

export interface BridgeServer {
  port: number;
  token: string;
  /** The address to open: it carries the token, which the page then moves into sessionStorage. */
  url: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const METHOD_NAME = /^[A-Za-z]{1,64}$/;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(
      new HttpError(413, `The request body is ${declared} bytes; the limit is ${limit}.`),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(new HttpError(413, `The request body is over the ${limit}-byte limit.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function parseArgs(body: Buffer): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON; send {"args": [...]}.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('args' in parsed)) {
    throw new HttpError(400, 'The request body must be an object with an "args" array.');
  }
  return (parsed as { args: unknown }).args;
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = createToken();
  const router = createBridgeRouter(options.service, options.platform);
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const baseHeaders: Record<string, string> = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  let port = 0;

  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, {
      ...baseHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.pathname.slice(API_PREFIX.length);
    if (name === 'events') {
      if (req.method !== 'GET') throw new HttpError(405, 'The event stream is GET /api/events?token=…');
      // EventSource cannot set headers, so this one route takes the token from the query.
      if (!tokenMatches(token, url.searchParams.get('token')))
        throw new HttpError(403, 'Wrong or missing token.');
      streamEvents(
        req,
        res,
        (listener) => options.service.onEvent(listener),
        baseHeaders,
        options.heartbeatMs,
      );
      return;
    }
    if (!tokenMatches(token, req.headers[TOKEN_HEADER])) {
      throw new HttpError(403, `Wrong or missing token: send the ${TOKEN_HEADER} header.`);
    }
    if (!METHOD_NAME.test(name)) throw new HttpError(404, `No such API route: ${url.pathname.slice(0, 80)}`);
    if (req.method !== 'POST') throw new HttpError(405, `Call ${name} with POST.`);
    if (!isJsonContentType(req.headers['content-type'])) {
      throw new HttpError(415, 'Send the request body as application/json.');
    }
    const args = parseArgs(await readBody(req, maxBody));
    const result = await router(name, null, args);
    sendJson(res, 200, result === undefined ? {} : { result });
  }

  /** A picture route of the page (shared/imageRoutes.ts): answered by the engine's image service. */
  async function handleImage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Only GET and HEAD here.');
    const parsed = parseImageRoute(url.pathname, url.searchParams);
    const answer = parsed
      ? await options.service.serveImage(parsed.request, parsed.why)
      : badImageRouteResponse();
    // The picture's own headers (its sniffed type, nosniff, a sandboxing CSP) replace the page's.
    res.writeHead(answer.status, { ...baseHeaders, ...answer.headers });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Only GET and HEAD here.');
    const file = await findStaticFile(options.staticDir, url.pathname);
    if (!file) throw new HttpError(404, 'Not found.');
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': contentTypeFor(file),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (!hostAllowed(req.headers.host, port))
        throw new HttpError(403, 'This server answers only 127.0.0.1 and localhost.');
      if (!originAllowed(req.headers)) throw new HttpError(403, 'Cross-origin requests are refused.');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith(API_PREFIX)) await handleApi(req, res, url);
      else if (url.pathname.startsWith(IMAGE_ROUTE_PREFIX)) await handleImage(req, res, url);
      else await handleStatic(req, res, url);
    } catch (error) {
      const { status, message } = describeError(error);
      if (status === 413) res.setHeader('Connection', 'close');
      sendJson(res, status, { error: message });
    }
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams never end by themselves.
        server.closeAllConnections();
      }),
  };
}
