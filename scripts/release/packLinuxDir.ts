// Runs the real `electron-builder` CLI with this project's config for an unpacked Linux build
// (`--linux dir`: app.asar, unpacked natives, extra resources and fuses, no installer), using a
// local Electron folder instead of a download, and writing into a folder outside the project.

import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILDER_CONFIG_FILE, REPO_ROOT } from './builderConfig';

const run = promisify(execFile);

export interface LinuxDirBuild {
  /** <output>/linux-unpacked (linux-<arch>-unpacked off x64). */
  appDir: string;
  log: string;
}

export async function packLinuxDir(electronDist: string, outputDir: string): Promise<LinuxDirBuild> {
  const cli = createRequire(join(REPO_ROOT, 'package.json')).resolve('electron-builder/cli.js');
  const args = [
    cli,
    '--config',
    BUILDER_CONFIG_FILE,
    '--linux',
    'dir',
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${outputDir}`,
  ];
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const arch = process.arch === 'x64' ? '' : `-${process.arch === 'arm' ? 'armv7l' : process.arch}`;
    return { appDir: join(outputDir, `linux${arch}-unpacked`), log: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder --linux dir failed:\n${stdout}\n${stderr}`);
  }
}
