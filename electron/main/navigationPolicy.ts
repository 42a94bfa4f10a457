// Where the window may go. The app is one page: it never navigates away from its own origin, opens
// no second window, and hands web and mail links to the system (only those).

import { isExternalUrlAllowed } from '../../shared/validateRequest';
import { isSameOrigin } from '../host/appOrigin';

/** Frames the reading pane may create for an article (a sandboxed srcdoc iframe). */
const INERT_FRAME_URLS = new Set(['about:srcdoc', 'about:blank']);

interface NavigationRequest {
  url: string;
  /** False for iframes. */
  isMainFrame: boolean;
}

/** True when the navigation stays inside the app (the only kind allowed). */
export function isNavigationAllowed(request: NavigationRequest, appOrigin: string): boolean {
  if (isSameOrigin(request.url, appOrigin)) return true;
  return !request.isMainFrame && INERT_FRAME_URLS.has(request.url);
}

interface WindowOpenDecision {
  /** Electron's answer: always deny, the app has one window. */
  action: 'deny';
  /** Hand the URL to the system browser / mail client instead. */
  openExternally: boolean;
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isExternalUrlAllowed(url) };
}
