import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryDb } from './LibraryDb';

const repoRoot = resolve(import.meta.dirname, '../../..');
const child = join(import.meta.dirname, 'crashChild.ts');
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-db-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it has committed `okTarget` batches, waits `delayMs` more, then SIGKILLs it. */
function runAndKill(path: string, seed: number, okTarget: number, delayMs: number): Promise<number> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path, String(seed)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastOk = 0;
    let stderr = '';
    let buffered = '';
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => proc.kill('SIGKILL'), delayMs);
    };
    const guard = setTimeout(kill, 30_000);
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, step] = line.split(' ');
        if (kind === 'ok') {
          lastOk = Number(step);
          if (lastOk >= okTarget) kill();
        }
      }
    });
    proc.on('error', fail);
    proc.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') fail(new Error(`child exited by itself (${code}): ${stderr}`));
      else done(lastOk);
    });
  });
}

describe('LibraryDb under SIGKILL', () => {
  it('always opens sound, holding the last committed batch or the one being written, whole', async () => {
    for (let i = 0; i < 8; i++) {
      const path = join(dir, `run-${i}.db`);
      const lastOk = await runAndKill(path, 500 + i, 1 + ((i * 5) % 9), (i * 7) % 23);
      const db = LibraryDb.open(path, 'crash-test');
      try {
        expect(db.report.damagedBackup, `run ${i}`).toBeUndefined();
        expect(db.integrityProblems(), `run ${i}`).toEqual([]);
        const count = (step: number) => db.search({ text: `batch${step}`, limit: 0 }).total;
        const steps = [lastOk - 2, lastOk - 1, lastOk, lastOk + 1];
        // Committed through batch `last`: batches last-1 and last are there (earlier ones removed).
        const state = (last: number) => steps.map((s) => (s >= 1 && s >= last - 1 && s <= last ? 20 : 0));
        const seen = steps.map(count);
        // Either the state after the acknowledged batch or after the one in flight: never a part.
        expect([state(lastOk), state(lastOk + 1)], `run ${i}: ${lastOk} acknowledged`).toContainEqual(seen);
        expect(db.articleCount).toBe(seen.reduce((a, b) => a + b, 0));
      } finally {
        db.close();
      }
    }
  }, 240_000);
});
