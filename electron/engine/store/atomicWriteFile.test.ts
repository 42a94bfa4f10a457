import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, removeStaleTemps, StoreWriteError } from './atomicWriteFile';
import { type FaultPoint, faultyFs } from './testFs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomicWriteFile', () => {
  it('creates and replaces a file, leaving no temp file behind', async () => {
    const path = join(dir, 'a.json');
    await atomicWriteFile(path, 'one');
    await atomicWriteFile(path, new TextEncoder().encode('two'));
    await atomicWriteFile(path, [Buffer.from('thr'), Buffer.from('ee')]);
    expect(readFileSync(path, 'utf8')).toBe('three');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('applies quick successive writes in call order, so the last one wins', async () => {
    const path = join(dir, 'a.json');
    const writes = Array.from({ length: 40 }, (_, i) =>
      atomicWriteFile(path, `state ${i} `.repeat(2000 - i * 40)),
    );
    await Promise.all(writes);
    expect(readFileSync(path, 'utf8')).toBe('state 39 '.repeat(2000 - 39 * 40));
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it.each<[FaultPoint, string, RegExp]>([
    ['write', 'ENOSPC', /The disk is full: free some space and try again; your previous stars are kept\./],
    ['sync', 'EDQUOT', /The disk is full/],
    ['create', 'EACCES', /Permission denied: check that you can write to/],
    ['rename', 'EROFS', /The disk is read-only/],
  ])(
    'on %s failing with %s: rejects with a useful message and keeps the old file',
    async (point, code, message) => {
      const path = join(dir, 'stars.json');
      writeFileSync(path, 'old content');
      const fs = faultyFs();
      fs.fail(point, code);
      const error = await atomicWriteFile(path, 'new content', {
        fs,
        kept: 'your previous stars are kept',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreWriteError);
      expect((error as StoreWriteError).message).toMatch(message);
      expect((error as StoreWriteError).message).toContain(path);
      expect((error as StoreWriteError).code).toBe(code);
      expect(readFileSync(path, 'utf8')).toBe('old content');
      expect(readdirSync(dir)).toEqual(['stars.json']);
    },
  );

  it('keeps the queue going after a failed write', async () => {
    const path = join(dir, 'a.json');
    const fs = faultyFs();
    await atomicWriteFile(path, 'first', { fs });
    fs.fail('write', 'ENOSPC');
    const failed = atomicWriteFile(path, 'lost', { fs });
    await expect(failed).rejects.toThrow(/disk is full/);
    fs.heal();
    await atomicWriteFile(path, 'kept', { fs });
    expect(readFileSync(path, 'utf8')).toBe('kept');
  });

  it('removes temp files of dead writers but not of live ones or of other files', async () => {
    const target = join(dir, 'stars.json');
    const dead = '.stars.json.999999999.0123456789ab.tmp';
    const live = `.stars.json.${process.pid}.0123456789ab.tmp`;
    const other = '.settings.json.999999999.0123456789ab.tmp';
    for (const name of [dead, live, other]) writeFileSync(join(dir, name), 'x');
    expect(await removeStaleTemps(target)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([other, live].sort());
  });
});
