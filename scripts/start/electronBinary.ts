// Where the electron package keeps its binary, and whether it is there. The one home of this rule:
// `npm start` (scripts/start) and the Electron e2e specs (e2e/electron/electronBinary.ts) both ask it.
// It follows the electron package's own installer (node_modules/electron/install.js, isInstalled):
// dist/version names the package's version and path.txt the executable inside dist/.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronPackage {
  dir: string;
  version: string;
}

export type InstalledElectron =
  | { ok: true; path: string }
  /** download: whether running the electron package's installer could fix it. */
  | { ok: false; reason: string; download: boolean };

const require = createRequire(import.meta.url);

export function electronPackage(): ElectronPackage | null {
  try {
    const manifest = require.resolve('electron/package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    return { dir: dirname(manifest), version };
  } catch {
    return null;
  }
}

/** The executable inside an unpacked Electron, as install.js names it. */
export function executableName(platform: string): string | null {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return null;
  }
}

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

export function installedElectron(
  pkg: ElectronPackage,
  env: Record<string, string | undefined> = process.env,
  platform: string = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform,
): InstalledElectron {
  const name = executableName(platform);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const names = [name, 'electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron'];
    for (const n of names)
      if (n && existsSync(join(override, n))) return { ok: true, path: join(override, n) };
    return {
      ok: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron executable`,
      download: false,
    };
  }
  if (!name) return { ok: false, reason: `Electron has no build for ${platform}`, download: false };
  const dist = join(pkg.dir, 'dist');
  const version = readText(join(dist, 'version'))?.trim().replace(/^v/, '');
  const pathTxt = readText(join(pkg.dir, 'path.txt'));
  if (version === undefined || pathTxt === null)
    return { ok: false, reason: 'the Electron binary has not been downloaded yet', download: true };
  if (pathTxt.trim() !== name)
    return { ok: false, reason: `the downloaded Electron is not the ${platform} build`, download: true };
  if (version !== pkg.version)
    return {
      ok: false,
      reason: `the downloaded Electron is ${version}, the electron package is ${pkg.version}`,
      download: true,
    };
  const binary = join(dist, name);
  if (!existsSync(binary)) return { ok: false, reason: `${binary} does not exist`, download: true };
  return { ok: true, path: binary };
}

/** What `process.versions.electron` looks like; plain Node has none and prints "undefined". */
const ELECTRON_VERSION = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/;

/**
 * Asks the executable for its Electron version. ELECTRON_RUN_AS_NODE runs the one-line script
 * without opening a window; the script reads process.versions.electron, which only Electron has
 * (`--version` would answer for any node-like executable, with Node's version).
 */
export function electronVersionOf(
  path: string,
): { ok: true; version: string } | { ok: false; reason: string } {
  const run = spawnSync(path, ['-e', 'process.stdout.write(String(process.versions.electron))'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (run.error || run.status !== 0) {
    const why = run.error?.message ?? (run.stderr.trim() || `exit code ${run.status}`);
    return { ok: false, reason: `${path} does not run (${why.slice(0, 200)})` };
  }
  const version = run.stdout.trim();
  if (!ELECTRON_VERSION.test(version))
    return { ok: false, reason: `${path} is not Electron (it reports no Electron version)` };
  return { ok: true, version };
}
