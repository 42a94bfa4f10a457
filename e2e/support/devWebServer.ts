// Starts `scripts/dev-web/main.ts` as a child process, the way a developer runs `npm run dev:web`,
// and waits for the address it prints alone on a line. Nothing here sleeps: readiness is the line.

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/;

export interface DevWebOptions {
  libraries: string[];
  dataDir: string;
  port?: number;
  /** Extra environment for the server (e.g. BROADSHEET_ALLOW_LOOPBACK_IMAGES=1 for a local picture host). */
  env?: Record<string, string>;
}

export interface DevWebServer {
  /** The printed address, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function startDevWeb(options: DevWebOptions, startTimeoutMs = 30_000): Promise<DevWebServer> {
  const args = [join(REPO_ROOT, 'scripts', 'dev-web', 'main.ts'), '--data-dir', options.dataDir];
  for (const library of options.libraries) args.push('--library', library);
  if (options.port) args.push('--port', String(options.port));
  return startPrintingAddress(args, { ...process.env, ...options.env }, startTimeoutMs, 'dev-web');
}

/**
 * Runs a script under tsx (dev-web, or `npm start`'s scripts/start/main.ts, which ends up serving
 * dev-web) and waits for the address it prints alone on a line.
 */
export async function startPrintingAddress(
  scriptAndArgs: string[],
  env: NodeJS.ProcessEnv,
  startTimeoutMs: number,
  name: string,
): Promise<DevWebServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...scriptAndArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const found = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} printed no address within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output += `${line}\n`;
      const match = URL_LINE.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before printing its address:\n${output}`));
    });
  });

  const port = Number(found[1]);
  return {
    url: found[0],
    origin: `http://127.0.0.1:${port}`,
    port,
    token: found[2]!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
