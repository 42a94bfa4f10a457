import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../host/contentSecurityPolicy';
import { createAppProtocolHandler } from './appProtocolHandler';

let base: string;
let rendererDir: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'broadsheet-protocol-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Broadsheet</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // A secret beside the renderer folder: nothing may reach it.
  await writeFile(join(base, 'secret.txt'), 'do not serve');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('createAppProtocolHandler', () => {
  it('serves renderer files with their type and the CSP header', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    const page = await handler(new Request('app://broadsheet/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(await page.text()).toContain('<title>Broadsheet</title>');

    const script = await handler(new Request('app://broadsheet/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and folders without an index', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    expect((await handler(new Request('app://broadsheet/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://broadsheet/assets/'))).status).toBe(404);
  });

  it('never reads a file outside the renderer folder', async () => {
    const reads: string[] = [];
    const handler = createAppProtocolHandler(rendererDir, async (path) => {
      reads.push(path);
      throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    });
    for (const url of [
      'app://broadsheet/../secret.txt',
      'app://broadsheet/%2e%2e/secret.txt',
      'app://broadsheet/..%2Fsecret.txt',
      'app://broadsheet/..%5Csecret.txt',
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).not.toBe(200);
      expect(await response.text()).not.toContain('do not serve');
    }
    for (const path of reads) expect(path.startsWith(join(rendererDir, ''))).toBe(true);
  });

  it('refuses methods other than GET and HEAD, and sends no body for HEAD', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    const post = await handler(new Request('app://broadsheet/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    const head = await handler(new Request('app://broadsheet/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reports unreadable files as a server error naming the file', async () => {
    const handler = createAppProtocolHandler(rendererDir, async () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    });
    const response = await handler(new Request('app://broadsheet/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('index.html (EACCES)');
  });
});
