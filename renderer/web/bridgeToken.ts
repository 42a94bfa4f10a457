// The dev-web bridge's access token travels once in the address the server prints; the page moves
// it into sessionStorage and out of the address bar, so it is not left in history, bookmarks or
// screenshots, and a reload of the same tab still works.

export const TOKEN_STORAGE_KEY = 'broadsheet.bridgeToken';

interface TokenPlace {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The token from `?token=` (remembered for this tab), else the one remembered, else null. */
export function takeBridgeToken(place: TokenPlace): string | null {
  const url = new URL(place.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    place.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    place.history.replaceState(place.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return place.storage.getItem(TOKEN_STORAGE_KEY);
}
