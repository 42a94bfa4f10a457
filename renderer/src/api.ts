import type { BroadsheetApi } from '../../shared/contract';

class ApiMissingError extends Error {
  override name = 'ApiMissingError';
  constructor() {
    super(
      'window.broadsheet is missing: the page was opened without the Electron preload or the dev-web bridge client.',
    );
  }
}

/** The one way the UI reaches the library. Throws ApiMissingError when no host installed it. */
export function getApi(): BroadsheetApi {
  const api = (window as Partial<Window>).broadsheet;
  if (!api || typeof api.getSnapshot !== 'function') throw new ApiMissingError();
  return api;
}

/** A rejected API promise as one readable line for a toast. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'unknown error';
}
