// Answers one IPC request: checks who sent it, checks its arguments, then lets the host answer it
// (dialogs, the system browser, capabilities) or forwards it to the library engine. Whatever fails
// goes back as a plain Error carrying only a message a person can act on.

import type { RequestArgs, RequestMethod, RequestResult } from '../../shared/contract';
import { validateRequest } from '../../shared/validateRequest';
import type { EngineMethod, LibraryService } from '../engine/library/LibraryService';

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
