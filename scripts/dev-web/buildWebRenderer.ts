// Builds the renderer for the browser (out/web) with vite's JS API, using the same config file a
// developer would pass to `vite build -c renderer/vite.web.config.ts`.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const WEB_OUT_DIR = join(REPO_ROOT, 'out', 'web');
export const WEB_CONFIG = join(REPO_ROOT, 'renderer', 'vite.web.config.ts');

export function webBuildExists(outDir: string = WEB_OUT_DIR): boolean {
  return existsSync(join(outDir, 'index.html'));
}

export async function buildWebRenderer(): Promise<void> {
  // Loaded here so serving an existing build does not pay for loading vite.
  const { build } = await import('vite');
  await build({ configFile: WEB_CONFIG, logLevel: 'warn', mode: 'production' });
  if (!webBuildExists()) {
    throw new Error(
      `The web build finished but ${join(WEB_OUT_DIR, 'index.html')} is missing; check ${WEB_CONFIG}.`,
    );
  }
}
