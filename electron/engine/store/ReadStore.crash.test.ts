import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectEveryKillLeavesAState } from '../testing/killChild';
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
    await expectEveryKillLeavesAState(child, dataDir, 2000, fileState);
    // The next open tidies the temp files the killed writers left and rewrites a torn log whole.
    const store = await ReadStore.open(dataDir);
    expect(store.warnings).toEqual([]);
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.setRead([{ id: 'ffffffffffffffff', contentHash: 'cfffffffffffffff' }], true);
    expect(readFileSync(join(dataDir, READ_MARKS_FILE), 'utf8').endsWith('\n')).toBe(true);
    expect(fileState()).toContain('ffffffffffffffff');
  }, 180_000);
});
