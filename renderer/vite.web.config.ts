// The renderer built for a plain browser (dev-web bridge, e2e tests): renderer/web/ supplies the
// page and the bridge client, renderer/src/ the app. Output: out/web, served by scripts/dev-web.
// The Electron build has its own config and never includes renderer/web/.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: resolve(rendererDir, 'web'),
  base: '/',
  plugins: [
    react(),
    {
      // Browsers ask every page's server for /favicon.ico: the app's own icon, not a 404.
      name: 'broadsheet-favicon',
      generateBundle() {
        const source = readFileSync(resolve(rendererDir, '..', 'resources', 'icons', 'icon.ico'));
        this.emitFile({ type: 'asset', fileName: 'favicon.ico', source });
      },
    },
  ],
  // The bridge serves only out/web; nothing else in the repository is public.
  publicDir: false,
  build: {
    outDir: resolve(rendererDir, '..', 'out', 'web'),
    emptyOutDir: true,
    sourcemap: false,
    // No inline <script>: the page's CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
