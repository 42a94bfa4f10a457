import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectEveryKillLeavesAState } from '../testing/killChild';
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
    await expectEveryKillLeavesAState(child, dataDir, 1000, fileState);
    // The next open tidies the temp files the killed writers left behind.
    const store = await StarStore.open(dataDir);
    expect(store.warnings).toEqual([]);
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});
