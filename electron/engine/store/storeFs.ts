// The few file-system operations the stores use, behind an interface so tests can make a disk
// "fill up" or turn read-only at an exact step (chmod does not stop root, so a real read-only
// folder is not a dependable test fixture).

import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';

export interface WritableFile {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** A file opened for reading parts of it (the warm-start cache is read a section at a time). */
export interface ReadableFile {
  readonly size: number;
  /** Exactly `length` bytes from `offset`, in a buffer of their own; rejects if the file is shorter. */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface FileStat {
  mtimeMs: number;
  size: number;
  ino: number;
}

export interface StoreFs {
  /** Creates a new file (fails if it exists) for writing. */
  createExclusive(path: string, mode: number): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Flushes a folder's entries (the rename) to disk. */
  syncDir(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  openForRead(path: string): Promise<ReadableFile>;
  copyFile(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<FileStat>;
  /**
   * Appends to an existing file and syncs it before resolving (the read-marks log). Fails with
   * ENOENT when the file does not exist: a log is created whole, by atomicWriteFile.
   */
  appendDurably(path: string, data: Uint8Array): Promise<void>;
}

async function createExclusive(path: string, mode: number): Promise<WritableFile> {
  const handle = await fsp.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  return {
    async write(data) {
      // A single write may be partial (large buffers, some file systems): loop until done.
      let offset = 0;
      while (offset < data.byteLength) {
        const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
        offset += bytesWritten;
      }
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

async function openForRead(path: string): Promise<ReadableFile> {
  const handle = await fsp.open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset, length) {
        // allocUnsafeSlow: a buffer of its own, never a slice of Node's shared pool, so keeping a
        // section alive never keeps unrelated memory alive (and typed-array views stay aligned).
        const buffer = Buffer.allocUnsafeSlow(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
          if (bytesRead === 0) throw new Error(`${path} ended ${length - done} bytes early`);
          done += bytesRead;
        }
        return buffer;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function syncDir(path: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(path, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a folder; there the rename is already as durable as it gets.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

async function appendDurably(path: string, data: Uint8Array): Promise<void> {
  const handle = await fsp.open(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    let offset = 0;
    while (offset < data.byteLength) {
      const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
      offset += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeStoreFs: StoreFs = {
  appendDurably,
  createExclusive,
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  syncDir,
  readFile: (path) => fsp.readFile(path),
  openForRead,
  copyFile: (from, to) => fsp.copyFile(from, to, constants.COPYFILE_EXCL),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  readdir: (path) => fsp.readdir(path),
  stat: async (path) => {
    const s = await fsp.stat(path);
    return { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino };
  },
};
