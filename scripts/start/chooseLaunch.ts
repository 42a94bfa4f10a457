// What `npm start` opens: the desktop app when Electron's binary is there or can be downloaded now,
// else the same window in the browser, with the reason and how to get the desktop app. Pure: finding
// the binary, downloading it and describing a failure are passed in.

import type { InstalledElectron } from './electronBinary';

export type Launch =
  | { kind: 'desktop'; binary: string }
  | {
      kind: 'browser';
      /** Why there is no desktop app this time, in words a user can act on. */
      reason: string;
      /** How to get the desktop app next time. */
      retry: string;
    };

export interface LaunchDeps {
  /** The electron package's version, or null when the package is not installed at all. */
  version: string | null;
  installed(): InstalledElectron;
  download(): Promise<void>;
  describeFailure(error: unknown): string;
  say(line: string): void;
}

export async function chooseLaunch(deps: LaunchDeps): Promise<Launch> {
  if (deps.version === null)
    return {
      kind: 'browser',
      reason: 'the electron package is not installed',
      retry: 'run `npm ci`, then `npm start`',
    };
  const overrideHint = `set ELECTRON_OVERRIDE_DIST_PATH to the folder of an unpacked Electron ${deps.version}`;
  const found = deps.installed();
  if (found.ok) return { kind: 'desktop', binary: found.path };
  if (!found.download) return { kind: 'browser', reason: found.reason, retry: overrideHint };

  deps.say(
    `The desktop app needs Electron ${deps.version} (${found.reason}): downloading it once, with the electron package's installer…`,
  );
  try {
    await deps.download();
  } catch (error) {
    return {
      kind: 'browser',
      reason: `Electron's download failed: ${deps.describeFailure(error)}`,
      retry: `run \`npm start\` again when the download can get through (it is needed once), or ${overrideHint}`,
    };
  }
  const after = deps.installed();
  if (after.ok) return { kind: 'desktop', binary: after.path };
  return {
    kind: 'browser',
    reason: `Electron's installer finished, but ${after.reason}`,
    retry: `delete node_modules/electron/dist and run \`npm start\` again, or ${overrideHint}`,
  };
}
