// Globals of the renderer. Kept a script (no top-level import) so `Window` merges globally.

interface Window {
  /** Installed by the Electron preload, or by the dev-web bridge client before the app starts. */
  broadsheet: import('../shared/contract').BroadsheetApi;
}

declare module '*.css';

/** Vite's raw text imports (test fixtures). */
declare module '*?raw' {
  const text: string;
  export default text;
}
