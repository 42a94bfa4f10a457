import type { EngineMethod, LibraryEvent } from '../../../shared/contract';

export type ToLibraryWorker =
  | { kind: 'call'; id: number; method: EngineMethod; args: unknown[] }
  | { kind: 'close' };

export type FromLibraryWorker =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; message: string }
  | { kind: 'event'; event: LibraryEvent }
  | { kind: 'closed' };
