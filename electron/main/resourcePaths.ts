// Where the built parts of the app live, from the main bundle's folder (out/main).

import { join } from 'node:path';

interface AppLocation {
  isPackaged: boolean;
  /** process.resourcesPath (packaged). */
  resourcesPath: string;
  /** app.getAppPath(): the project root in development. */
  appPath: string;
}

/** The bundled sample archive: a resource next to app.asar when packaged, resources/ in development. */
export function sampleArchiveDir(location: AppLocation): string {
  return location.isPackaged
    ? join(location.resourcesPath, 'sample-archive')
    : join(location.appPath, 'resources', 'sample-archive');
}

export function rendererDir(mainDir: string): string {
  return join(mainDir, '..', 'renderer');
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}
