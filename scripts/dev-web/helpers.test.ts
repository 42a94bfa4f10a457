import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/contentSecurityPolicy';
import { parseDevWebArgs, UsageError } from './cliArgs';
import { webContentSecurityPolicy, withDirectives } from './contentSecurityPolicy';
import { createToken, hostAllowed, isJsonContentType, originAllowed, tokenMatches } from './requestGuards';
import { resolveStaticPath } from './staticFiles';

describe('request guards', () => {
  it('makes a fresh 64-hex-digit token each time', () => {
    const a = createToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(createToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    const token = createToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.toUpperCase())).toBe(false);
    expect(tokenMatches(token, token.slice(1))).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
    expect(tokenMatches(token, [token])).toBe(false);
  });

  it('accepts only loopback host names on our port', () => {
    expect(hostAllowed('127.0.0.1:8080', 8080)).toBe(true);
    expect(hostAllowed('localhost:8080', 8080)).toBe(true);
    expect(hostAllowed('127.0.0.1:8081', 8080)).toBe(false);
    expect(hostAllowed('attacker.example:8080', 8080)).toBe(false);
    expect(hostAllowed(undefined, 8080)).toBe(false);
  });

  it('accepts a missing Origin or our own, and nothing from another site', () => {
    const host = '127.0.0.1:9';
    expect(originAllowed({ host })).toBe(true);
    expect(originAllowed({ host, origin: 'http://127.0.0.1:9', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(originAllowed({ host, origin: 'http://localhost:9' })).toBe(false);
    expect(originAllowed({ host, origin: 'null' })).toBe(false);
    expect(originAllowed({ host, 'sec-fetch-site': 'same-site' })).toBe(false);
  });

  it('accepts JSON content types only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=UTF-8')).toBe(true);
    expect(isJsonContentType('application/json; charset=latin1')).toBe(false);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('multipart/form-data; boundary=x')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
});

describe('resolveStaticPath', () => {
  const root = resolve('/srv/web');
  it('maps / to index.html and files below the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });
  it.each([
    ['/..', 'index.html'],
    ['/a/../../etc/passwd', 'etc/passwd'],
    ['/%2e%2e/x', 'x'],
  ])('folds the dot segments of %s, which cannot climb above the root', (path, inside) => {
    expect(resolveStaticPath(root, path)).toBe(join(root, inside));
  });
  it.each(['/a%2f..%2f..%2fx', '/a%5c..%5cx', '/a%00', '/%E0%A4%A'])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});

describe('web content security policy', () => {
  it('replaces a directive instead of adding a duplicate the browser would ignore', () => {
    expect(withDirectives("default-src 'none'; connect-src https:", { 'connect-src': "'self'" })).toBe(
      "default-src 'none'; connect-src 'self'",
    );
  });
  it("keeps the desktop window's rules and forbids framing", () => {
    const policy = webContentSecurityPolicy(CONTENT_SECURITY_POLICY);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy.match(/connect-src/g)).toHaveLength(1);
  });
});

describe('parseDevWebArgs', () => {
  it('reads the options', () => {
    expect(
      parseDevWebArgs(['--library', 'a', '--library', 'b', '--port', '8123', '--data-dir', 'd']),
    ).toEqual({
      libraries: ['a', 'b'],
      port: 8123,
      dataDir: 'd',
      rebuild: false,
      help: false,
    });
    expect(parseDevWebArgs([]).port).toBe(0);
  });
  it('explains a bad port or an unknown option', () => {
    expect(() => parseDevWebArgs(['--port', '80x'])).toThrow(UsageError);
    expect(() => parseDevWebArgs(['--port', '70000'])).toThrow(/1 to 65535/);
    expect(() => parseDevWebArgs(['--libary', 'x'])).toThrow(UsageError);
  });
});
