// BroadsheetApi for a plain browser: each request is a POST to the dev-web bridge on the page's
// own origin (the methods come from the contract's list, through createRequestProxy), and library events arrive over one shared EventSource.

import { BRIDGE_TOKEN_HEADER } from '../../shared/bridgeProtocol';
import type { BroadsheetApi, LibraryEvent, RequestMethod } from '../../shared/contract';
import { createRequestProxy } from '../../shared/requestProxy';

export class BridgeRequestError extends Error {
  override name = 'BridgeRequestError';
  constructor(
    readonly method: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface EventSourceLike {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  close(): void;
}

interface WebBridgeOptions {
  token: string;
  /** Origin of the bridge; '' (the default) is the page's own. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
  /** Opens an approved external link; by default a new tab that cannot reach back to this page. */
  openWindow?: (url: string) => void;
}

function defaultOpenWindow(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

async function errorFromResponse(method: string, response: Response): Promise<BridgeRequestError> {
  let message = `${method} failed with HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // Not JSON (a proxy or a crashed server): the status line is all there is.
  }
  if (response.status === 403) {
    message += ' The dev-web server may have restarted: open the new address it printed.';
  }
  return new BridgeRequestError(method, response.status, message);
}

export function createWebBridgeClient(options: WebBridgeOptions): BroadsheetApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const openWindow = options.openWindow ?? defaultOpenWindow;

  async function request(method: RequestMethod, args: unknown[]): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [BRIDGE_TOKEN_HEADER]: options.token },
        body: JSON.stringify({ args }),
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      throw new BridgeRequestError(
        method,
        0,
        `The dev-web server did not answer ${method} (${(error as Error).message}): is "npm run dev:web" still running?`,
      );
    }
    if (!response.ok) throw await errorFromResponse(method, response);
    const body = (await response.json()) as { result?: unknown };
    return body.result;
  }

  const listeners = new Set<(event: LibraryEvent) => void>();
  let source: EventSourceLike | null = null;

  function openSource(): void {
    source = createEventSource(`${base}/api/events?token=${encodeURIComponent(options.token)}`);
    source.onmessage = (message) => {
      let event: LibraryEvent;
      try {
        event = JSON.parse(message.data) as LibraryEvent;
      } catch {
        console.error('Broadsheet: ignored an event that is not JSON', message.data.slice(0, 200));
        return;
      }
      for (const listener of [...listeners]) listener(event);
    };
  }

  const requests = createRequestProxy(request);
  return {
    ...requests,
    async openExternal(url) {
      // The bridge decides (it refuses anything but http, https and mailto); the browser opens it,
      // because the server may not be on the user's screen at all.
      await requests.openExternal(url);
      openWindow(url);
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) openSource();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    // A browser never reveals where a dropped file lives; the window falls back to text/uri-list.
    getPathForFile: () => '',
  };
}
