// `npm run dist`: the installers, with better-sqlite3 built for Electron inside them.
//
// better-sqlite3 is a V8-ABI native module: the build `npm ci` made loads in Node (the CLI, the
// tests) but not in Electron. electron-builder can rebuild native modules (`npmRebuild: true`), but
// only all of them, and @parcel/watcher would then be compiled from its binding.gyp although its
// N-API prebuild loads in Electron as it is. So electron-builder.yml keeps `npmRebuild: false`, and
// this script rebuilds better-sqlite3 alone for the Electron version and CPU being packaged
// (@electron/rebuild, which takes a prebuilt binary when one can be downloaded and compiles
// otherwise), runs electron-builder, and then puts Node's build back, so `npm test` and the CLI
// keep working after a `npm run dist`, failed or not.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILDER_CONFIG_FILE, REPO_ROOT } from './builderConfig';

/** The native modules that need a V8-ABI rebuild for Electron (N-API ones load as they are). */
export const ELECTRON_REBUILT_MODULES = ['better-sqlite3'] as const;

export interface DistSteps {
  /** Keeps Node's build of the modules aside. */
  keepNodeBuild(): void;
  rebuildForElectron(arch: string): Promise<void>;
  /** Runs electron-builder with the given arguments; resolves to its exit code. */
  runBuilder(args: readonly string[]): Promise<number>;
  /** Puts Node's build back. */
  restoreNodeBuild(): void;
}

/** The CPU electron-builder packages for: the one named on its command line, else this machine's. */
export function targetArch(args: readonly string[], hostArch: string = process.arch): string {
  const named = ['x64', 'arm64', 'ia32', 'armv7l', 'universal'].filter((a) => args.includes(`--${a}`));
  if (named.length > 1) {
    throw new Error(`npm run dist builds one CPU at a time (got ${named.map((a) => `--${a}`).join(' ')})`);
  }
  return named[0] ?? hostArch;
}

/** Rebuild, package, restore: Node's build comes back whatever fails. Resolves to the exit code. */
export async function dist(
  args: readonly string[],
  steps: DistSteps,
  hostArch = process.arch,
): Promise<number> {
  const arch = targetArch(args, hostArch);
  steps.keepNodeBuild();
  try {
    await steps.rebuildForElectron(arch);
    return await steps.runBuilder(args);
  } finally {
    steps.restoreNodeBuild();
  }
}

/** The .node file Node loads for a module (better-sqlite3: build/Release/better_sqlite3.node). */
function nativeBinaryOf(root: string, name: string): string {
  const require = createRequire(join(root, 'package.json'));
  const folder = dirname(require.resolve(`${name}/package.json`));
  return join(folder, 'build', 'Release', `${name.replace(/-/g, '_')}.node`);
}

export function fileSteps(root = REPO_ROOT): DistSteps {
  const kept = join(root, 'out', 'native-node-build');
  const binaries = ELECTRON_REBUILT_MODULES.map((name) => ({ name, file: nativeBinaryOf(root, name) }));
  const fromRoot = createRequire(join(root, 'package.json'));
  const electronVersion = (
    JSON.parse(readFileSync(fromRoot.resolve('electron/package.json'), 'utf8')) as { version: string }
  ).version;
  return {
    keepNodeBuild() {
      mkdirSync(kept, { recursive: true });
      for (const { name, file } of binaries) copyFileSync(file, join(kept, `${name}.node`));
    },
    async rebuildForElectron(arch) {
      // @electron/rebuild comes with electron-builder (the version it packages with), not as our own dependency.
      const builderRequire = createRequire(fromRoot.resolve('electron-builder'));
      const entry = builderRequire.resolve('@electron/rebuild');
      const { rebuild } = (await import(pathToFileURL(entry).href)) as {
        rebuild(options: Record<string, unknown>): Promise<void>;
      };
      console.log(
        `dist: building ${ELECTRON_REBUILT_MODULES.join(', ')} for Electron ${electronVersion} (${arch})`,
      );
      await rebuild({
        buildPath: root,
        electronVersion,
        arch,
        onlyModules: [...ELECTRON_REBUILT_MODULES],
        force: true,
      });
    },
    runBuilder(args) {
      return new Promise((resolve, reject) => {
        const bin = join(dirname(fromRoot.resolve('electron-builder/package.json')), 'cli.js');
        const child = spawn(process.execPath, [bin, '--config', BUILDER_CONFIG_FILE, ...args], {
          cwd: root,
          stdio: 'inherit',
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      });
    },
    restoreNodeBuild() {
      for (const { name, file } of binaries) {
        const saved = join(kept, `${name}.node`);
        if (existsSync(saved)) copyFileSync(saved, file);
      }
      console.log(`dist: ${ELECTRON_REBUILT_MODULES.join(', ')} restored for Node`);
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  dist(process.argv.slice(2), fileSteps()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`dist: ${(error as Error)?.message ?? String(error)}`);
      process.exit(1);
    },
  );
}
