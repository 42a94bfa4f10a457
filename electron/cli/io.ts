// What a CLI command may touch. Commands take this instead of reaching for process.* so the tests
// run them in-process with captured output, and `main.ts` wires it to the real process.

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

/**
 * The command's options and positionals; an unknown or malformed option is a UsageError that
 * shows `usage`.
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}
