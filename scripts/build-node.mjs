// Bundles the plain-Node parts (CLI, scan worker, library host) into out/node so the `broadsheet`
// command and worker threads run without a TypeScript loader. Electron's own bundles are built by
// electron-vite; this build never imports Electron.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

// Worker bundles sit next to the bundle that starts them (see electron/engine/workerScript.ts).
const entryPoints = {
  cli: 'electron/cli/main.ts',
  scanWorker: 'electron/engine/scan/scanWorker.ts',
};
if (existsSync('electron/engine/library/libraryWorker.ts')) {
  entryPoints.libraryWorker = 'electron/engine/library/libraryWorker.ts';
}

await build({
  entryPoints,
  outdir: 'out/node',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __bsCreateRequire } from 'node:module'; const require = __bsCreateRequire(import.meta.url);",
  },
});
