// Answers one request from the window, for both hosts (the Electron main process over IPC, the
// dev-web bridge over HTTP): checks who sent it, checks its arguments, checks that any path in it
// is one the host accepts (the path guard), then lets the host answer it (HOST_METHODS: dialogs,
// the system browser, capabilities) or forwards it to the library engine. Whatever fails goes back
// as a plain Error (a ContractError for refused arguments) carrying only a message a person can act on.

import {
  type AddFoldersResult,
  type EngineMethod,
  type HostMethod,
  isHostMethod,
  type OpenFileResult,
  type RequestHandlers,
  type RequestMethod,
} from '../../shared/contract';
import type { ExportFormat, ExportRequest, ExportSummary } from '../../shared/types';
import { ContractError, validateRequest } from '../../shared/validateRequest';
import type { LibraryService } from '../engine/library/LibraryService';

/** What a host answers itself (see HOST_METHODS in shared/contract). */
export type HostRequests = RequestHandlers<HostMethod>;

/** Which paths the page may pass to openFile and addFolders (electron/main/pathGrants in the app). */
export interface PathGuard {
  /** null: forward the request; otherwise the answer to give the page instead. */
  openFile(path: string): Promise<OpenFileResult | null>;
  /** Splits the paths into those to forward and those refused (with reasons). */
  addFolders(
    paths: readonly string[],
  ): Promise<{ allowed: string[]; rejected: AddFoldersResult['rejected'] }>;
}

interface RequestRouterDeps<E> {
  /** The engine; read lazily because it may be restarted. */
  service: () => Pick<LibraryService, 'call'>;
  host: HostRequests;
  isTrustedSender: (event: E) => boolean;
  /** Refuses openFile/addFolders paths the host does not accept. */
  paths: PathGuard;
  /** Where refused senders and unexpected failures are reported (stderr in the app). */
  log?: (message: string) => void;
  /**
   * Asks the user where an export goes (the app's save dialog): the path, or null when they
   * cancelled. Absent (the browser build), the engine writes under the user-data folder. The page
   * never names the destination itself (validateRequest refuses it).
   */
  exportDestination?: (format: ExportFormat) => Promise<string | null>;
}

/** `method` may be anything the sender wrote (a URL path in the bridge): validateRequest checks it. */
export type RequestRouter<E> = (method: string, event: E, args: unknown) => Promise<unknown>;

export function createRequestRouter<E>(deps: RequestRouterDeps<E>): RequestRouter<E> {
  return async (method, event, args) => {
    if (!deps.isTrustedSender(event)) {
      deps.log?.(`Refused ${method.slice(0, 40)} request from an untrusted frame.`);
      throw new Error(
        `${method.slice(0, 40)}: refused, the request did not come from the Broadsheet window.`,
      );
    }
    try {
      const checked = validateRequest(method as RequestMethod, args) as unknown[];
      if (isHostMethod(method)) {
        const handler = deps.host[method] as (...a: unknown[]) => Promise<unknown>;
        return await handler(...checked);
      }
      const service = deps.service();
      const call = (m: EngineMethod, ...a: unknown[]) =>
        (service.call as (m: EngineMethod, ...a: unknown[]) => Promise<unknown>).call(service, m, ...a);
      if (method === 'openFile') {
        const refused = await deps.paths.openFile(checked[0] as string);
        if (refused) return refused;
      }
      if (method === 'addFolders') {
        const { allowed, rejected } = await deps.paths.addFolders(checked[0] as string[]);
        if (allowed.length === 0) return { added: [], rejected } satisfies AddFoldersResult;
        const result = (await call(method, allowed)) as AddFoldersResult;
        return {
          added: result.added,
          rejected: [...rejected, ...result.rejected],
        } satisfies AddFoldersResult;
      }
      if (method === 'exportArticles' && deps.exportDestination) {
        const request = checked[0] as ExportRequest;
        const destination = await deps.exportDestination(request.format);
        if (destination === null) return cancelledExport(request.format);
        return await call(method, { ...request, destination });
      }
      return await call(method as EngineMethod, ...checked);
    } catch (error) {
      throw cleanError(method, error, deps.log);
    }
  };
}

function cancelledExport(format: ExportFormat): ExportSummary {
  return {
    format,
    destination: '',
    total: 0,
    exported: 0,
    failed: [],
    failedCount: 0,
    imagesSaved: 0,
    imagesNotSaved: [],
    imagesNotSavedCount: 0,
    cancelled: true,
    bytesWritten: 0,
    elapsedMs: 0,
  };
}

/**
 * A fresh Error with the message only: no stack, no cause, no engine internals cross to the page.
 * A refused argument stays a ContractError, so the bridge can answer it with 400.
 */
export function cleanError(method: string, error: unknown, log?: (message: string) => void): Error {
  if (error instanceof ContractError) return new ContractError(error.message);
  if (error instanceof Error && error.message) return new Error(error.message);
  log?.(`${method.slice(0, 40)} failed with a non-Error value: ${String(error).slice(0, 200)}`);
  return new Error(
    `${method.slice(0, 40)} failed unexpectedly. Try again; if it keeps failing, restart Broadsheet.`,
  );
}
