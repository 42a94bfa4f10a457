// URL rules for untrusted article markup. Everything not listed is dropped, not "fixed".

import { MAX_IMAGE_REF_CHARS } from '../../../shared/imageRoutes';
import { MAX_DATA_IMAGE_CHARS } from '../../../shared/limits';
import { cleanMailtoUrl } from '../../../shared/mailtoUrl';

/** Prefix DOMPurify's SANITIZE_NAMED_PROPS puts on id/name; in-page links are rewritten to match. */
const NAMED_PROP_PREFIX = 'user-content-';

function compact(url: string): string {
  // Browsers ignore ASCII whitespace and control characters inside schemes ("java\tscript:").
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/** Scheme-relative URLs ("//n.sinaimg.cn/...") would resolve against the app's own scheme. */
function absolutise(url: string): string {
  return url.startsWith('//') ? `https:${url}` : url;
}

/** Link target, or null to drop it: http(s), mailto, or an in-page #fragment. */
export function safeHref(raw: string): string | null {
  const url = absolutise(compact(raw));
  if (url.startsWith('#')) {
    const fragment = url.slice(1);
    if (fragment === '') return null;
    return fragment.startsWith(NAMED_PROP_PREFIX) ? url : `#${NAMED_PROP_PREFIX}${fragment}`;
  }
  if (/^mailto:/i.test(url)) return cleanMailtoUrl(url);
  return /^https?:\/\//i.test(url) ? url : null;
}

/**
 * A relative link (`2022/08/other.html`, `/news/1.html`, `?page=2`): no scheme, not scheme-relative,
 * not a fragment, not empty; null otherwise.
 */
export function relativeHref(raw: string): string | null {
  const href = raw.trim();
  if (href === '' || href.startsWith('#') || href.length > 4096) return null;
  if (href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(compact(href))) return null;
  if (/[\u0000-\u001f\u007f]/.test(href)) return null;
  return href;
}

/**
 * A relative link resolved against the article's address on the web (its originalUrl), then held
 * to the same rule as any link (safeHref); null when there is no usable base or the result is not
 * a link the window opens.
 */
export function resolveHref(relative: string, base: string | undefined): string | null {
  if (!base || !/^https?:\/\//i.test(base)) return null;
  try {
    return safeHref(new URL(relative, base).href);
  } catch {
    return null;
  }
}

// Raster formats only: an SVG data URI is a document of its own.
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]*$/i;

/**
 * Image source, or null to drop it: http(s) or a base64 raster data: URI of at most
 * MAX_DATA_IMAGE_CHARS (a SingleFile page's pictures are inlined so; they are never fetched).
 */
export function safeImageSrc(raw: string): string | null {
  if (raw.length > MAX_DATA_IMAGE_CHARS + 64) return null;
  const url = absolutise(compact(raw));
  if (/^https?:\/\//i.test(url)) return url;
  if (url.length <= MAX_DATA_IMAGE_CHARS && DATA_IMAGE.test(url)) return url;
  return null;
}

/**
 * A picture stored with the article (`images/a.png`, `../assets/b.jpg`, `/images/c.jpg`), or null:
 * no scheme, no host, not empty, not absurdly long. The engine decides whether the file may be shown.
 */
export function localImageSrc(raw: string): string | null {
  const src = raw.trim();
  if (src === '' || src.length > MAX_IMAGE_REF_CHARS || src.startsWith('#')) return null;
  if (src.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(compact(src))) return null;
  if (/[\u0000-\u001f\u007f]/.test(src)) return null;
  return src;
}

/** The same image whatever scheme or case the host was written with. */
export function imageIdentity(url: string): string {
  const absolute = absolutise(compact(url));
  try {
    const parsed = new URL(absolute);
    return `${parsed.host.toLowerCase()}${parsed.pathname}${parsed.search}`;
  } catch {
    return absolute;
  }
}
