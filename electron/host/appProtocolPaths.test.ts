import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppPath } from './appProtocolPaths';

const ROOT = resolve('/srv/broadsheet/out/renderer');

function pathFor(url: string): string {
  const result = resolveAppPath(url, ROOT);
  if (!result.ok) throw new Error(`expected ${url} to map, got ${result.status} ${result.reason}`);
  return result.filePath;
}

function isInside(path: string): boolean {
  const rel = relative(ROOT, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
}

describe('resolveAppPath', () => {
  it('maps app URLs to files in the renderer folder', () => {
    expect(pathFor('app://broadsheet/index.html')).toBe(join(ROOT, 'index.html'));
    expect(pathFor('app://broadsheet/assets/index-abc.js')).toBe(join(ROOT, 'assets', 'index-abc.js'));
    expect(pathFor('app://broadsheet/assets/x.css?v=1#top')).toBe(join(ROOT, 'assets', 'x.css'));
  });

  it('serves index.html for the root and for folders', () => {
    expect(pathFor('app://broadsheet/')).toBe(join(ROOT, 'index.html'));
    expect(pathFor('app://broadsheet')).toBe(join(ROOT, 'index.html'));
    expect(pathFor('app://broadsheet/assets/')).toBe(join(ROOT, 'assets', 'index.html'));
  });

  it('decodes escaped names', () => {
    expect(pathFor('app://broadsheet/fonts/Noto%20Sans.woff2')).toBe(join(ROOT, 'fonts', 'Noto Sans.woff2'));
    expect(pathFor('app://broadsheet/%E5%9B%BE.png')).toBe(join(ROOT, '图.png'));
  });

  it('keeps literal and %2e dot segments inside the folder (the URL parser folds them)', () => {
    for (const url of [
      'app://broadsheet/../../etc/passwd',
      'app://broadsheet/%2e%2e/%2e%2e/etc/passwd',
      'app://broadsheet/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
      'app://broadsheet/assets/.%2e/.%2e/.%2e/etc/passwd',
    ]) {
      const result = resolveAppPath(url, ROOT);
      expect(result.ok, url).toBe(true);
      if (result.ok) {
        expect(isInside(result.filePath), `${url} -> ${result.filePath}`).toBe(true);
        expect(result.filePath).toBe(join(ROOT, 'etc', 'passwd'));
      }
    }
  });

  it('refuses encoded separators, backslashes and NUL that would leave the folder', () => {
    for (const url of [
      'app://broadsheet/..%2F..%2Fetc%2Fpasswd',
      'app://broadsheet/..%2f..%2fetc/passwd',
      'app://broadsheet/assets/..%5C..%5C..%5Cetc%5Cpasswd',
      'app://broadsheet/..\\..\\etc\\passwd',
      'app://broadsheet/index.html%00.png',
      'app://broadsheet/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://broadsheet/C:%5CWindows%5Cwin.ini',
    ]) {
      const result = resolveAppPath(url, ROOT);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.status).toBe(403);
    }
  });

  it('refuses malformed escapes, other hosts and other schemes', () => {
    expect(resolveAppPath('app://broadsheet/%E0%A4%A', ROOT)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('app://evil.example/index.html', ROOT)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath('app://broadsheet:8080/index.html', ROOT)).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(resolveAppPath('file:///etc/passwd', ROOT)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('not a url', ROOT)).toMatchObject({ ok: false, status: 400 });
  });

  it('accepts the host in any case, as Chromium may hand it over', () => {
    expect(pathFor('app://BroadSheet/index.html')).toBe(join(ROOT, 'index.html'));
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build emits and falls back to opaque bytes', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.md')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});
