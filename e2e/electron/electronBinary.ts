// Finds an Electron binary that can actually run here: ELECTRON_OVERRIDE_DIST_PATH, else the one the
// electron package downloads into node_modules/electron/dist. Returns why not when there is none.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { ok: true; path: string; version: string } | { ok: false; reason: string };

const require = createRequire(import.meta.url);

function candidatePath(): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const names = [relative, 'electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron'].filter(
      Boolean,
    );
    for (const name of names) if (existsSync(join(override, name))) return { path: join(override, name) };
    return { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron executable` };
  }
  if (!relative)
    return { reason: `${pathFile} is missing: the electron package never downloaded its binary` };
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { reason: `${binary} does not exist` };
}

export function findElectronBinary(): ElectronBinary {
  const candidate = candidatePath();
  if ('reason' in candidate) return { ok: false, reason: candidate.reason };
  // ELECTRON_RUN_AS_NODE makes the binary answer like node, without opening a window.
  const run = spawnSync(candidate.path, ['--version'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (run.error || run.status !== 0) {
    const why = run.error?.message ?? (run.stderr.trim() || `exit code ${run.status}`);
    return { ok: false, reason: `${candidate.path} does not run (${why.slice(0, 200)})` };
  }
  return { ok: true, path: candidate.path, version: run.stdout.trim() };
}
