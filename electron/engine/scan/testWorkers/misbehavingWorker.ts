// A scan worker that breaks on purpose, for the pool's recovery tests: on a file whose name contains
// `crash` it exits, `throw` throws out of the message handler, `hang` never returns.

import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseChunk } from '../parseChunk';
import type { ChunkRequest, ScanWorkerConfig } from '../scanProtocol';

const port = parentPort!;
port.on('message', (request: ChunkRequest) => {
  for (const job of request.jobs) {
    const name = basename(job.path);
    if (name.includes('crash')) process.exit(7);
    if (name.includes('throw')) throw new Error(`refusing ${job.path}`);
    if (name.includes('hang'))
      while (true) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  port.postMessage(parseChunk(request, workerData as ScanWorkerConfig));
});
port.postMessage({ type: 'ready' });
