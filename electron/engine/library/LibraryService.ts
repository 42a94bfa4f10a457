// The engine as the window sees it, minus what only a window host can do (dialogs, the system
// browser). The Electron main process and the dev-web bridge both forward validated requests here.

import type {
  EngineMethod,
  LibraryEvent,
  RequestArgs,
  RequestHandlers,
  RequestResult,
} from '../../../shared/contract';
import type { ImageRequest } from '../../../shared/imageRoutes';
import type { ImageHttpResponse } from '../images/imageResponse';

/**
 * The engine's request table: one handler per engine method of the contract. A method added to
 * `BroadsheetRequests` (and not to HOST_METHODS) without a handler here fails the typecheck
 * (engineRequests.typecheck.ts proves it).
 */
export type EngineRequests = RequestHandlers<EngineMethod>;

export interface LibraryService {
  call<M extends EngineMethod>(method: M, ...args: RequestArgs<M>): Promise<RequestResult<M>>;
  onEvent(listener: (event: LibraryEvent) => void): () => void;
  /**
   * A picture route of the window (shared/imageRoutes.ts), answered as an HTTP response. Not a page
   * request: only the app protocol handler and the bridge call it.
   */
  serveImage(request: ImageRequest, why: boolean): Promise<ImageHttpResponse>;
  close(): Promise<void>;
}

export interface LibraryServiceOptions {
  /** Where stars, settings and the library database live (Electron's userData, or --data-dir). */
  dataDir: string;
  /** Folders to open when the settings hold none yet (first run: the bundled sample archive). */
  defaultRoots?: string[];
}

export interface LibraryOptions extends LibraryServiceOptions {
  /**
   * Folders to open instead of the saved ones (CLI, `--library`). When given, the saved list of
   * roots is left as it is unless `persistRoots` is true.
   */
  roots?: string[];
  persistRoots?: boolean;
  /** Follow the folders for changes (the app); the CLI's one-shot commands turn it off. */
  watch?: boolean;
  /**
   * Where the library database lives: `disk` (the default), `library.db` in the data folder, kept
   * between sessions; `memory`: gone at close, so every open parses every file (tests).
   */
  database?: 'disk' | 'memory';
}
