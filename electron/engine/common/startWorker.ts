// Starts a worker thread from a bundled `.js` file or, when running from source (vitest, tsx), from
// its `.ts` file. On Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's own module
// loading ("Unknown file extension .ts"), so a source worker starts from a tiny bootstrap that
// registers tsx inside the worker and then imports the real script.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { WorkerScript } from '../workerScript';

export function startWorker(script: WorkerScript, options: WorkerOptions = {}): Worker {
  if (!script.filename.endsWith('.ts')) {
    return new Worker(script.filename, { ...options, execArgv: script.execArgv });
  }
  const bootstrap = [
    `import(${JSON.stringify(tsxApiUrl())})`,
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script.filename).href)}); })`,
  ].join('');
  return new Worker(bootstrap, { ...options, eval: true });
}

let cachedTsxApi: string | null = null;

/** The ESM entry of tsx's register API, found through its package exports (works from any cwd). */
function tsxApiUrl(): string {
  if (cachedTsxApi) return cachedTsxApi;
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageFile, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import?.default;
  if (!entry)
    throw new Error(
      `tsx at ${dirname(packageFile)} has no ESM register API; run from the built bundle instead.`,
    );
  cachedTsxApi = pathToFileURL(join(dirname(packageFile), entry)).href;
  return cachedTsxApi;
}
