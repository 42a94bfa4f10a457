// One home for the limits of image fetching and caching. Imported by the fetcher, the cache, the
// service that drives them and the tests.

import { IMAGE_CACHE_MB } from '../../../shared/settingsRules';

/** Largest image kept, in bytes: a news photo is rarely over 5 MB; a poster scan may be 15. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Redirects followed per image; each hop is checked like the first request. */
export const MAX_REDIRECTS = 5;

/** Whole fetch of one image (connect, redirects, body), in ms. */
export const IMAGE_FETCH_TIMEOUT_MS = 30_000;

/** Fetches in flight at once, for the whole app. */
export const IMAGE_FETCH_PARALLELISM = 4;

/**
 * Distinct remote images fetched for one article. A hostile article listing 10,000 pictures gets
 * this many fetched (in order); the rest are reported as blocked.
 */
export const MAX_IMAGES_PER_ARTICLE = 200;

/** Fetches waiting for a slot; past this, new requests fail at once instead of piling up. */
export const MAX_QUEUED_FETCHES = 2_000;

/** Longest image URL taken from an article. */
export const MAX_IMAGE_URL_CHARS = 4096;

/** Default cap on the cache in bytes (the setting `imageCacheMB`, whose bounds are in shared/settingsRules). */
export const DEFAULT_IMAGE_CACHE_BYTES = cacheCapBytes(IMAGE_CACHE_MB.default);

export function cacheCapBytes(megabytes: number): number {
  return megabytes * 1024 * 1024;
}

/** Environment variable that lets tests fetch from 127.0.0.1 (never set by anything in an article). */
export const ALLOW_LOOPBACK_ENV = 'BROADSHEET_ALLOW_LOOPBACK_IMAGES';

export function loopbackAllowedByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[ALLOW_LOOPBACK_ENV] === '1';
}
