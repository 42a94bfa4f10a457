// Applies the navigation policy to a web contents: no navigation or redirect away from the app, no
// new windows (web and mail links go to the system instead), no <webview>.

import type { WebContents } from 'electron';
import { externalUrlToOpen } from '../../shared/validateRequest';
import { decideWindowOpen, isNavigationAllowed } from './navigationPolicy';

interface HardenOptions {
  appOrigin: string;
  openExternal: (url: string) => void;
  log?: (message: string) => void;
}

export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const guard =
    (kind: string) => (details: { url: string; isMainFrame: boolean; preventDefault(): void }) => {
      if (isNavigationAllowed({ url: details.url, isMainFrame: details.isMainFrame }, options.appOrigin))
        return;
      details.preventDefault();
      options.log?.(`Blocked ${kind} to ${details.url.slice(0, 200)}`);
    };
  // will-frame-navigate covers every frame; will-navigate is kept for the top frame as a second net.
  contents.on('will-frame-navigate', guard('navigation'));
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log?.('Blocked a <webview>.');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    const target = decision.openExternally ? externalUrlToOpen(url) : null;
    if (target !== null) options.openExternal(target);
    else options.log?.(`Blocked a new window for ${url.slice(0, 200)}`);
    return { action: decision.action };
  });
}
