import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OLD_CACHE_FOLDER, removeOldWarmStartCache } from './oldWarmStartCache';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'bs-oldcache-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('removeOldWarmStartCache', () => {
  it('deletes the old cache files and their temps, then the empty folder', async () => {
    const folder = join(dataDir, OLD_CACHE_FOLDER);
    mkdirSync(folder);
    writeFileSync(join(folder, 'library-0123456789abcdef.bin'), 'x');
    writeFileSync(join(folder, '.library-0123456789abcdef.bin.4242.0123456789ab.tmp'), 'x');
    expect(await removeOldWarmStartCache(dataDir)).toBe(2);
    expect(existsSync(folder)).toBe(false);
    expect(await removeOldWarmStartCache(dataDir)).toBe(0);
  });

  it('leaves anything else alone, and the folder with it', async () => {
    const folder = join(dataDir, OLD_CACHE_FOLDER);
    mkdirSync(folder);
    writeFileSync(join(folder, 'library-0123456789abcdef.bin'), 'x');
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'library-short.bin'), 'x');
    expect(await removeOldWarmStartCache(dataDir)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['library-short.bin', 'notes.txt']);
  });
});
