// Replace a file so that a crash at any instant leaves either the old or the new content:
// write a temp file in the same folder, fsync it, rename it over the target, fsync the folder.
// Writes to one path are queued, so two quick changes never interleave and the last one wins.

import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { nodeStoreFs, type StoreFs } from './storeFs';

interface AtomicWriteOptions {
  fs?: StoreFs;
  /** File mode of a newly written file. User data is private by default. */
  mode?: number;
  /** What survives a failed write, for the message, e.g. "your previous stars are kept". */
  kept?: string;
}

/** A failed save. `message` names the file, the cause and what the user can do. */
export class StoreWriteError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreWriteError';
  }
}

export function describeWriteFailure(code: string | undefined, path: string, kept: string): string {
  const folder = dirname(path);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not save ${path}. The disk is full: free some space and try again; ${kept}.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not save ${path}. Permission denied: check that you can write to ${folder}; ${kept}.`;
    case 'EROFS':
      return `Could not save ${path}. The disk is read-only: make ${folder} writable or choose another data folder; ${kept}.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Could not save ${path}. The folder ${folder} is gone: check that the disk is connected; ${kept}.`;
    default:
      return `Could not save ${path} (${code ?? 'unknown error'}). Try again; ${kept}.`;
  }
}

/** Temp names carry the writer's pid so a later run can tell a crashed writer's leftovers. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

const queues = new Map<string, Promise<void>>();

export function atomicWriteFile(
  path: string,
  data: string | Uint8Array | readonly Uint8Array[],
  options: AtomicWriteOptions = {},
): Promise<void> {
  const key = resolve(path);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(() => writeNow(key, data, options));
  // The queue continues whether this write succeeded or not; callers see their own outcome.
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function writeNow(
  path: string,
  data: string | Uint8Array | readonly Uint8Array[],
  options: AtomicWriteOptions,
): Promise<void> {
  const fs = options.fs ?? nodeStoreFs;
  const chunks =
    typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
  const temp = tempPathFor(path);
  let created = false;
  try {
    const file = await fs.createExclusive(temp, options.mode ?? 0o600);
    created = true;
    try {
      for (const chunk of chunks) await file.write(chunk);
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temp, path);
    created = false;
    await fs.syncDir(dirname(path));
  } catch (error) {
    if (created) await fs.unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new StoreWriteError(
      describeWriteFailure(code, path, options.kept ?? 'the previous version of the file is kept'),
      path,
      code,
      { cause: error },
    );
  }
}

export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes temp files a crashed writer left next to `target`. Temps of live processes (another
 * Broadsheet writing right now, e.g. the CLI beside the app) are left alone.
 */
export async function removeStaleTemps(target: string, fs: StoreFs = nodeStoreFs): Promise<string[]> {
  const folder = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = TEMP_NAME.exec(entry);
    if (!match || match[1] !== name || isProcessAlive(Number(match[2]))) continue;
    try {
      await fs.unlink(join(folder, entry));
      removed.push(entry);
    } catch {
      // Already gone or not ours to delete: harmless either way.
    }
  }
  return removed;
}
