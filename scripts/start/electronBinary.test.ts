import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ElectronPackage, electronVersionOf, executableName, installedElectron } from './electronBinary';

let dir: string;
let pkg: ElectronPackage;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-electron-pkg-'));
  pkg = { dir, version: '45.4.1' };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** What the electron package's installer leaves behind after unpacking. */
async function unpacked(version: string, pathTxt = 'electron', binary = true): Promise<void> {
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'dist', 'version'), version);
  await writeFile(join(dir, 'path.txt'), pathTxt);
  if (binary) await writeFile(join(dir, 'dist', 'electron'), '');
}

describe('installedElectron', () => {
  it('asks for a download when nothing was downloaded', () => {
    expect(installedElectron(pkg, {}, 'linux')).toEqual({
      ok: false,
      reason: 'the Electron binary has not been downloaded yet',
      download: true,
    });
  });

  it('finds the binary the installer unpacked for this version', async () => {
    await unpacked('v45.4.1');
    expect(installedElectron(pkg, {}, 'linux')).toEqual({ ok: true, path: join(dir, 'dist', 'electron') });
  });

  it('asks for a download again when the unpacked Electron is another version or platform', async () => {
    await unpacked('44.0.0');
    expect(installedElectron(pkg, {}, 'linux')).toMatchObject({ ok: false, download: true });
    await unpacked('45.4.1', 'electron.exe');
    expect(installedElectron(pkg, {}, 'linux')).toMatchObject({ ok: false, download: true });
    await rm(join(dir, 'dist', 'electron'));
    await unpacked('45.4.1', 'electron', false);
    expect(installedElectron(pkg, {}, 'linux')).toMatchObject({ ok: false, download: true });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH as given and never downloads over it', async () => {
    const override = join(dir, 'mine');
    await mkdir(override);
    expect(installedElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toEqual({
      ok: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron executable`,
      download: false,
    });
    await writeFile(join(override, 'electron'), '');
    expect(installedElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toEqual({
      ok: true,
      path: join(override, 'electron'),
    });
  });

  it('names the executable as install.js does', () => {
    expect(executableName('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(executableName('win32')).toBe('electron.exe');
    expect(executableName('linux')).toBe('electron');
    expect(executableName('aix')).toBeNull();
  });
});

describe('electronVersionOf', () => {
  it('refuses a node-like executable that has no Electron version', () => {
    expect(electronVersionOf(process.execPath)).toEqual({
      ok: false,
      reason: `${process.execPath} is not Electron (it reports no Electron version)`,
    });
  });
});
