import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadStore } from './ReadStore';
import { StarStore } from './StarStore';

// Two processes change the same file at once, as the app and `broadsheet read|star` beside it do.
// Each acknowledges every change only once it is on disk, so every change must be in the file.

const child = join(import.meta.dirname, 'raceChild.ts');
const repoRoot = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    proc.on('error', fail);
    proc.on('exit', (code) => (code === 0 ? done() : fail(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

const idOf = (n: number) => n.toString(16).padStart(16, '0');
const PER_WRITER = 150;

/** Ids that should have been written by writers starting at 0 and 10,000, and are not there. */
function missing(has: (id: string) => boolean): string[] {
  const lost: string[] = [];
  for (const first of [0, 10_000])
    for (let n = first; n < first + PER_WRITER; n++) if (!has(idOf(n))) lost.push(idOf(n));
  return lost;
}

describe('two writers at once', () => {
  it('lose no read mark while one compacts the log the other appends to', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-read-race-'));
    dirs.push(dataDir);
    await Promise.all([
      run(['read', dataDir, '0', String(PER_WRITER), String(-1e9)]),
      run(['read', dataDir, '10000', String(PER_WRITER), String(1e9)]),
    ]);
    const store = await ReadStore.open(dataDir);
    expect(store.warnings).toEqual([]);
    expect(missing((id) => store.isRead(id))).toEqual([]);
  }, 120_000);

  it('lose no star while both rewrite the stars file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-star-race-'));
    dirs.push(dataDir);
    await Promise.all([
      run(['star', dataDir, '0', String(PER_WRITER)]),
      run(['star', dataDir, '10000', String(PER_WRITER)]),
    ]);
    const store = await StarStore.open(dataDir);
    expect(store.warnings).toEqual([]);
    expect(missing((id) => store.isStarred(id))).toEqual([]);
  }, 120_000);
});
