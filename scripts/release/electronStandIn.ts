// A stand-in for the Electron binary, for packaging runs on machines that cannot download Electron.
// electron-builder copies an unpacked Electron folder (-c.electronDist) and @electron/fuses flips the
// fuse wire it finds after Electron's sentinel; this file carries that sentinel and a V1 wire with
// Electron's shipped defaults, so the packaged copy shows exactly which fuses the build flipped.
// It is not an executable Electron: nothing here launches it.

import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireFromBuilder } from './builderConfig';

interface FusesModule {
  FuseV1Options: Record<string, number | string>;
  getCurrentFuseWire(path: string): Promise<Record<string, number>>;
}
interface FuseConstants {
  SENTINEL: string;
  FuseState: { DISABLE: number; ENABLE: number };
}

// @electron/fuses is the copy electron-builder flips fuses with; its constants are not re-exported.
const fuses = () => requireFromBuilder<FusesModule>('@electron/fuses');
const constants = () => requireFromBuilder<FuseConstants>('@electron/fuses/dist/constants');

/** Electron's own defaults, in wire order (electron/build/fuses/fuses.json5). */
export const ELECTRON_DEFAULT_FUSES: Readonly<Record<string, boolean>> = {
  RunAsNode: true,
  EnableCookieEncryption: false,
  EnableNodeOptionsEnvironmentVariable: true,
  EnableNodeCliInspectArguments: true,
  EnableEmbeddedAsarIntegrityValidation: false,
  OnlyLoadAppFromAsar: false,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: true,
};

/** Writes `<dir>/electron` (the name electron-builder renames to executableName on Linux). */
export async function writeLinuxElectronStandIn(dir: string): Promise<string> {
  const { SENTINEL, FuseState } = constants();
  const { FuseV1Options } = fuses();
  const wire: number[] = [];
  for (const [name, on] of Object.entries(ELECTRON_DEFAULT_FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`);
    wire[index] = on ? FuseState.ENABLE : FuseState.DISABLE;
  }
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "Broadsheet packaging test stand-in, not Electron" >&2\nexit 1\n'),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1 /* fuse wire version V1 */, wire.length, ...wire]),
  ]);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'electron');
  await writeFile(file, binary);
  await chmod(file, 0o755);
  return file;
}

/** The fuse states in a binary, by fuse name: true = enabled, false = disabled. */
export async function readFuses(binaryPath: string): Promise<Record<string, boolean>> {
  const { getCurrentFuseWire, FuseV1Options } = fuses();
  const { FuseState } = constants();
  const wire = await getCurrentFuseWire(binaryPath);
  const states: Record<string, boolean> = {};
  for (const [index, state] of Object.entries(wire)) {
    if (index === 'version') continue;
    const name = FuseV1Options[index];
    if (typeof name !== 'string') throw new Error(`${binaryPath}: unknown fuse number ${index}`);
    if (state !== FuseState.ENABLE && state !== FuseState.DISABLE) {
      throw new Error(`${binaryPath}: fuse ${name} is in state ${state}, neither enabled nor disabled`);
    }
    states[name] = state === FuseState.ENABLE;
  }
  return states;
}
