// `broadsheet scan` over the hostile archive: it finishes, exits 0, prints every problem, its JSON is
// valid, and no terminal control sequence from a title, author, message or file name reaches stdout.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHostileArchive, type HostileManifest } from '../engine/testing/hostileArchive';
import { field } from './cleanOutput';
import { runCli } from './run';
import { captureIO } from './testIO';

// C0 controls other than the line feed, DEL, and C1 controls (0x9b is a one-byte CSI).
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let base: string;
let manifest: HostileManifest;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'bs-cli-hostile-'));
  manifest = await buildHostileArchive(base);
}, 60_000);
afterAll(() => rm(base, { recursive: true, force: true }));

async function scan(args: string[]) {
  const io = captureIO(base);
  const code = await runCli(['scan', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const expectedProblems = () =>
  manifest.files.filter(
    (f) => 'problem' in f.expect || ('listed' in f.expect && (f.expect.degradedCodes?.length ?? 0) > 0),
  );

describe('broadsheet scan over the hostile archive', () => {
  it('exits 0, prints every problem, and no control sequence reaches the terminal', async () => {
    const { code, out, err } = await scan([manifest.root]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const bad = out.split('\n').filter((line) => CONTROL.test(line));
    expect(bad.map((line) => JSON.stringify(line).slice(0, 120))).toEqual([]);
    // Titles with escapes are still shown, as harmless text.
    expect(out).toContain('ALERT');
    expect(out).toContain('A file name with terminal escapes');
    for (const file of expectedProblems()) {
      expect(out, file.path).toContain(field(join(manifest.root, file.path)));
    }
    const summary = /\n(\d+) articles, (\d+) problems in 1 folder/.exec(out);
    const listed = manifest.files.filter((f) => 'listed' in f.expect).length;
    expect(Number(summary?.[1])).toBe(listed);
    expect(Number(summary?.[2])).toBeGreaterThanOrEqual(expectedProblems().length);
    expect(await readdir(manifest.markerDir)).toEqual([]);
  }, 120_000);

  it('prints valid JSON with every problem, escapes kept as JSON escapes', async () => {
    const { code, out } = await scan([manifest.root, '--json']);
    expect(code).toBe(0);
    expect(out.split('\n').filter((line) => CONTROL.test(line))).toEqual([]);
    const doc = JSON.parse(out) as {
      articles: { path: string; title: string }[];
      problems: { path: string; code: string; message: string }[];
    };
    const problemPaths = new Set(doc.problems.map((p) => p.path));
    for (const file of expectedProblems()) {
      expect(problemPaths.has(join(manifest.root, file.path)), file.path).toBe(true);
    }
    for (const file of manifest.files) {
      if ('problem' in file.expect) {
        const codes = doc.problems
          .filter((p) => p.path === join(manifest.root, file.path))
          .map((p) => p.code);
        expect(codes, file.path).toContain(file.expect.problem);
      }
    }
    // JSON keeps the title exactly (the consumer decides how to show it) but encoded, never raw.
    expect(doc.articles.some((a) => a.title.includes('\u001b[31mALERT'))).toBe(true);
    expect(doc.articles.some((a) => a.path.startsWith(manifest.outsideDir))).toBe(false);
  }, 120_000);
});
