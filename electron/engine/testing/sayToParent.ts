// How a test's child process (a crash or resume child, killed at a random instant) reports each step
// to its parent: one line on stdout, written synchronously so it is out before the next step starts.
// Its stdout is a pipe the parent may be slow to drain on a loaded machine; a full non-blocking pipe
// answers EAGAIN, so the write waits a millisecond and goes on (it must never end the child).

import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export function sayToParent(line: string): void {
  let rest = Buffer.from(`${line}\n`, 'utf8');
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(1, rest));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
