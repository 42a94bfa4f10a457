import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isSameOrigin, originOf } from '../host/appOrigin';
import { decideWindowOpen, isNavigationAllowed } from './navigationPolicy';

const DEV_ORIGIN = 'http://localhost:5173';

describe('originOf / isSameOrigin', () => {
  it('gives the app scheme an origin, which Node’s URL reports as "null"', () => {
    expect(originOf('app://broadsheet/index.html')).toBe(APP_ORIGIN);
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe(DEV_ORIGIN);
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });

  it('compares scheme, host and port', () => {
    expect(isSameOrigin('app://broadsheet/x', APP_ORIGIN)).toBe(true);
    expect(isSameOrigin('app://broadsheet.evil.com/x', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('app://evil/x', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('https://broadsheet/x', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('http://localhost:5174/', DEV_ORIGIN)).toBe(false);
  });
});

describe('isNavigationAllowed', () => {
  it('allows the app’s own pages in any frame', () => {
    expect(isNavigationAllowed({ url: 'app://broadsheet/index.html', isMainFrame: true }, APP_ORIGIN)).toBe(
      true,
    );
    expect(isNavigationAllowed({ url: 'app://broadsheet/#/a', isMainFrame: false }, APP_ORIGIN)).toBe(true);
    expect(isNavigationAllowed({ url: `${DEV_ORIGIN}/`, isMainFrame: true }, DEV_ORIGIN)).toBe(true);
  });

  it('denies every other place for the top frame', () => {
    for (const url of [
      'https://example.com/',
      'http://evil.example/',
      'file:///etc/passwd',
      'about:blank',
      'about:srcdoc',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'app://other/index.html',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isNavigationAllowed({ url, isMainFrame: true }, APP_ORIGIN), url).toBe(false);
    }
  });

  it('lets an article iframe be a srcdoc or blank frame, but never a web page or file', () => {
    expect(isNavigationAllowed({ url: 'about:srcdoc', isMainFrame: false }, APP_ORIGIN)).toBe(true);
    expect(isNavigationAllowed({ url: 'about:blank', isMainFrame: false }, APP_ORIGIN)).toBe(true);
    expect(isNavigationAllowed({ url: 'https://example.com/', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isNavigationAllowed({ url: 'file:///etc/passwd', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isNavigationAllowed({ url: 'about:srcdoc?x', isMainFrame: false }, APP_ORIGIN)).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  it('always denies the window, sending web and mail links to the system', () => {
    expect(decideWindowOpen('https://example.com/a')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('http://example.com/a')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('mailto:desk@example.com')).toEqual({ action: 'deny', openExternally: true });
  });

  it('keeps everything else inside, including the app’s own pages', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://broadsheet/index.html',
      'smb://server/share',
      'ms-settings:',
      'vbscript:x',
      'about:blank',
      '',
    ]) {
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny', openExternally: false });
    }
  });
});
