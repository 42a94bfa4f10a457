// The dev-web bridge's request handling (its router, the same one its HTTP route calls)
// with a real Library over the hostile archive, fed what a compromised page might send.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/engine/library/Library';
import { buildHostileArchive, type HostileManifest } from '../../electron/engine/testing/hostileArchive';
import { createBridgeRouter } from './bridgeRouter';

let base: string;
let manifest: HostileManifest;
let library: Library;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'bs-bridge-hostile-'));
  manifest = await buildHostileArchive(base, { heavy: false });
  library = await Library.open({
    dataDir: join(base, 'data'),
    roots: [manifest.root],
    watch: false,
    database: 'memory',
  });
}, 60_000);

afterAll(async () => {
  await library?.close();
  await rm(base, { recursive: true, force: true });
});

const ask = (method: string, args: unknown) => createBridgeRouter(library, 'linux')(method, null, args);

describe('the bridge against a compromised page', () => {
  it('refuses path traversal and files that are not articles', async () => {
    expect(await ask('openFile', [`${manifest.root}/../outside/secret.md`])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/"\.\."/),
    });
    expect(await ask('openFile', ['/etc/passwd'])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not an article file/),
    });
    expect(await ask('openFile', ['relative/secret.md'])).toMatchObject({ ok: false });
    // A link named like an article whose target is not one (links/etc-passwd.md -> /etc/passwd).
    expect(await ask('openFile', [join(manifest.root, 'links', 'etc-passwd.md')])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/is a link to passwd, which is not an article file/),
    });
    expect(await ask('openFile', [join(manifest.root, 'special')])).toMatchObject({ ok: false });
    // A FIFO named like an article is refused without blocking.
    expect(await ask('openFile', [join(manifest.root, 'special', 'pipe.md')])).toMatchObject({ ok: false });
    const added = (await ask('addFolders', [[`${manifest.root}/../outside/..`, 'relative']])) as {
      added: string[];
    };
    expect(added.added).toEqual([]);
  });

  it('refuses wrong types, huge arguments, unknown methods and prototype-shaped objects', async () => {
    const refusals: [string, unknown, RegExp][] = [
      ['openFile', [42], /must be a string/],
      ['openFile', 'not-an-array', /must be an array/],
      ['openFile', [`/${'a'.repeat(5000)}.md`], /limit is 4096/],
      ['getArticle', ['x'.repeat(129)], /limit is 128/],
      ['search', [JSON.parse('{"text":"a","__proto__":{"polluted":true}}')], /unknown field "__proto__"/],
      ['updateSettings', [JSON.parse('{"__proto__":{"roots":["/"]}}')], /unknown field "__proto__"/],
      ['updateSettings', [{ roots: ['/'] }], /unknown field "roots"/],
      ['addFolders', [Array.from({ length: 101 }, () => '/')], /1 to 100/],
      ['constructor', [], /unknown method/],
      ['__proto__', [], /unknown method/],
      ['toString', [], /unknown method/],
      ['call', ['getSnapshot'], /unknown method/],
    ];
    for (const [method, args, message] of refusals) {
      await expect(ask(method, args), `${method} ${message}`).rejects.toThrow(message);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const settings = (await ask('getSettings', [])) as { roots: string[] };
    expect(settings.roots).not.toContain('/');
  });

  it('answers ordinary requests over the hostile library', async () => {
    const result = (await ask('search', [{ text: 'wombat' }])) as { matches: { path: string }[] };
    expect(result.matches.map((m) => m.path)).toEqual([join(manifest.root, 'markup-in-snippet.md')]);
  });
});
