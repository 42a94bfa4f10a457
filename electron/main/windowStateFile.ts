// window-state.json in the user's data folder. A missing or damaged file just means default size.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from '../engine/store/atomicWriteFile';
import { parseWindowState, type WindowState } from './windowState';

const WINDOW_STATE_FILE = 'window-state.json';

export function windowStatePath(dataDir: string): string {
  return join(dataDir, WINDOW_STATE_FILE);
}

export async function loadWindowState(dataDir: string): Promise<WindowState | null> {
  const text = await readFile(windowStatePath(dataDir), 'utf8').catch(() => null);
  return text === null ? null : parseWindowState(text);
}

export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  await atomicWriteFile(windowStatePath(dataDir), `${JSON.stringify(state, null, 2)}\n`, {
    kept: 'the window opens at its previous size next time',
  });
}
