import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../testIO';
import { watch } from './watch';

let scratch: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'broadsheet-cli-watch-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Resolves once the captured output has a line for which `test` holds. */
async function lineMatching(output: () => string, test: (line: string) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = output().split('\n').find(test);
    if (line !== undefined) return line;
    if (Date.now() > deadline) throw new Error(`No matching line within ${timeoutMs} ms in:\n${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('broadsheet watch', () => {
  it('prints one JSON line per change until stopped', async () => {
    const root = join(scratch, 'news');
    await mkdir(root);
    const stop = new AbortController();
    const io = { ...captureIO(scratch), signal: stop.signal };
    const running = watch(['news', '--json'], io);
    await lineMatching(io.stdout, (l) => l.includes('"ready"'));

    const file = join(root, 'story.md');
    await writeFile(file, '# Story\n');
    const line = await lineMatching(io.stdout, (l) => l.includes('story.md'));
    expect(JSON.parse(line)).toEqual({ type: 'added', path: file, root });
    await writeFile(join(root, 'notes.pdf'), 'not an article');
    await rm(file);
    await lineMatching(io.stdout, (l) => l.includes('"removed"'));

    stop.abort();
    expect(await running).toBe(0);
    const lines = io
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { type: 'ready', root },
      { type: 'added', path: file, root },
      { type: 'removed', path: file, root },
    ]);
  });

  it('prints readable lines with paths relative to the folder', async () => {
    const root = join(scratch, 'news');
    await mkdir(join(root, '2024'), { recursive: true });
    const stop = new AbortController();
    const io = { ...captureIO(scratch), signal: stop.signal };
    const running = watch([root], io);
    await lineMatching(io.stderr, (l) => l.startsWith('Watching'));
    await writeFile(join(root, '2024', 'story.md'), '# Story\n');
    expect(await lineMatching(io.stdout, (l) => l.includes('story.md'))).toBe('added    2024/story.md');
    stop.abort();
    expect(await running).toBe(0);
  });

  it('prints what the watcher finds wrong (a name that is not UTF-8), with the terminal kept clean', async () => {
    const root = join(scratch, 'news');
    await mkdir(root);
    const stop = new AbortController();
    const io = { ...captureIO(scratch), signal: stop.signal };
    const running = watch([root], io);
    await lineMatching(io.stderr, (l) => l.startsWith('Watching'));
    const bad = Buffer.concat([
      Buffer.from(`${root}/bad-\u001b[31m-`),
      Buffer.from([0xff]),
      Buffer.from('.md'),
    ]);
    await writeFile(bad, '# x\n');
    const line = await lineMatching(io.stdout, (l) => l.startsWith('problem'));
    expect(line).toContain('bad-');
    expect(line).not.toContain('\u001b');
    expect(io.stdout()).not.toContain('added');
    stop.abort();
    expect(await running).toBe(0);
  });

  it('fails with a message when the folder does not exist', async () => {
    const io = captureIO(scratch);
    expect(await watch(['nowhere'], io)).toBe(1);
    expect(io.stderr()).toContain(`${join(scratch, 'nowhere')} is not a folder`);
  });
});
