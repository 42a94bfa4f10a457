// Which IPC messages the main process answers: only those from the main window's top frame while
// it shows the app's own page. Subframes (an article iframe), other windows and a page that was
// somehow navigated elsewhere are refused.

import { isSameOrigin } from '../host/appOrigin';

/** The parts of Electron's WebFrameMain this check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The parts of an IpcMainInvokeEvent this check reads. */
interface IpcEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

interface TrustedWindow {
  readonly webContents: { readonly mainFrame: FrameLike };
}

export function isTrustedSender(
  event: IpcEventLike,
  window: TrustedWindow | null,
  appOrigin: string,
): boolean {
  if (!window) return false;
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated or was destroyed while the message was in flight
  if (event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame || frame.parent !== null) return false;
  return isSameOrigin(frame.url, appOrigin);
}
