import { describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../shared/contract';
import { TOKEN_STORAGE_KEY, takeBridgeToken } from './bridgeToken';
import { BridgeRequestError, createWebBridgeClient } from './webBridgeClient';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(reply: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: String(input), init: init ?? {} };
    sent.push(request);
    return Promise.resolve(reply(request));
  };
  return { sent, fetch: fetchFn as typeof fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close(): void {
    this.closed = true;
  }
  deliver(data: string): void {
    this.onmessage?.({ data } as MessageEvent<string>);
  }
}

describe('createWebBridgeClient', () => {
  it('posts the arguments with the token header and returns the result', async () => {
    const { sent, fetch } = fakeFetch(() => json(200, { result: { id: 'a1' } }));
    const api = createWebBridgeClient({ token: 'tok', fetch });
    await expect(api.getArticle('a1')).resolves.toEqual({ id: 'a1' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/api/getArticle');
    expect(sent[0]!.init.method).toBe('POST');
    expect(sent[0]!.init.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Broadsheet-Token': 'tok',
    });
    expect(JSON.parse(sent[0]!.init.body as string)).toEqual({ args: ['a1'] });
  });

  it('passes every argument in order', async () => {
    const { sent, fetch } = fakeFetch(() => json(200, { result: [] }));
    const api = createWebBridgeClient({ token: 't', fetch, baseUrl: 'http://127.0.0.1:9' });
    await api.setStarred('x', true);
    expect(sent[0]!.url).toBe('http://127.0.0.1:9/api/setStarred');
    expect(JSON.parse(sent[0]!.init.body as string)).toEqual({ args: ['x', true] });
  });

  it('resolves void methods to undefined', async () => {
    const { fetch } = fakeFetch(() => json(200, {}));
    const api = createWebBridgeClient({ token: 't', fetch });
    await expect(api.removeFolder('/a')).resolves.toBeUndefined();
  });

  it("rejects with the server's message and status", async () => {
    const { fetch } = fakeFetch(() => json(400, { error: 'getArticle: id must not be empty' }));
    const api = createWebBridgeClient({ token: 't', fetch });
    const error = await api.getArticle('').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeRequestError);
    expect((error as BridgeRequestError).status).toBe(400);
    expect((error as Error).message).toBe('getArticle: id must not be empty');
  });

  it('tells the user what to do when the token is refused', async () => {
    const { fetch } = fakeFetch(() => json(403, { error: 'Wrong or missing token.' }));
    const api = createWebBridgeClient({ token: 'old', fetch });
    await expect(api.getSnapshot()).rejects.toThrow(/open the new address it printed/);
  });

  it('says the server is gone when the request cannot be sent', async () => {
    const api = createWebBridgeClient({
      token: 't',
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    await expect(api.getSettings()).rejects.toThrow(/did not answer getSettings .*npm run dev:web/);
  });

  it('opens an external link only after the bridge approved it', async () => {
    const opened: string[] = [];
    const approve = fakeFetch(() => json(200, {}));
    await createWebBridgeClient({
      token: 't',
      fetch: approve.fetch,
      openWindow: (u) => opened.push(u),
    }).openExternal('https://example.com/');
    expect(opened).toEqual(['https://example.com/']);
    const refuse = fakeFetch(() =>
      json(400, { error: 'openExternal: only http, https and mailto links open' }),
    );
    const api = createWebBridgeClient({ token: 't', fetch: refuse.fetch, openWindow: (u) => opened.push(u) });
    await expect(api.openExternal('javascript:alert(1)')).rejects.toThrow(/only http/);
    expect(opened).toEqual(['https://example.com/']);
  });

  it('shares one event stream among listeners and closes it after the last one leaves', () => {
    FakeEventSource.opened = [];
    const api = createWebBridgeClient({
      token: 'a b',
      fetch: fakeFetch(() => json(200, {})).fetch,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const first: LibraryEvent[] = [];
    const second: LibraryEvent[] = [];
    const offFirst = api.onEvent((e) => first.push(e));
    const offSecond = api.onEvent((e) => second.push(e));
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual(['/api/events?token=a%20b']);
    const event: LibraryEvent = { type: 'articles-removed', ids: ['1'] };
    FakeEventSource.opened[0]!.deliver(JSON.stringify(event));
    expect(first).toEqual([event]);
    expect(second).toEqual([event]);
    offFirst();
    expect(FakeEventSource.opened[0]!.closed).toBe(false);
    offSecond();
    expect(FakeEventSource.opened[0]!.closed).toBe(true);
    api.onEvent(() => {});
    expect(FakeEventSource.opened).toHaveLength(2);
  });

  it('knows no paths for dropped files', () => {
    const api = createWebBridgeClient({ token: 't', fetch: fakeFetch(() => json(200, {})).fetch });
    expect(api.getPathForFile({} as File)).toBe('');
  });
});

describe('takeBridgeToken', () => {
  function place(href: string, stored: string | null = null) {
    const storage = new Map<string, string>();
    if (stored) storage.set(TOKEN_STORAGE_KEY, stored);
    const replaced: string[] = [];
    return {
      replaced,
      storage,
      place: {
        location: { href },
        history: { state: null, replaceState: (_d: unknown, _u: string, url: string) => replaced.push(url) },
        storage: {
          getItem: (k: string) => storage.get(k) ?? null,
          setItem: (k: string, v: string) => storage.set(k, v),
        },
      },
    };
  }

  it('takes the token from the address, remembers it and removes it from the address bar', () => {
    const p = place('http://127.0.0.1:5/?token=abc&x=1#top');
    expect(takeBridgeToken(p.place)).toBe('abc');
    expect(p.storage.get(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(p.replaced).toEqual(['/?x=1#top']);
  });

  it('falls back to the remembered token after a reload', () => {
    const p = place('http://127.0.0.1:5/', 'remembered');
    expect(takeBridgeToken(p.place)).toBe('remembered');
    expect(p.replaced).toEqual([]);
  });

  it('prefers a new token in the address over the remembered one', () => {
    const p = place('http://127.0.0.1:5/?token=new', 'old');
    expect(takeBridgeToken(p.place)).toBe('new');
    expect(p.storage.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('returns null when there is none', () => {
    expect(takeBridgeToken(place('http://127.0.0.1:5/').place)).toBeNull();
  });
});
