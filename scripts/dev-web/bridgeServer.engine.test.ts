// The bridge in front of the real engine: what the page sees over HTTP is what the library holds,
// and a change made through the API comes back on the event stream.

import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Library } from '../../electron/engine/library/Library';
import { openLibrary } from '../../electron/engine/library/openLibrary';
import { copySeeds, SEED_NAMES } from '../../electron/engine/testing/seeds';
import type { LibraryEvent, LibrarySnapshot } from '../../shared/contract';
import type { SearchResult, StarredEntry } from '../../shared/types';
import { type BridgeServer, startBridgeServer } from './bridgeServer';

let dir: string;
let library: Library;
let server: BridgeServer;

async function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Broadsheet-Token': server.token },
    body: JSON.stringify({ args }),
  });
  const body = (await response.json()) as { result?: T; error?: string };
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${body.error}`);
  return body.result as T;
}

/** Collects events from the SSE stream until `done` says enough. */
function collectEvents(done: (events: LibraryEvent[]) => boolean): {
  ready: Promise<void>;
  events: Promise<LibraryEvent[]>;
} {
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const events = new Promise<LibraryEvent[]>((resolve, reject) => {
    const seen: LibraryEvent[] = [];
    const req = request(
      { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` },
      (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes(': connected')) markReady();
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith('data: ')) seen.push(JSON.parse(frame.slice(6)) as LibraryEvent);
            end = buffer.indexOf('\n\n');
          }
          if (done(seen)) {
            req.destroy();
            resolve(seen);
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
  return { ready, events };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-bridge-engine-'));
  await cp(join(import.meta.dirname, 'fixtures', 'archive'), join(dir, 'archive'), { recursive: true });
  copySeeds(join(dir, 'archive'), [SEED_NAMES[0]]);
  await mkdir(join(dir, 'web'));
  await writeFile(join(dir, 'web', 'index.html'), '<!doctype html><title>Broadsheet</title>');
  library = await openLibrary({ dataDir: join(dir, 'data'), roots: [join(dir, 'archive')], watch: false });
  await library.whenIdle();
  server = await startBridgeServer({
    service: library,
    staticDir: join(dir, 'web'),
    contentSecurityPolicy: "default-src 'self'",
  });
});

afterAll(async () => {
  await server?.close();
  await library?.close();
  await rm(dir, { recursive: true, force: true });
});

it('lists the archive, newest first', async () => {
  const snapshot = await call<LibrarySnapshot>('getSnapshot');
  expect(snapshot.articles.map((a) => a.title)).toEqual(['王毅会见俄罗斯外长拉夫罗夫', 'Against SQL']);
});

it('searches Chinese through the bridge', async () => {
  const result = await call<SearchResult>('search', { text: '拉夫罗夫' });
  expect(result.total).toBe(1);
  expect(result.matches[0]!.title).toBe('王毅会见俄罗斯外长拉夫罗夫');
});

it('stars an article and reports the change on the event stream', async () => {
  const snapshot = await call<LibrarySnapshot>('getSnapshot');
  const target = snapshot.articles[1]!;
  const stream = collectEvents((events) => events.some((e) => e.type === 'stars'));
  await stream.ready;
  const starred = await call<StarredEntry[]>('setStarred', target.id, true);
  expect(starred.map((s) => s.id)).toEqual([target.id]);
  const events = await stream.events;
  const starsEvent = events.find((e) => e.type === 'stars');
  expect(starsEvent).toMatchObject({ type: 'stars', starred: [{ id: target.id, title: target.title }] });
});

it('refuses to open a file outside the library', async () => {
  const outcome = await call<{ ok: boolean; reason?: string }>('openFile', '/etc/passwd');
  expect(outcome.ok).toBe(false);
});
