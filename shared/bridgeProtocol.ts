// What the dev-web bridge's client (renderer/web) and server (scripts/dev-web) must agree on.

/** The header that carries the bridge's access token (HTTP header names are case-insensitive). */
export const BRIDGE_TOKEN_HEADER = 'X-Broadsheet-Token';
