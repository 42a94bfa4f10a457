// Test helper for the user-data crash tests: runs a child that writes in a loop and reports
// "start STATE", "will N STATE" (before writing step N) and "ok N" (once step N is on disk), then
// SIGKILLs it `delayMs` after it acknowledged `okTarget` steps, and says what it reported.

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface KillReport {
  start: string;
  /** State announced before each write, by step. */
  will: Map<number, string>;
  lastOk: number;
  stderr: string;
}

export function runAndKill(
  childScript: string,
  args: string[],
  okTarget: number,
  delayMs: number,
): Promise<KillReport> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report: KillReport = { start: '', will: new Map(), lastOk: 0, stderr: '' };
    let buffered = '';
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => proc.kill('SIGKILL'), delayMs);
    };
    const guard = setTimeout(kill, 20_000);
    proc.stderr.on('data', (d: Buffer) => {
      report.stderr += d.toString();
    });
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        nl = buffered.indexOf('\n');
        const space = line.indexOf(' ');
        const kind = line.slice(0, space);
        const rest = line.slice(space + 1);
        if (kind === 'start') report.start = rest;
        else if (kind === 'will') {
          const gap = rest.indexOf(' ');
          report.will.set(Number(rest.slice(0, gap)), rest.slice(gap + 1));
        } else if (kind === 'ok') {
          report.lastOk = Number(rest);
          if (report.lastOk >= okTarget) kill();
        }
      }
    });
    proc.on('error', fail);
    proc.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') fail(new Error(`child exited by itself (${code}): ${report.stderr}`));
      else done(report);
    });
  });
}

/**
 * Kills `childScript` (run with `dataDir` and a seed) `kills` times, each time at another moment
 * after another number of acknowledged writes, every run starting from what the last one left; after
 * each, `fileState()` (what the file holds, as the store will read it) must be the state the child
 * last acknowledged or the one it was writing.
 */
export async function expectEveryKillLeavesAState(
  childScript: string,
  dataDir: string,
  firstSeed: number,
  fileState: () => string,
  kills = 30,
): Promise<void> {
  for (let i = 0; i < kills; i++) {
    const seed = firstSeed + i;
    const report = await runAndKill(childScript, [dataDir, String(seed)], 1 + ((i * 7) % 25), (i * 3) % 11);
    expect(report.start, `run ${i}: the child starts from what the previous run left`).not.toBe('');
    const acknowledged = report.lastOk === 0 ? report.start : report.will.get(report.lastOk);
    const inFlight = report.will.get(report.lastOk + 1);
    const allowed = [acknowledged, inFlight].filter((s) => s !== undefined);
    expect(allowed, `run ${i} (seed ${seed}, ${report.lastOk} acknowledged)`).toContain(fileState());
  }
}
