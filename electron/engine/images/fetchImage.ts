// Fetches one remote image for the cache, the way a careful server-side client would: http(s)
// only, no Referer, no cookies, every hop's address checked where the socket connects (a host name
// is resolved once, by the guarded lookup, and that address is the one dialled: no DNS-rebinding
// window), a bounded number of redirects each checked again, a byte limit, a timeout, and the bytes
// sniffed to be a picture. Never reached by the page: the engine calls it.

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkAddress } from './addressPolicy';
import {
  failureFromNetworkError,
  failureFromStatus,
  hostOf,
  type ImageFailure,
  ImageFetchError,
} from './imageFailure';
import { IMAGE_FETCH_TIMEOUT_MS, MAX_IMAGE_BYTES, MAX_REDIRECTS } from './imageLimits';
import { type ImageType, sniffImage } from './sniffImage';

export type LookupFn = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface FetchImageOptions {
  allowLoopback?: boolean;
  maxBytes?: number;
  maxRedirects?: number;
  timeoutMs?: number;
  /** The resolver (tests give one that answers what they need); node:dns by default. */
  lookup?: LookupFn;
  signal?: AbortSignal;
}

export type FetchImageResult =
  | { ok: true; bytes: Buffer; type: ImageType; finalUrl: string }
  | ({ ok: false } & ImageFailure);

const REQUEST_HEADERS = {
  // No Referer, no Cookie, no Authorization: the request says nothing about where the image is shown.
  'User-Agent': 'Mozilla/5.0 (compatible; Broadsheet offline reader)',
  Accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml,image/*;q=0.8',
  'Accept-Encoding': 'identity',
};

/** The URL as an http(s) URL without credentials, or the reason it is refused. */
function checkImageUrl(raw: string): { ok: true; url: URL } | ({ ok: false } & ImageFailure) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'blocked', detail: `Not a valid address: ${raw.slice(0, 120)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      reason: 'blocked',
      detail: `Only http and https images are fetched, not ${url.protocol}`,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      reason: 'blocked',
      detail: 'Image addresses with a user name or password are not fetched.',
    };
  }
  url.hash = '';
  return { ok: true, url };
}

/** Literal IP hosts never reach the lookup, so they are checked here. */
function literalHost(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}

/** A lookup that refuses (with an ImageFetchError) any resolved address the policy refuses. */
function guardedLookup(allowLoopback: boolean, resolve: LookupFn = dnsLookup as LookupFn): LookupFn {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = (
        Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }]
      ) as LookupAddress[];
      if (list.length === 0)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      // Refused if any answer is refused: a name that is public and private at once is a rebinding trick.
      for (const entry of list) {
        const verdict = checkAddress(entry.address, { allowLoopback });
        if (!verdict.ok) {
          return callback(
            new ImageFetchError(
              'blocked',
              `${hostname} resolves to ${verdict.reason}; it is not fetched.`,
            ) as unknown as NodeJS.ErrnoException,
            '',
            0,
          );
        }
      }
      if (options.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Fetches and sniffs one image. Never throws: failures come back with a reason. */
export async function fetchImage(raw: string, options: FetchImageOptions = {}): Promise<FetchImageResult> {
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const lookup = guardedLookup(options.allowLoopback ?? false, options.lookup);
  const deadline = Date.now() + (options.timeoutMs ?? IMAGE_FETCH_TIMEOUT_MS);
  let current = raw;
  for (let hop = 0; ; hop++) {
    const checked = checkImageUrl(current);
    if (!checked.ok) return checked;
    const literal = literalHost(checked.url);
    if (literal) {
      const verdict = checkAddress(literal, { allowLoopback: options.allowLoopback ?? false });
      if (!verdict.ok)
        return { ok: false, reason: 'blocked', detail: `${verdict.reason}; it is not fetched.` };
    }
    let response: HopResult;
    try {
      response = await requestOnce(
        checked.url,
        lookup,
        options.maxBytes ?? MAX_IMAGE_BYTES,
        deadline,
        options.signal,
      );
    } catch (error) {
      return { ok: false, ...failureFromNetworkError(error, current) };
    }
    if (response.kind === 'redirect') {
      if (hop >= maxRedirects) {
        return {
          ok: false,
          reason: 'blocked',
          detail: `${hostOf(raw)} redirected more than ${maxRedirects} times.`,
        };
      }
      try {
        current = new URL(response.location, checked.url).href;
      } catch {
        return {
          ok: false,
          reason: 'refused',
          detail: `${hostOf(current)} redirected to an invalid address.`,
        };
      }
      continue;
    }
    if (response.kind === 'status') return { ok: false, ...failureFromStatus(response.status, current) };
    const type = sniffImage(response.bytes);
    if (!type) {
      return {
        ok: false,
        reason: 'not-image',
        detail: `${hostOf(current)} sent something that is not a picture.`,
      };
    }
    return { ok: true, bytes: response.bytes, type, finalUrl: current };
  }
}

type HopResult =
  | { kind: 'body'; bytes: Buffer }
  | { kind: 'redirect'; location: string }
  | { kind: 'status'; status: number };

function requestOnce(
  url: URL,
  lookup: LookupFn,
  maxBytes: number,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<HopResult> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      reject(new ImageFetchError('offline', `${url.host} did not answer in time.`));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'GET',
      headers: REQUEST_HEADERS,
      lookup: lookup as never,
      agent: false,
      signal,
    });
    const timer = setTimeout(() => {
      req.destroy(new ImageFetchError('offline', `${url.host} did not answer in time.`));
    }, remaining);
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    req.on('error', (error) => finish(() => reject(error)));
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        res.resume();
        const location = res.headers.location;
        req.destroy();
        finish(() =>
          location ? resolve({ kind: 'redirect', location }) : resolve({ kind: 'status', status }),
        );
        return;
      }
      if (status !== 200) {
        res.resume();
        req.destroy();
        finish(() => resolve({ kind: 'status', status }));
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        req.destroy();
        finish(() => reject(tooLarge(url, maxBytes)));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          chunks.length = 0;
          finish(() => reject(tooLarge(url, maxBytes)));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        if (size > maxBytes) return;
        if (!res.complete) {
          finish(() => reject(new ImageFetchError('offline', `The connection to ${url.host} broke off.`)));
          return;
        }
        finish(() => resolve({ kind: 'body', bytes: Buffer.concat(chunks) }));
      });
      res.on('error', (error) => finish(() => reject(error)));
    });
    req.end();
  });
}

function tooLarge(url: URL, maxBytes: number): ImageFetchError {
  return new ImageFetchError(
    'too-large',
    `The image from ${url.host} is over ${Math.round(maxBytes / 1048576)} MB.`,
  );
}
