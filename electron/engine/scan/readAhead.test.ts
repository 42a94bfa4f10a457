import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageCacheLooksWarm, READ_AHEAD_BUFFER_BYTES, readAhead } from './readAhead';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-readahead-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));

// Bytes this thread has read through read(2): the only outside evidence that the files were read.
const IO_FILE = '/proc/thread-self/io';
function bytesReadByThisThread(): number {
  const match = /^rchar: (\d+)$/m.exec(readFileSync(IO_FILE, 'utf8'));
  return Number(match?.[1] ?? Number.NaN);
}

describe('readAhead', () => {
  it.skipIf(!existsSync(IO_FILE))('reads every byte of each file, in pieces larger than its buffer', () => {
    const big = join(base, 'big.md');
    writeFileSync(big, Buffer.alloc(700_000, 0x61));
    const small = join(base, 'small.md');
    writeFileSync(small, 'x'.repeat(1000));
    const scratch = new Uint8Array(READ_AHEAD_BUFFER_BYTES);
    const before = bytesReadByThisThread();
    readAhead([big, small], scratch);
    const read = bytesReadByThisThread() - before;
    // rchar also counts this test's own read of the /proc file (a few hundred bytes)
    expect(read).toBeGreaterThanOrEqual(701_000);
    expect(read).toBeLessThan(701_000 + 4096);
  });

  it.skipIf(process.platform === 'win32')(
    'skips what the parse worker would refuse, without blocking or throwing',
    () => {
      const fifo = join(base, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      const folder = join(base, 'folder.md');
      mkdirSync(folder);
      // a FIFO would block a plain open forever and fail this test by its timeout
      expect(() => readAhead([fifo, folder, join(base, 'missing.md')], new Uint8Array(1024))).not.toThrow();
    },
  );
});

describe('pageCacheLooksWarm', () => {
  const fast = { files: 64, ms: 0.5 }; // ~8 µs per file
  const slow = { files: 64, ms: 5 }; // ~78 µs per file

  it('needs the last few batches all read from memory', () => {
    expect(pageCacheLooksWarm([fast, fast, fast], 25)).toBe(true);
    expect(pageCacheLooksWarm([slow, fast, fast, fast], 25)).toBe(true);
    expect(pageCacheLooksWarm([fast, fast, slow], 25)).toBe(false);
    expect(pageCacheLooksWarm([fast, slow, fast], 25)).toBe(false);
  });

  it('does not decide on too few batches or on empty ones', () => {
    expect(pageCacheLooksWarm([fast, fast], 25)).toBe(false);
    expect(pageCacheLooksWarm([{ files: 0, ms: 0 }, fast, fast], 25)).toBe(false);
  });
});
