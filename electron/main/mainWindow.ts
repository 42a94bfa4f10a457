// The one Broadsheet window: secure preferences, remembered size and place.

import { BrowserWindow, screen } from 'electron';
import { secureWebPreferences } from './webPreferences';
import { fitWindowState, MIN_WINDOW_SIZE, type WindowState } from './windowState';

interface MainWindowOptions {
  preloadPath: string;
  url: string;
  savedState: WindowState | null;
  /** Called when the window closes, with where it was, to be saved for next time. */
  onStateToSave: (state: WindowState) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = fitWindowState(
    options.savedState,
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Broadsheet',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    options.onStateToSave({ ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(options.url);
  return window;
}
