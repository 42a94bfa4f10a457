// The addresses by which the page shows an article's pictures. The page never loads a picture
// from the web or the disk itself: its <img> elements point at these same-origin routes, which the
// app protocol (Electron) and the bridge (browser) answer from the engine's image service.
//
//   /_images/remote?a=<article id>&u=<http(s) URL>   a web picture, from the cache or fetched once
//   /_images/local?a=<article id>&src=<src as written>  a picture stored with the article
//   …&why=1                                          the reason it failed, as JSON (no new fetch)

export const IMAGE_ROUTE_PREFIX = '/_images/';

/** Longest URL or src taken from an article (a longer one is not shown). */
export const MAX_IMAGE_REF_CHARS = 4096;
const MAX_ID_CHARS = 128;

export type ImageRequest =
  | { kind: 'remote'; articleId: string; url: string }
  | { kind: 'local'; articleId: string; src: string };

export type ImageFailureReason = 'offline' | 'not-found' | 'refused' | 'too-large' | 'blocked' | 'not-image';

/** What `…&why=1` answers. */
export interface ImageFailureInfo {
  reason: ImageFailureReason;
  detail: string;
}

/** The page-relative address of a picture. */
export function imageRoute(request: ImageRequest): string {
  const params = new URLSearchParams({ a: request.articleId });
  if (request.kind === 'remote') params.set('u', request.url);
  else params.set('src', request.src);
  return `${IMAGE_ROUTE_PREFIX}${request.kind}?${params.toString()}`;
}

interface ParsedImageRoute {
  request: ImageRequest;
  /** Asking why it failed, not for the picture. */
  why: boolean;
}

/**
 * The request behind a route, or null when the address is not a well-formed image route (wrong
 * path, missing or oversized fields, a remote URL that is not http(s)).
 */
export function parseImageRoute(pathname: string, search: URLSearchParams): ParsedImageRoute | null {
  if (!pathname.startsWith(IMAGE_ROUTE_PREFIX)) return null;
  const kind = pathname.slice(IMAGE_ROUTE_PREFIX.length);
  const articleId = search.get('a');
  if (!articleId || articleId.length > MAX_ID_CHARS || articleId.includes('\0')) return null;
  const why = search.get('why') === '1';
  if (kind === 'remote') {
    const url = search.get('u');
    if (!url || url.length > MAX_IMAGE_REF_CHARS || !/^https?:\/\//i.test(url)) return null;
    return { request: { kind, articleId, url }, why };
  }
  if (kind === 'local') {
    const src = search.get('src');
    if (!src || src.length > MAX_IMAGE_REF_CHARS || src.includes('\0')) return null;
    return { request: { kind, articleId, src }, why };
  }
  return null;
}
