import type { EngineMethod, LibraryEvent } from '../../../shared/contract';
import type { ImageRequest } from '../../../shared/imageRoutes';
import type { ImageHttpResponse } from '../images/imageResponse';

export type ToLibraryWorker =
  | { kind: 'call'; id: number; method: EngineMethod; args: unknown[] }
  | { kind: 'image'; id: number; request: ImageRequest; why: boolean }
  | { kind: 'close' };

export type FromLibraryWorker =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; message: string }
  | { kind: 'image'; id: number; response: ImageHttpResponse }
  | { kind: 'event'; event: LibraryEvent }
  | { kind: 'closed' };
