// An image service answer as an HTTP response, for the app protocol (Electron) and the bridge
// (browser). A picture is served with its sniffed type, nosniff, and a policy under which even an
// SVG opened as a document could run nothing and load nothing.

import type { ImageFailureInfo } from '../../../shared/imageRoutes';
import type { ImageFailureReason } from './imageFailure';
import type { ImageAnswer } from './readLocalPicture';

const IMAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': IMAGE_CONTENT_SECURITY_POLICY,
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

const STATUS: Readonly<Record<ImageFailureReason, number>> = {
  'not-found': 404,
  blocked: 403,
  refused: 502,
  offline: 504,
  'too-large': 413,
  'not-image': 415,
};

export interface ImageHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export function imageHttpResponse(answer: ImageAnswer): ImageHttpResponse {
  if (answer.ok) {
    return {
      status: 200,
      headers: {
        ...COMMON,
        'Content-Type': answer.type,
        'Content-Length': String(answer.bytes.length),
        // The bytes behind an address never change (the cache keeps the first copy).
        'Cache-Control': 'private, max-age=86400',
      },
      body: answer.bytes,
    };
  }
  return failureHttpResponse({ reason: answer.reason, detail: answer.detail });
}

export function failureHttpResponse(failure: ImageFailureInfo): ImageHttpResponse {
  const body = Buffer.from(JSON.stringify({ reason: failure.reason, detail: failure.detail }));
  return {
    status: STATUS[failure.reason],
    headers: {
      ...COMMON,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    },
    body,
  };
}

/** A request that is not a well-formed image route. */
export function badImageRouteResponse(): ImageHttpResponse {
  return failureHttpResponse({ reason: 'blocked', detail: 'Not a picture address Broadsheet serves.' });
}
