// The command line of `npm run dev:web`.

import { parseArgs } from 'node:util';

export interface DevWebArgs {
  /** Library folders to open instead of the saved ones; empty means the saved library. */
  libraries: string[];
  /** 0 means any free port. */
  port: number;
  /** Undefined means the desktop app's own data folder (shared stars and settings). */
  dataDir: string | undefined;
  rebuild: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run dev:web -- [--library DIR]... [--port N] [--data-dir DIR] [--rebuild]

Serves the Broadsheet window in your browser, on 127.0.0.1 only, with the real library engine.
  --library DIR   open this archive folder (repeatable); without it, the saved library is opened
  --port N        listen on port N (default: any free port)
  --data-dir DIR  keep stars, settings and the cache here (default: the desktop app's data folder)
  --rebuild       rebuild the web renderer (out/web) even if it exists`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseDevWebArgs(argv: string[]): DevWebArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) {
      throw new UsageError(`--port must be a number from 1 to 65535, got "${values.port}"`);
    }
  }
  return {
    libraries: values.library ?? [],
    port,
    dataDir: values['data-dir'],
    rebuild: values.rebuild ?? false,
    help: values.help ?? false,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      library: { type: 'string', multiple: true },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      rebuild: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
