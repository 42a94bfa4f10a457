// Library events to the page as Server-Sent Events. EventSource reconnects by itself; the comment
// lines keep idle connections from being closed by anything in between and let the server notice a
// page that went away.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LibraryEvent } from '../../shared/contract';

export const DEFAULT_HEARTBEAT_MS = 15_000;

type Subscribe = (listener: (event: LibraryEvent) => void) => () => void;

/** One `data:` frame. JSON never contains a raw newline, so one line is always enough. */
export function formatEvent(event: LibraryEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

export function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  subscribe: Subscribe,
  headers: Record<string, string>,
  heartbeatMs: number = DEFAULT_HEARTBEAT_MS,
): void {
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = subscribe((event) => {
    if (!res.writableEnded) res.write(formatEvent(event));
  });
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': heartbeat\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
