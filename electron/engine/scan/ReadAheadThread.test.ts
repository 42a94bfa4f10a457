import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ReadAheadThread } from './ReadAheadThread';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-readahead-thread-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const scanWorker = {
  filename: fileURLToPath(new URL('./scanWorker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
};
const paths = Array.from({ length: 64 }, (_, i) => {
  const path = join(base, `${i}.md`);
  writeFileSync(path, `---\ntitle: ${i}\n---\n\ntext\n`);
  return path;
});
const waitLong = { timeout: 20_000, interval: 20 };

describe('ReadAheadThread', () => {
  it('reads what it is sent while the disk is slower than the threshold', async () => {
    const thread = new ReadAheadThread(scanWorker, { warmMicrosPerFile: 0 });
    for (let i = 0; i < 4; i++) thread.read(paths);
    await vi.waitFor(() => expect(thread.filesRead).toBe(256), waitLong);
    expect(thread.state).toBe('reading');
    await thread.close();
    expect(thread.state).toBe('closed');
  });

  it('stops itself once the files come from memory', async () => {
    const thread = new ReadAheadThread(scanWorker, { warmMicrosPerFile: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 5; i++) thread.read(paths);
    await vi.waitFor(() => expect(thread.state).toBe('stopped: files already in memory'), waitLong);
    expect(thread.filesRead).toBe(192); // three batches decide it
    thread.read(paths); // ignored once stopped
    await thread.close();
    expect(thread.state).toBe('stopped: files already in memory');
  });

  it('ends quietly when its worker cannot run', async () => {
    const thread = new ReadAheadThread({ filename: join(base, 'no-such-worker.js'), execArgv: [] });
    await vi.waitFor(() => expect(thread.state).toBe('stopped: failed'), waitLong);
    thread.read(paths);
    await thread.close();
  });
});
