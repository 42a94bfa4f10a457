// The app's own origin. Pages are served from `app://broadsheet/...` (see appProtocolPaths.ts);
// in development electron-vite serves them from a loopback dev server instead.

export const APP_SCHEME = 'app';
export const APP_HOST = 'broadsheet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has none. Node's URL reports the origin of
 * non-special schemes such as `app:` as "null", so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export function isSameOrigin(url: string, origin: string): boolean {
  const actual = originOf(url);
  return actual !== null && actual === origin.toLowerCase();
}
