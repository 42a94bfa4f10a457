// Reading a small JSON file of the user's data (stars, settings) and keeping a damaged one aside.
// A damaged file is never deleted or silently replaced: it is renamed to `<name>.damaged-<time>`
// and the store reports where it went.

import { basename, dirname, join } from 'node:path';
import type { FileStat, StoreFs } from './storeFs';

export type StoreWarningCode = 'damaged' | 'entries-dropped' | 'newer-version' | 'unreadable' | 'save-failed';

/** Something the user should be told about their data file. */
export interface StoreWarning {
  /** The data file concerned. */
  path: string;
  message: string;
  code: StoreWarningCode;
  /** Where the damaged original was kept, when it was. */
  backupPath?: string;
}

type ReadOutcome =
  | { kind: 'missing' }
  | { kind: 'unreadable'; code: string | undefined }
  | { kind: 'read'; text: string; stat: FileStat | null };

export async function readUserDataFile(fs: StoreFs, path: string): Promise<ReadOutcome> {
  try {
    const bytes = await fs.readFile(path);
    const stat = await fs.stat(path).catch(() => null);
    return { kind: 'read', text: bytes.toString('utf8'), stat };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
}

/**
 * Whether the file is still the one this process last saw (same inode, size and time), or absent as
 * it was: when not, another process (the CLI beside the app) wrote it since.
 */
export async function unchangedSince(fs: StoreFs, path: string, seen: FileStat | null): Promise<boolean> {
  const stat = await fs.stat(path).catch(() => null);
  if (stat === null) return seen === null;
  return seen !== null && stat.mtimeMs === seen.mtimeMs && stat.size === seen.size && stat.ino === seen.ino;
}

/** `2026-11-05T10-20-30-123Z`: sortable and valid in file names on every platform. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

async function freeBackupPath(fs: StoreFs, path: string, now: Date): Promise<string> {
  const base = `${path}.damaged-${backupStamp(now)}`;
  const taken = new Set(await fs.readdir(dirname(path)).catch(() => [] as string[]));
  let candidate = base;
  for (let n = 1; taken.has(basename(candidate)); n++) candidate = `${base}-${n}`;
  return join(dirname(path), basename(candidate));
}

/** Moves a damaged file out of the way; returns where it went. */
export async function setAsideDamaged(fs: StoreFs, path: string, now: Date): Promise<string> {
  const backup = await freeBackupPath(fs, path, now);
  await fs.rename(path, backup);
  return backup;
}

/** Copies a file whose bad entries are about to be dropped, so nothing is lost for good. */
export async function copyAsideDamaged(fs: StoreFs, path: string, now: Date): Promise<string> {
  const backup = await freeBackupPath(fs, path, now);
  await fs.copyFile(path, backup);
  return backup;
}
