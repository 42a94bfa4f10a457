import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeStoreFs } from './storeFs';
import { lockPathFor, STALE_LOCK_MS, withFileLock } from './storeLock';
import { faultyFs } from './testFs';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const target = () => join(dir, `file-${n++}.json`);
const options = { fs: nodeStoreFs, kept: 'your previous marks are kept' };

describe('withFileLock', () => {
  it('holds the lock (with its pid) while the task runs and releases it after, also on failure', async () => {
    const file = target();
    const seen = await withFileLock(file, async () => readFileSync(lockPathFor(file), 'utf8'), options);
    expect(JSON.parse(seen)).toEqual({ pid: process.pid, host: hostname() });
    expect(existsSync(lockPathFor(file))).toBe(false);
    await expect(withFileLock(file, () => Promise.reject(new Error('boom')), options)).rejects.toThrow(
      'boom',
    );
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('runs tasks of the same file one at a time', async () => {
    const file = target();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 20));
      log.push(`${name} out`);
    };
    await Promise.all([withFileLock(file, task('a'), options), withFileLock(file, task('b'), options)]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('waits for a live holder and takes over once it is gone', async () => {
    const file = target();
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: 4242, host: hostname() }));
    let alive = true;
    let ran = false;
    const run = withFileLock(
      file,
      async () => {
        ran = true;
      },
      { ...options, isAlive: () => alive },
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(false);
    alive = false;
    await run;
    expect(ran).toBe(true);
  });

  it('takes over a lock older than any write, whoever held it', async () => {
    const file = target();
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: 4242, host: 'another-machine' }));
    const past = (Date.now() - STALE_LOCK_MS - 5000) / 1000;
    utimesSync(lockPathFor(file), past, past);
    await expect(withFileLock(file, async () => 'done', { ...options, isAlive: () => true })).resolves.toBe(
      'done',
    );
  });

  it('waits on an empty young lock (a holder between creating and writing it)', async () => {
    const file = target();
    writeFileSync(lockPathFor(file), '');
    let ran = false;
    const run = withFileLock(
      file,
      async () => {
        ran = true;
      },
      options,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(false);
    rmSync(lockPathFor(file));
    await run;
    expect(ran).toBe(true);
  });

  it('says why a save is impossible when the lock cannot be created', async () => {
    const fs = faultyFs();
    fs.fail('create', 'EROFS');
    const file = target();
    await expect(withFileLock(file, async () => 'x', { ...options, fs })).rejects.toThrow(
      /disk is read-only.*your previous marks are kept/,
    );
  });
});
