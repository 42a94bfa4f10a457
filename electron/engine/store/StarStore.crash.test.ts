import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAndKill } from '../testing/killChild';
import { StarStore } from './StarStore';
import { parseStarsFile } from './starFile';

const child = join(import.meta.dirname, 'crashChild.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
      const report = await runAndKill(child, [dataDir, String(seed)], 1 + ((i * 7) % 25), (i * 3) % 11);
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
