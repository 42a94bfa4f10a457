// Finds an Electron binary that can actually run here: ELECTRON_OVERRIDE_DIST_PATH, else the one the
// electron package downloads into node_modules/electron/dist, and asks it for its Electron version
// (both rules live in scripts/start/electronBinary.ts, shared with `npm start`).

import { electronPackage, electronVersionOf, installedElectron } from '../../scripts/start/electronBinary';

export type ElectronBinary = { ok: true; path: string; version: string } | { ok: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const pkg = electronPackage();
  if (!pkg) return { ok: false, reason: 'the electron package is not installed' };
  const found = installedElectron(pkg);
  if (!found.ok) return { ok: false, reason: found.reason };
  const version = electronVersionOf(found.path);
  return version.ok ? { ok: true, path: found.path, version: version.version } : version;
}
