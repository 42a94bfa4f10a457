// The checks every request to the bridge passes before anything else looks at it. The bridge hands
// the engine (and so the user's files) to whoever holds the token, so it trusts nothing about the
// caller: other pages in the same browser can send requests to loopback, and DNS rebinding can make
// a hostile site look like it is on 127.0.0.1.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { BRIDGE_TOKEN_HEADER } from '../../shared/bridgeProtocol';

/** As Node's request headers name it (lower case). */
export const TOKEN_HEADER = BRIDGE_TOKEN_HEADER.toLowerCase();

/** 32 random bytes as hex: the secret a page must present to use the API. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** Compares in constant time so the token cannot be guessed one character at a time. */
export function tokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  // Length is not secret (always 64); comparing equal-length buffers keeps timingSafeEqual happy.
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/**
 * The Host header must name this server by its loopback address. A rebinding attack reaches us with
 * the attacker's host name in it, so refusing every other name closes that door.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * Browsers send Origin on cross-origin requests and on every POST; when present it must be this
 * server as the page was addressed (Host already checked). Absent is allowed: same-origin GETs
 * (EventSource) and non-browser clients carry none, and the token still gates them.
 * Sec-Fetch-Site, where the browser sends it, must not say the request came from another site.
 */
export function originAllowed(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${headers.host}`) return false;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return true;
}

/** `application/json`, optionally with a charset parameter naming UTF-8. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8');
}
