#!/usr/bin/env node
// The `broadsheet` command. Runs the bundle in out/node (built on `npm install` and by
// `npm run build:node`); in a fresh checkout without it (or with BROADSHEET_FROM_SOURCE=1, handy
// while editing), runs the TypeScript source through tsx.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(repo, 'out', 'node', 'cli.js');

if (existsSync(bundle) && process.env.BROADSHEET_FROM_SOURCE !== '1') {
  await import(pathToFileURL(bundle).href);
} else {
  // Resolved from here, not from the cwd, so the command works from any folder.
  const tsx = import.meta.resolve('tsx');
  const child = spawn(
    process.execPath,
    ['--import', tsx, join(repo, 'electron', 'cli', 'main.ts'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  // Ctrl-C reaches the child from the terminal itself (same process group): this process must only
  // not die first. A SIGTERM is sent to this process alone, so it is passed on.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
}
