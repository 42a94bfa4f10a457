// Session-wide rules: every permission (camera, notifications, clipboard reads, geolocation, ...)
// is denied, and outgoing requests carry no Referer, because news image hosts refuse hot-linked
// pictures that announce where they are shown.

import type { Session } from 'electron';

export function withoutReferer(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'referer') out[name] = value;
  }
  return out;
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeSendHeaders((details, callback) => {
    callback({ requestHeaders: withoutReferer(details.requestHeaders) });
  });
}
