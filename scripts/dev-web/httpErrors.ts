// One error type for every refusal the bridge makes, so the request handler can answer each with
// the right status and a message the page can show, and never with a stack trace.

import { ContractError } from '../../shared/validateRequest';

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Status and message for anything thrown while answering a request. */
export function describeError(error: unknown): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  if (error instanceof ContractError) return { status: 400, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, message: message || 'Internal error' };
}
