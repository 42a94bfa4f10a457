// Where a worker thread's script lives. Bundled code (out/node, out/main) finds its sibling
// `<name>.js`; TypeScript source (tests, tsx) starts the `.ts` file through the tsx loader.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerScript {
  filename: string;
  execArgv: string[];
}

/**
 * @param callerUrl `import.meta.url` of the module that starts the worker
 * @param sourcePath the worker's source file relative to the caller's folder (when running from source)
 * @param bundleName the worker's bundle name next to the caller's bundle (when running bundled)
 */
export function resolveWorkerScript(callerUrl: string, sourcePath: string, bundleName: string): WorkerScript {
  const callerFile = fileURLToPath(callerUrl);
  const callerDir = dirname(callerFile);
  if (callerFile.endsWith('.ts')) {
    return { filename: join(callerDir, sourcePath), execArgv: ['--import', 'tsx'] };
  }
  const bundled = join(callerDir, `${bundleName}.js`);
  if (!existsSync(bundled)) {
    throw new Error(
      `Worker script ${bundled} is missing: rebuild with "npm run build:node" or "npm run build".`,
    );
  }
  return { filename: bundled, execArgv: [] };
}
