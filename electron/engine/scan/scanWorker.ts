// Worker thread of the scan pool: parses the chunks of paths it is sent, one at a time, in order.
// Started with `role: 'read-ahead'` it only reads files ahead of the parse workers (see readAhead.ts):
// one script for both keeps the builds and the packaged app to one worker bundle.

import { parentPort, workerData } from 'node:worker_threads';
import { parseChunk } from './parseChunk';
import { READ_AHEAD_BUFFER_BYTES, readAhead } from './readAhead';
import type {
  ChunkRequest,
  ReadAheadDone,
  ReadAheadRequest,
  ReadAheadWorkerData,
  ScanWorkerConfig,
  WorkerReady,
} from './scanProtocol';

const data = workerData as ScanWorkerConfig | ReadAheadWorkerData;
const port = parentPort;
if (!port) throw new Error('scanWorker.ts runs as a worker thread of the scan pool, not on its own.');
if ('role' in data && data.role === 'read-ahead') {
  const scratch = new Uint8Array(READ_AHEAD_BUFFER_BYTES);
  port.on('message', (request: ReadAheadRequest) => {
    const started = performance.now();
    readAhead(request.paths, scratch);
    const done: ReadAheadDone = {
      type: 'read',
      files: request.paths.length,
      ms: performance.now() - started,
    };
    port.postMessage(done);
  });
} else {
  const config = data as ScanWorkerConfig;
  port.on('message', (request: ChunkRequest) => {
    port.postMessage(parseChunk(request, config));
  });
}
port.postMessage({ type: 'ready' } satisfies WorkerReady);
