// The engine as the window sees it, minus what only a window host can do (dialogs, the system
// browser). The Electron main process and the dev-web bridge both forward validated requests here.

import type { LibraryEvent, RequestArgs, RequestMethod, RequestResult } from '../../../shared/contract';

/** Requests answered by the engine; the host answers the rest itself. */
export type EngineMethod = Exclude<RequestMethod, 'pickFolders' | 'openExternal' | 'getCapabilities'>;

export interface LibraryService {
  call<M extends EngineMethod>(method: M, ...args: RequestArgs<M>): Promise<RequestResult<M>>;
  onEvent(listener: (event: LibraryEvent) => void): () => void;
  close(): Promise<void>;
}

export interface LibraryServiceOptions {
  /** Where stars, settings and the cache live (Electron's userData, or --data-dir). */
  dataDir: string;
  /** Folders to open when the settings hold none yet (first run: the bundled sample archive). */
  defaultRoots?: string[];
}
