import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StarStore } from './StarStore';
import { parseStarsFile } from './starFile';

const repoRoot = resolve(import.meta.dirname, '../../..');
const child = join(import.meta.dirname, 'crashChild.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface RunReport {
  start: string;
  /** State announced before each write, by step. */
  will: Map<number, string>;
  lastOk: number;
  stderr: string;
}

/** Runs the child until it has acknowledged `okTarget` writes, waits `delayMs` more, then SIGKILLs it. */
function runAndKill(seed: number, okTarget: number, delayMs: number): Promise<RunReport> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(seed)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report: RunReport = { start: '', will: new Map(), lastOk: 0, stderr: '' };
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
        const [kind, a, b] = line.split(' ');
        if (kind === 'start') report.start = a ?? '';
        else if (kind === 'will') report.will.set(Number(a), b ?? '');
        else if (kind === 'ok') {
          report.lastOk = Number(a);
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

function fileState(): string {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'stars.json'), 'utf8');
  } catch {
    return '[]';
  }
  const parsed = parseStarsFile(text);
  if (parsed.kind !== 'ok' || parsed.dropped.length > 0) throw new Error(`stars.json is broken: ${text}`);
  return JSON.stringify(parsed.stars.map((s) => s.id).sort());
}

describe('StarStore under SIGKILL', () => {
  it('always leaves a file holding the last acknowledged state or the one being written', async () => {
    const kills = 30;
    for (let i = 0; i < kills; i++) {
      const seed = 1000 + i;
      const report = await runAndKill(seed, 1 + ((i * 7) % 25), (i * 3) % 11);
      expect(report.start, `run ${i}: the child starts from what the previous run left`).not.toBe('');
      const acknowledged = report.lastOk === 0 ? report.start : report.will.get(report.lastOk);
      const inFlight = report.will.get(report.lastOk + 1);
      const allowed = [acknowledged, inFlight].filter((s) => s !== undefined);
      expect(allowed, `run ${i} (seed ${seed}, ${report.lastOk} acknowledged)`).toContain(fileState());
    }
    // The next open tidies the temp files the killed writers left behind.
    const store = await StarStore.open(dataDir);
    expect(store.warnings).toEqual([]);
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});
