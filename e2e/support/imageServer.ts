// A picture host that behaves like the news sites whose hotlink protection the reader must get
// past: it refuses (403) any request that carries a Referer, and records every request it gets.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real 2×2 PNG (opaque red), so the browser decodes it and reports a natural size.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

export interface SeenRequest {
  path: string;
  referer: string | undefined;
  cookie: string | undefined;
}

export interface ImageServer {
  origin: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** `delayMs`: each picture is answered this late (a slow host, so progress can be watched). */
export async function startImageServer(options: { delayMs?: number } = {}): Promise<ImageServer> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    seen.push({ path: req.url ?? '', referer: req.headers.referer, cookie: req.headers.cookie });
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if ((req.url ?? '').startsWith('/missing')) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><p>No such picture</p>');
      return;
    }
    if (req.headers.referer !== undefined) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('Hotlinking refused');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'image/png',
      'Content-Length': PNG.length,
      'Cache-Control': 'no-store',
      // A host that sets a cookie: the app must never send it back.
      'Set-Cookie': 'visitor=1; Path=/',
    });
    res.end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
