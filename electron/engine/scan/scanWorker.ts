// Worker thread of the scan pool: parses the chunks of paths it is sent, one at a time, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { parseChunk } from './parseChunk';
import type { ChunkRequest, ScanWorkerConfig, WorkerReady } from './scanProtocol';

const config = workerData as ScanWorkerConfig;
const port = parentPort;
if (!port) throw new Error('scanWorker.ts runs as a worker thread of the scan pool, not on its own.');
port.on('message', (request: ChunkRequest) => {
  port.postMessage(parseChunk(request, config));
});
port.postMessage({ type: 'ready' } satisfies WorkerReady);
