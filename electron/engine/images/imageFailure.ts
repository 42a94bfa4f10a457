// Why an image could not be shown. The reading pane turns the reason into its compact line.
// (The reasons themselves are listed in shared/imageRoutes.ts, which the page reads too.)

import type { ImageFailureReason } from '../../../shared/imageRoutes';

export type { ImageFailureReason };

export interface ImageFailure {
  reason: ImageFailureReason;
  /** One sentence for logs and the line's tooltip: what happened, with the address or status. */
  detail: string;
}

export class ImageFetchError extends Error implements ImageFailure {
  override name = 'ImageFetchError';
  constructor(
    readonly reason: ImageFailureReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

/** A network error from Node as a failure reason. */
export function failureFromNetworkError(error: unknown, url: string): ImageFailure {
  if (error instanceof ImageFetchError) return { reason: error.reason, detail: error.detail };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code && OFFLINE_CODES.has(code)) {
    return { reason: 'offline', detail: `Could not reach ${hostOf(url)} (${code}).` };
  }
  return { reason: 'offline', detail: `Could not fetch ${hostOf(url)}: ${message.slice(0, 200)}` };
}

export function failureFromStatus(status: number, url: string): ImageFailure {
  if (status === 404 || status === 410) {
    return { reason: 'not-found', detail: `${hostOf(url)} has no such image (HTTP ${status}).` };
  }
  return { reason: 'refused', detail: `${hostOf(url)} refused the image (HTTP ${status}).` };
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 80);
  } catch {
    return url.slice(0, 80);
  }
}
