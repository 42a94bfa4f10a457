// A LibraryService whose Library lives in a worker thread (the Electron main process uses this).

import { EventEmitter } from 'node:events';
import type { EngineMethod, LibraryEvent, RequestArgs, RequestResult } from '../../../shared/contract';
import type { ImageRequest } from '../../../shared/imageRoutes';
import { startWorker } from '../common/startWorker';
import type { ImageHttpResponse } from '../images/imageResponse';
import { resolveWorkerScript } from '../workerScript';
import type { LibraryOptions } from './Library';
import type { LibraryService } from './LibraryService';
import type { FromLibraryWorker, ToLibraryWorker } from './libraryWorkerProtocol';

export function startLibraryWorker(options: LibraryOptions): LibraryService {
  const script = resolveWorkerScript(import.meta.url, 'libraryWorker.ts', 'libraryWorker');
  const worker = startWorker(script, { workerData: options });
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  let closing: Promise<void> | null = null;

  const failAll = (error: Error) => {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  worker.on('message', (message: FromLibraryWorker) => {
    switch (message.kind) {
      case 'event':
        events.emit('event', message.event);
        break;
      case 'result': {
        const p = pending.get(message.id);
        if (!p) break;
        pending.delete(message.id);
        if (message.ok) p.resolve(message.value);
        else p.reject(new Error(message.message));
        break;
      }
      case 'image': {
        const p = pending.get(message.id);
        if (!p) break;
        pending.delete(message.id);
        p.resolve(message.response);
        break;
      }
      case 'failed':
        failAll(new Error(`The library could not be opened: ${message.message}`));
        break;
      default:
        break;
    }
  });
  worker.on('error', (error) => failAll(new Error(`The library engine stopped: ${error.message}`)));
  worker.on('exit', (code) => {
    if (!closing) failAll(new Error(`The library engine exited unexpectedly (code ${code}).`));
  });

  return {
    call<M extends EngineMethod>(method: M, ...args: RequestArgs<M>): Promise<RequestResult<M>> {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const message: ToLibraryWorker = { kind: 'call', id, method, args };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage(message);
      });
    },
    serveImage(request: ImageRequest, why: boolean): Promise<ImageHttpResponse> {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const message: ToLibraryWorker = { kind: 'image', id, request, why };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage(message);
      });
    },
    onEvent(listener: (event: LibraryEvent) => void): () => void {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once('exit', done);
        worker.on('message', (m: FromLibraryWorker) => {
          if (m.kind === 'closed') void worker.terminate();
        });
        worker.postMessage({ kind: 'close' } satisfies ToLibraryWorker);
        setTimeout(() => void worker.terminate(), 5000).unref();
      });
      return closing;
    },
  };
}
