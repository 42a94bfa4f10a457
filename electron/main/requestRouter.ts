// Answers one IPC request: checks who sent it, checks its arguments, checks that any path in it is
// one the user gave (pathGrants), then lets the host answer it (dialogs, the system browser,
// capabilities) or forwards it to the library engine. Whatever fails goes back as a plain Error
// carrying only a message a person can act on.

import type { AddFoldersResult, RequestArgs, RequestMethod, RequestResult } from '../../shared/contract';
import { validateRequest } from '../../shared/validateRequest';
import type { EngineMethod, LibraryService } from '../engine/library/LibraryService';
import type { PathGuard } from './pathGrants';

export type HostMethod = Exclude<RequestMethod, EngineMethod>;

export type HostRequests = {
  [M in HostMethod]: (...args: RequestArgs<M>) => Promise<RequestResult<M>>;
};

const HOST_METHODS: ReadonlySet<string> = new Set<HostMethod>([
  'getCapabilities',
  'pickFolders',
  'openExternal',
]);

export function isHostMethod(method: RequestMethod): method is HostMethod {
  return HOST_METHODS.has(method);
}

export interface RequestRouterDeps<E> {
  /** The engine; read lazily because it may be restarted. */
  service: () => Pick<LibraryService, 'call'>;
  host: HostRequests;
  isTrustedSender: (event: E) => boolean;
  /** Refuses openFile/addFolders paths the user did not give (see pathGrants). */
  paths: PathGuard;
  /** Where refused senders and unexpected failures are reported (stderr in the app). */
  log?: (message: string) => void;
}

export type RequestRouter<E> = (method: RequestMethod, event: E, args: unknown[]) => Promise<unknown>;

export function createRequestRouter<E>(deps: RequestRouterDeps<E>): RequestRouter<E> {
  return async (method, event, args) => {
    if (!deps.isTrustedSender(event)) {
      deps.log?.(`Refused ${method} request from an untrusted frame.`);
      throw new Error(`${method}: refused, the request did not come from the Broadsheet window.`);
    }
    try {
      const checked = validateRequest(method, args) as unknown[];
      if (isHostMethod(method)) {
        const handler = deps.host[method] as (...a: unknown[]) => Promise<unknown>;
        return await handler(...checked);
      }
      const call = deps.service().call as (m: EngineMethod, ...a: unknown[]) => Promise<unknown>;
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
      return await call(method, ...checked);
    } catch (error) {
      throw cleanError(method, error, deps.log);
    }
  };
}

/** A fresh Error with the message only: no stack, no cause, no engine internals cross to the page. */
export function cleanError(method: string, error: unknown, log?: (message: string) => void): Error {
  if (error instanceof Error && error.message) return new Error(error.message);
  log?.(`${method} failed with a non-Error value: ${String(error).slice(0, 200)}`);
  return new Error(`${method} failed unexpectedly. Try again; if it keeps failing, restart Broadsheet.`);
}
