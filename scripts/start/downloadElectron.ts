// Fetches the Electron binary the way the electron package's own installer does (install.js: the
// same @electron/get, version, platform, arch, cache and pinned checksums), reporting progress as
// it goes, then runs that installer, which finds the zip in the cache and unpacks it into
// node_modules/electron/dist. The download is done here rather than inside install.js only so that
// its progress is shown from the first byte and its real error (the socket's, not "fetch failed")
// reaches the user.

import { execSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StalledDownload } from './downloadFailure';
import type { ElectronPackage } from './electronBinary';

export interface DownloadProgress {
  transferred: number;
  total: number | null;
}

type Env = Record<string, string | undefined>;

/** A download that sends nothing for this long is given up (a dropped-packet firewall never errors). */
export const STALL_SECONDS = 30;

interface ElectronGet {
  downloadArtifact(details: Record<string, unknown>): Promise<string>;
}

/** install.js's platform and arch rules, including its Rosetta check on Apple silicon. */
function target(env: Env): { platform: string; arch: string } {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  let arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  if (platform === 'darwin' && process.platform === 'darwin' && arch === 'x64' && !env.npm_config_arch) {
    try {
      if (execSync('sysctl -in sysctl.proc_translated').toString().trim() === '1') arch = 'arm64';
    } catch {
      // not under Rosetta
    }
  }
  return { platform, arch };
}

export async function downloadElectron(
  pkg: ElectronPackage,
  onProgress: (progress: DownloadProgress) => void,
  env: Env = process.env,
  stallSeconds: number = STALL_SECONDS,
): Promise<void> {
  const fromElectron = createRequire(join(pkg.dir, 'package.json'));
  const get = (await import(pathToFileURL(fromElectron.resolve('@electron/get')).href)) as ElectronGet;
  const checksums =
    env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums
      ? undefined
      : JSON.parse(readFileSync(join(pkg.dir, 'checksums.json'), 'utf8'));

  const abort = new AbortController();
  let stallTimer: NodeJS.Timeout | undefined;
  const watchStall = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(
      () => abort.abort(new StalledDownload(stallSeconds, 'the download server')),
      stallSeconds * 1000,
    );
  };
  watchStall();
  try {
    await get.downloadArtifact({
      version: pkg.version,
      artifactName: 'electron',
      force: env.force_no_cache === 'true',
      cacheRoot: env.electron_config_cache,
      checksums,
      ...target(env),
      downloadOptions: {
        quiet: true, // its own bar appears only after 30 s; ours reports from the start
        signal: abort.signal,
        getProgressCallback: (p: { transferred: number; total: number | null }) => {
          watchStall();
          onProgress({ transferred: p.transferred, total: p.total });
        },
      },
    });
  } finally {
    clearTimeout(stallTimer);
  }

  // The installer now finds the zip in the cache: it checks it again and unpacks it.
  const installEnv = { ...env };
  delete installEnv.force_no_cache;
  const install = spawnSync(process.execPath, [join(pkg.dir, 'install.js')], {
    env: installEnv,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (install.error) throw install.error;
  if (install.status !== 0) {
    const said = install.stderr.trim().split('\n')[0] || `exit code ${install.status}`;
    throw new Error(`Electron's installer could not unpack the download: ${said}`);
  }
}

const MB = 1024 * 1024;

/** "Downloading Electron 45.4.1: 43% (48.2 of 112.0 MB)"; without a size, just the megabytes. */
export function formatProgress(version: string, p: DownloadProgress): string {
  const got = (p.transferred / MB).toFixed(1);
  if (!p.total) return `Downloading Electron ${version}: ${got} MB`;
  const percent = Math.floor((p.transferred / p.total) * 100);
  return `Downloading Electron ${version}: ${percent}% (${got} of ${(p.total / MB).toFixed(1)} MB)`;
}
