// Debian's Chromium (Playwright's own browser download fails on the build machines) and the flags
// that keep it quiet and deterministic there: shared by the e2e config and bench/renderer.ts.

export const CHROMIUM = process.env.BROADSHEET_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
