import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAndKill } from '../testing/killChild';
import { READ_MARKS_FILE, ReadStore } from './ReadStore';
import { parseReadMarks } from './readMarksFile';

const child = join(import.meta.dirname, 'readCrashChild.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-read-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The read ids the file holds, as the store will read them (a torn last line left out). */
function fileState(): string {
  let text: string;
  try {
    text = readFileSync(join(dataDir, READ_MARKS_FILE), 'utf8');
  } catch {
    return '[]';
  }
  const parsed = parseReadMarks(text);
  if (parsed.kind !== 'ok' || parsed.dropped.length > 0) throw new Error(`the log is broken: ${text}`);
  return JSON.stringify(
    [...parsed.marks.values()]
      .filter((m) => m.read)
      .map((m) => m.id)
      .sort(),
  );
}

describe('ReadStore under SIGKILL', () => {
  it('always leaves a log holding the last acknowledged state or the one being written', async () => {
    const kills = 30;
    for (let i = 0; i < kills; i++) {
      const seed = 2000 + i;
      const report = await runAndKill(child, [dataDir, String(seed)], 1 + ((i * 7) % 25), (i * 3) % 11);
      expect(report.start, `run ${i}: the child starts from what the previous run left`).not.toBe('');
      const acknowledged = report.lastOk === 0 ? report.start : report.will.get(report.lastOk);
      const inFlight = report.will.get(report.lastOk + 1);
      const allowed = [acknowledged, inFlight].filter((s) => s !== undefined);
      expect(allowed, `run ${i} (seed ${seed}, ${report.lastOk} acknowledged)`).toContain(fileState());
    }
    // The next open tidies the temp files the killed writers left and rewrites a torn log whole.
    const store = await ReadStore.open(dataDir);
    expect(store.warnings).toEqual([]);
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.setRead([{ id: 'ffffffffffffffff', contentHash: 'cfffffffffffffff' }], true);
    expect(readFileSync(join(dataDir, READ_MARKS_FILE), 'utf8').endsWith('\n')).toBe(true);
    expect(fileState()).toContain('ffffffffffffffff');
  }, 180_000);
});
