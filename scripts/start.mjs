// `npm start`: the desktop app on the bundled sample archive (first run) or the saved library.
// Where no Electron binary can run (CI, these build machines), it says so and serves the same
// renderer and engine in the browser instead, so `npm start` always shows the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidates = ['electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron'];
    for (const c of candidates) if (existsSync(join(override, c))) return join(override, c);
    return null;
  }
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

if (binary) {
  const built = run('npx', ['electron-vite', 'build']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'No Electron binary on this machine (the electron package could not download it).\n' +
      'Serving the same Broadsheet window in your browser instead, on the bundled sample archive.\n' +
      'To run the desktop app, install with internet access or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.\n',
  );
  const args = [
    '--import',
    'tsx',
    'scripts/dev-web/main.ts',
    '--library',
    join(root, 'resources', 'sample-archive'),
  ];
  const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
