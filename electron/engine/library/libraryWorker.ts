// Runs the Library inside a worker thread so the Electron main thread never waits on the engine.

import { parentPort, workerData } from 'node:worker_threads';
import { Library, type LibraryOptions } from './Library';
import type { FromLibraryWorker, ToLibraryWorker } from './libraryWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('libraryWorker must run in a worker thread');

function send(message: FromLibraryWorker): void {
  port?.postMessage(message);
}

const opening = Library.open(workerData as LibraryOptions);
opening.then(
  (library) => {
    library.onEvent((event) => send({ kind: 'event', event }));
    send({ kind: 'ready' });
  },
  (error: Error) => send({ kind: 'failed', message: error.message }),
);

port.on('message', async (message: ToLibraryWorker) => {
  const library = await opening.catch(() => null);
  if (message.kind === 'close') {
    await library?.close();
    send({ kind: 'closed' });
    return;
  }
  if (!library) {
    send({ kind: 'result', id: message.id, ok: false, message: 'The library could not be opened.' });
    return;
  }
  if (message.kind === 'image') {
    try {
      const response = await library.serveImage(message.request, message.why);
      // The picture's bytes move to the main thread instead of being copied.
      const body = response.body.slice();
      port?.postMessage(
        { kind: 'image', id: message.id, response: { ...response, body } } satisfies FromLibraryWorker,
        [body.buffer as ArrayBuffer],
      );
    } catch (error) {
      send({ kind: 'result', id: message.id, ok: false, message: (error as Error).message });
    }
    return;
  }
  try {
    // The main process validated these arguments (validateRequest) before posting them here.
    const call = library.call.bind(library) as (method: string, ...args: unknown[]) => Promise<unknown>;
    const value = await call(message.method, ...message.args);
    send({ kind: 'result', id: message.id, ok: true, value });
  } catch (error) {
    send({ kind: 'result', id: message.id, ok: false, message: (error as Error).message });
  }
});
