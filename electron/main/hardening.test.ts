import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../host/appOrigin';
import { hardenSession, withoutReferer } from './hardenSession';
import { hardenWebContents } from './hardenWebContents';
import { secureWebPreferences } from './webPreferences';

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navigation(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

function hardened() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { appOrigin: APP_ORIGIN, openExternal });
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  it('prevents navigation and redirects away from the app, in any frame', () => {
    const { contents } = hardened();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navigation('https://evil.example/');
      contents.emit(name, away);
      expect(away.preventDefault, name).toHaveBeenCalled();
      const inside = navigation('app://broadsheet/index.html');
      contents.emit(name, inside);
      expect(inside.preventDefault, name).not.toHaveBeenCalled();
    }
    const frameToFile = navigation('file:///etc/passwd', false);
    contents.emit('will-frame-navigate', frameToFile);
    expect(frameToFile.preventDefault).toHaveBeenCalled();
    const srcdoc = navigation('about:srcdoc', false);
    contents.emit('will-frame-navigate', srcdoc);
    expect(srcdoc.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window and hands web links to the system', () => {
    const { contents, openExternal } = hardened();
    expect(contents.openHandler?.({ url: 'https://example.com/story' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/story');
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://broadsheet/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    contents.openHandler?.({ url: 'mailto:a@example.com?attach=/etc/passwd&cc=b@example.com' });
    expect(openExternal).toHaveBeenLastCalledWith('mailto:a@example.com?cc=b@example.com');
  });

  it('prevents <webview> from attaching', () => {
    const { contents } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => {
        handlers.request = h;
      },
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => {
        handlers.check = h;
      },
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => {
        handlers.device = h;
      },
      webRequest: {
        onBeforeSendHeaders: (h: (...args: never[]) => unknown) => {
          handlers.headers = h;
        },
      },
    };
    hardenSession(session as unknown as Session);
    return handlers as Record<string, (...args: unknown[]) => unknown>;
  }

  it('denies every permission request and check', () => {
    const handlers = fakeSession();
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });

  it('strips the Referer header from outgoing requests and keeps the rest', () => {
    const handlers = fakeSession();
    const callback = vi.fn();
    handlers.headers?.(
      {
        url: 'https://img.example/a.jpg',
        requestHeaders: { Referer: 'app://broadsheet/', Accept: 'image/*' },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ requestHeaders: { Accept: 'image/*' } });
  });
});

describe('withoutReferer', () => {
  it('removes the header in any case', () => {
    expect(withoutReferer({ referer: 'a', REFERER: 'b', 'User-Agent': 'x' })).toEqual({ 'User-Agent': 'x' });
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node and no webview', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});
