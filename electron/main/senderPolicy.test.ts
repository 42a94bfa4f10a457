import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../host/appOrigin';
import { type FrameLike, isTrustedSender } from './senderPolicy';

function makeWindow(url = 'app://broadsheet/index.html') {
  const mainFrame: FrameLike = { url, parent: null };
  return { webContents: { mainFrame } };
}

describe('isTrustedSender', () => {
  it('accepts the main window’s top frame on the app origin', () => {
    const window = makeWindow();
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(isTrustedSender(event, window, APP_ORIGIN)).toBe(true);
  });

  it('refuses a subframe of the main window, even on the app origin', () => {
    const window = makeWindow();
    const child: FrameLike = { url: 'app://broadsheet/index.html', parent: window.webContents.mainFrame };
    expect(isTrustedSender({ sender: window.webContents, senderFrame: child }, window, APP_ORIGIN)).toBe(
      false,
    );
    const srcdoc: FrameLike = { url: 'about:srcdoc', parent: window.webContents.mainFrame };
    expect(isTrustedSender({ sender: window.webContents, senderFrame: srcdoc }, window, APP_ORIGIN)).toBe(
      false,
    );
  });

  it('refuses the top frame once it shows another origin', () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://evil/index.html',
      'about:blank',
    ]) {
      const window = makeWindow(url);
      const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      expect(isTrustedSender(event, window, APP_ORIGIN), url).toBe(false);
    }
  });

  it('refuses another window’s frame and another web contents', () => {
    const window = makeWindow();
    const other = makeWindow();
    expect(
      isTrustedSender(
        { sender: other.webContents, senderFrame: other.webContents.mainFrame },
        window,
        APP_ORIGIN,
      ),
    ).toBe(false);
    expect(
      isTrustedSender(
        { sender: other.webContents, senderFrame: window.webContents.mainFrame },
        window,
        APP_ORIGIN,
      ),
    ).toBe(false);
    // A frame that looks like the top frame but is not the window's own object.
    const lookalike: FrameLike = { url: 'app://broadsheet/index.html', parent: null };
    expect(isTrustedSender({ sender: window.webContents, senderFrame: lookalike }, window, APP_ORIGIN)).toBe(
      false,
    );
  });

  it('refuses when there is no window or the frame is gone', () => {
    const window = makeWindow();
    expect(
      isTrustedSender(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        null,
        APP_ORIGIN,
      ),
    ).toBe(false);
    expect(isTrustedSender({ sender: window.webContents, senderFrame: null }, window, APP_ORIGIN)).toBe(
      false,
    );
  });

  it('accepts the dev server origin when that is the app origin', () => {
    const window = makeWindow('http://localhost:5173/');
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(isTrustedSender(event, window, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(event, window, APP_ORIGIN)).toBe(false);
  });
});
