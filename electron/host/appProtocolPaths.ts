// Maps `app://broadsheet/<path>` to a file inside the built renderer folder, and nothing else.
// The URL comes from a page that shows untrusted archive content, so every way out of the folder
// (`..`, encoded dots and slashes, backslashes, NUL, other hosts) is refused rather than repaired.

import { extname, resolve } from 'node:path';
import { isStrictlyInsideFolder } from '../engine/common/pathContainment';
import { APP_HOST, APP_SCHEME } from './appOrigin';

type AppPathResult = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const INDEX_FILE = 'index.html';

export function resolveAppPath(url: string, rendererDir: string): AppPathResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: `Not a URL: ${url.slice(0, 200)}` };
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) {
    return { ok: false, status: 400, reason: `Not an ${APP_SCHEME}: URL: ${url.slice(0, 200)}` };
  }
  if (parsed.host.toLowerCase() !== APP_HOST) {
    return { ok: false, status: 404, reason: `Unknown app host "${parsed.host.slice(0, 100)}"` };
  }
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: `Malformed escape in ${parsed.pathname.slice(0, 200)}` };
    }
    // The URL parser already folds literal and %2e dot segments; anything still spelling a parent,
    // a separator or NUL after decoding is an attempt to leave the folder.
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || segment.includes(':')) {
      return { ok: false, status: 403, reason: `Refused path ${parsed.pathname.slice(0, 200)}` };
    }
    segments.push(segment);
  }
  if (segments.length === 0 || parsed.pathname.endsWith('/')) segments.push(INDEX_FILE);
  const root = resolve(rendererDir);
  const filePath = resolve(root, ...segments);
  if (!isStrictlyInsideFolder(filePath, root)) {
    return { ok: false, status: 403, reason: `Refused path ${parsed.pathname.slice(0, 200)}` };
  }
  return { ok: true, filePath };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Unknown types are served as opaque bytes so the page never sniffs them into script. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
