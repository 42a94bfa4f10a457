// The request handler behind `app://`: serves built renderer files with the CSP header.
// No Electron import: protocol.handle gets this function, tests call it with plain Requests.

import { readFile as nodeReadFile } from 'node:fs/promises';
import type { ImageRequest } from '../../shared/imageRoutes';
import { IMAGE_ROUTE_PREFIX, parseImageRoute } from '../../shared/imageRoutes';
import {
  badImageRouteResponse,
  failureHttpResponse,
  type ImageHttpResponse,
} from '../engine/images/imageResponse';
import { APP_HOST } from '../host/appOrigin';
import { contentTypeFor, resolveAppPath } from '../host/appProtocolPaths';
import { CONTENT_SECURITY_POLICY_HEADER } from '../host/contentSecurityPolicy';

type ReadFile = (path: string) => Promise<Uint8Array>;

/** Answers a picture route (shared/imageRoutes.ts): the engine's image service. */
export type ServeImage = (request: ImageRequest, why: boolean) => Promise<ImageHttpResponse>;

const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

export function createAppProtocolHandler(
  rendererDir: string,
  readFile: ReadFile = nodeReadFile,
  serveImage?: ServeImage,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, `${request.method} is not allowed on app pages.`);
    }
    const url = new URL(request.url);
    if (serveImage && url.host.toLowerCase() === APP_HOST && url.pathname.startsWith(IMAGE_ROUTE_PREFIX)) {
      const parsed = parseImageRoute(url.pathname, url.searchParams);
      let answer: ImageHttpResponse;
      try {
        answer = parsed ? await serveImage(parsed.request, parsed.why) : badImageRouteResponse();
      } catch (error) {
        answer = failureHttpResponse({ reason: 'offline', detail: (error as Error).message.slice(0, 300) });
      }
      const body = request.method === 'HEAD' ? null : (answer.body as Uint8Array<ArrayBuffer>);
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const target = resolveAppPath(request.url, rendererDir);
    if (!target.ok) return textResponse(target.status, target.reason);
    let body: Uint8Array;
    try {
      body = await readFile(target.filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
        return textResponse(404, `Not found: ${new URL(request.url).pathname}`);
      }
      return textResponse(500, `Could not read ${target.filePath} (${code ?? 'unknown error'}).`);
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...COMMON_HEADERS, 'Content-Type': contentTypeFor(target.filePath) },
    });
  };
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
