// The picture server the image benches fetch from: loopback, answers every address with its own
// bytes (a PNG signature, then the address, so each picture is a distinct blob) after a delay, and
// counts what it served. Also the article bodies that point at it.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

export interface PictureServer {
  origin: string;
  /** Pictures and bytes answered so far. */
  served(): { pictures: number; bytes: number };
  close(): Promise<void>;
}

export async function startPictureServer(bytesPerPicture: number, latencyMs: number): Promise<PictureServer> {
  let pictures = 0;
  let bytes = 0;
  const server = createServer((req, res) => {
    const body = Buffer.alloc(bytesPerPicture, (req.url ?? '').length % 251);
    PNG_HEAD.copy(body);
    body.write(req.url ?? '', PNG_HEAD.length);
    setTimeout(() => {
      pictures++;
      bytes += body.length;
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': body.length });
      res.end(body);
    }, latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served: () => ({ pictures, bytes }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The body of bench article `a`: `count` pictures on the server, a paragraph after each. */
export function picturesBody(origin: string, a: number, count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `<p><img src="${origin}/a${a}/p${i}.jpg?w=640"></p><p>Paragraph ${i} of article ${a}.</p>`,
  ).join('\n');
}
