// electron-vite: main (ES module, with the engine's worker entries beside it), a CommonJS preload
// (a sandboxed preload cannot be an ES module) and the React renderer.
//
// The workers are found at run time as siblings of the bundle that starts them
// (electron/engine/workerScript.ts), so every main-side file, chunks included, stays flat in out/main.
// electron-vite injects `__dirname` into ES bundles itself: source code uses import.meta.dirname.

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      sourcemap: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          libraryWorker: resolve(root, 'electron/engine/library/libraryWorker.ts'),
          scanWorker: resolve(root, 'electron/engine/scan/scanWorker.ts'),
        },
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      sourcemap: true,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: '[name]-[hash].cjs',
        },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      sourcemap: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
