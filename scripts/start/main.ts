// `npm start`: the desktop app, on the saved library (the bundled sample archive on a first run).
// When Electron's binary is missing it is downloaded with the electron package's installer, with
// its progress shown. Only when that fails does Broadsheet open in the browser instead (the same
// renderer and engine, through the dev-web bridge), saying why in one line and how to retry.
// Arguments after `npm start --` (--library DIR, --data-dir DIR) go to whichever opens.

import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chooseLaunch } from './chooseLaunch';
import { downloadElectron, formatProgress } from './downloadElectron';
import { describeDownloadFailure } from './downloadFailure';
import { electronPackage, installedElectron } from './electronBinary';

const root = join(import.meta.dirname, '..', '..');
const passThrough = process.argv.slice(2);

function progressPrinter(version: string) {
  const tty = process.stdout.isTTY === true;
  let lastStep = -1;
  let open = false;
  return {
    update(p: { transferred: number; total: number | null }) {
      const line = formatProgress(version, p);
      if (tty) {
        process.stdout.write(`\r${line}\x1b[K`);
        open = true;
        return;
      }
      // A log, not a terminal: one line per tenth (or per 10 MB when the size is unknown).
      const step = p.total ? Math.floor((p.transferred / p.total) * 10) : Math.floor(p.transferred / 10e6);
      if (step !== lastStep) {
        lastStep = step;
        console.log(line);
      }
    },
    end() {
      if (open) process.stdout.write('\n');
      open = false;
    },
  };
}

function exitWith(child: ReturnType<typeof spawn>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  const pkg = electronPackage();
  const progress = progressPrinter(pkg?.version ?? '');
  const launch = await chooseLaunch({
    version: pkg?.version ?? null,
    installed: () => installedElectron(pkg!),
    download: () => downloadElectron(pkg!, progress.update).finally(progress.end),
    describeFailure: (error) => describeDownloadFailure(error),
    say: (line) => console.log(line),
  });

  if (launch.kind === 'desktop') {
    const built = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
    exitWith(spawn(launch.binary, ['.', ...passThrough], { cwd: root, stdio: 'inherit' }));
    return;
  }

  console.log(`No desktop app this time: ${launch.reason}. To get it, ${launch.retry}.`);
  console.log('Opening Broadsheet in your browser instead (the same window and engine).\n');
  const devWeb = [join(root, 'scripts', 'dev-web', 'main.ts'), ...passThrough];
  exitWith(spawn(process.execPath, ['--import', 'tsx', ...devWeb], { cwd: root, stdio: 'inherit' }));
}

void main();
