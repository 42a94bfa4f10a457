// Builds the window's request methods from one generic `send` (the model is VS Code's
// ProxyChannel): the preload sends over IPC, the browser bridge over HTTP, and neither names a
// method. A method added to the contract (and to REQUEST_METHODS) reaches both with no edit here.

import { type BroadsheetRequests, REQUEST_METHODS, type RequestMethod } from './contract';

type SendRequest = (method: RequestMethod, args: unknown[]) => Promise<unknown>;

export function createRequestProxy(send: SendRequest): BroadsheetRequests {
  const requests: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of REQUEST_METHODS) requests[method] = (...args: unknown[]) => send(method, args);
  return requests as unknown as BroadsheetRequests;
}
