// What a CLI command may touch. Commands take this instead of reaching for process.* so the tests
// run them in-process with captured output, and `main.ts` wires it to the real process.

import { stat } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM; long-running commands (watch) stop when it fires. */
  signal: AbortSignal;
}

/** Wrong arguments: the command prints the message and a usage hint, and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command returns its exit code: 0 ran (problems in the archive are not failures), 1 failed. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Options every command takes: where stars, settings and the library database live. */
const COMMON_OPTIONS = { 'data-dir': { type: 'string' } } as const;

/**
 * The command's options (and COMMON_OPTIONS) and positionals; an unknown or malformed option is a
 * UsageError that shows `usage`. `--limit -1` reaches the command as the value "-1", so its own
 * check says what the option takes (the parser would call "-1" an ambiguous option).
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  usage: string,
) {
  const all = { ...COMMON_OPTIONS, ...options } as typeof COMMON_OPTIONS & O;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    const next = argv[i + 1];
    const option = name !== null && Object.hasOwn(all, name) ? all[name as keyof typeof all] : undefined;
    if (option && (option as { type: string }).type === 'string' && next?.startsWith('-')) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  try {
    return parseArgs({ args, allowPositionals: true, options: all });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** "Folder not found" for a DIR argument that is missing or not a folder, else null. */
export async function folderNotFound(folder: string): Promise<string | null> {
  const info = await stat(folder).catch(() => null);
  if (info?.isDirectory()) return null;
  return info
    ? `Not a folder: ${folder}. Give the folder of your news archive, not a file in it.`
    : `Folder not found: ${folder}. Check the path (and that its disk is connected).`;
}
