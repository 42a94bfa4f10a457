// One writer at a time for a user-data file that several processes change (the app and the CLI
// beside it): each change holds `<file>.lock` from reading the file's current state until its own
// write is on disk. Without it, the app's compaction (rename over the log) drops a line the CLI
// appended a moment before, and two rewrites of stars.json each drop the other's star.
// The lock is a file created exclusively (O_EXCL), which is atomic on Linux, macOS and Windows. A
// lock left by a writer that died (kill -9, power loss) is taken over once its process is gone, or
// once it is older than any write takes.

import { hostname } from 'node:os';
import { describeWriteFailure, isProcessAlive, StoreWriteError } from './atomicWriteFile';
import type { StoreFs } from './storeFs';

/** No write holds the lock this long (a 100,000-mark log is ~7 MB); an older lock is a dead writer's. */
export const STALE_LOCK_MS = 15_000;
const RETRY_MIN_MS = 2;
const RETRY_MAX_MS = 50;

export interface LockOptions {
  fs: StoreFs;
  /** For the message of a failed save, e.g. "your previous stars are kept". */
  kept: string;
  /** Injected in tests. */
  now?: () => number;
  isAlive?: (pid: number) => boolean;
  staleMs?: number;
}

interface Holder {
  pid: number;
  host: string;
}

export function lockPathFor(target: string): string {
  return `${target}.lock`;
}

function parseHolder(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(value.pid) && typeof value.host === 'string'
      ? { pid: value.pid as number, host: value.host }
      : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Runs `task` holding the lock of `target`; waits while another live writer holds it. */
export async function withFileLock<T>(
  target: string,
  task: () => Promise<T>,
  options: LockOptions,
): Promise<T> {
  await acquire(target, options);
  try {
    return await task();
  } finally {
    await options.fs.unlink(lockPathFor(target)).catch(() => undefined);
  }
}

async function acquire(target: string, options: LockOptions): Promise<void> {
  const { fs } = options;
  const now = options.now ?? Date.now;
  const isAlive = options.isAlive ?? isProcessAlive;
  const staleMs = options.staleMs ?? STALE_LOCK_MS;
  const path = lockPathFor(target);
  const host = hostname();
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await fs.createExclusive(path, 0o600);
      try {
        await file.write(Buffer.from(JSON.stringify({ pid: process.pid, host }), 'utf8'));
      } catch {
        // The lock is held all the same (the file exists); without its content others wait for it
        // to grow stale instead of checking its process.
      } finally {
        await file.close().catch(() => undefined);
      }
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new StoreWriteError(describeWriteFailure(code, target, options.kept), target, code, {
          cause: error,
        });
    }
    if (await isStale(fs, path, host, now(), staleMs, isAlive)) {
      // Two writers may find the same dead lock; the second's unlink can then remove the first's new
      // lock. That needs a writer to die holding the lock and two others to arrive within the same
      // millisecond or two, and costs at most that one change; a lock the OS releases itself
      // (flock) is not available to Node on every platform.
      await fs.unlink(path).catch(() => undefined);
      continue;
    }
    await sleep(Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(attempt, 5)));
  }
}

async function isStale(
  fs: StoreFs,
  path: string,
  host: string,
  now: number,
  staleMs: number,
  isAlive: (pid: number) => boolean,
): Promise<boolean> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([
      fs.readFile(path).then((b) => b.toString('utf8')),
      fs.stat(path),
    ]);
  } catch {
    return false; // Gone already (released): the next attempt takes it.
  }
  if (Math.abs(now - mtimeMs) > staleMs) return true;
  const holder = parseHolder(text);
  return holder !== null && holder.host === host && !isAlive(holder.pid);
}
