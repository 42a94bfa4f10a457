// Registers `app://broadsheet` for the built renderer (never file://).

import { protocol } from 'electron';
import { APP_SCHEME } from '../host/appOrigin';
import { createAppProtocolHandler, type ServeImage } from './appProtocolHandler';

/**
 * Must run before the app is ready: a standard, secure scheme gets an origin, storage and fetch.
 * corsEnabled because Vite's `<script type="module" crossorigin>` is fetched in CORS mode; the
 * handler sends no Access-Control-Allow-Origin, so no other origin can read app files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function serveAppProtocol(rendererDir: string, serveImage: ServeImage): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, undefined, serveImage));
}
