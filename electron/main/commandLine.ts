// What the app was asked to open: `--library DIR` (repeatable) and `--data-dir DIR`.
// Both `--flag value` and `--flag=value` are accepted; relative folders are resolved against the
// directory the command ran in (which, for a second instance, is that instance's directory).

import { resolve } from 'node:path';

interface LaunchArgs {
  libraries: string[];
  dataDir?: string;
}

export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchArgs {
  const out: LaunchArgs = { libraries: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    for (const flag of ['--library', '--data-dir'] as const) {
      let value: string | undefined;
      if (arg === flag) {
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          value = next;
          i++;
        }
      } else if (arg.startsWith(`${flag}=`)) {
        value = arg.slice(flag.length + 1);
      }
      if (!value) continue;
      const path = resolve(cwd, value);
      if (flag === '--library') out.libraries.push(path);
      else out.dataDir = path;
    }
  }
  return out;
}

/**
 * The second instance's request as sent through requestSingleInstanceLock's additionalData.
 * It comes from another process, so it is read defensively.
 */
export function librariesFromInstanceData(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const list = (data as { libraries?: unknown }).libraries;
  if (!Array.isArray(list)) return [];
  return list
    .filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 4096)
    .slice(0, 100);
}
