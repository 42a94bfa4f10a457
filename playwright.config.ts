// Browser e2e: the real renderer (web build) against the real engine through the dev-web bridge,
// in Debian's Chromium. Each test starts its own dev-web server on a fresh copy of its archive and a
// fresh data folder (see e2e/support/fixtures.ts). The Electron specs live in e2e/electron and skip
// themselves where no Electron binary can run; they are listed so the skip is reported.

import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/support/chromium';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/globalSetup.ts',
  outputDir: 'out/e2e-results',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  // list for people; json for the pass/fail summary .ci/run prints (scripts/testSummary.ts).
  reporter: [['list'], ['json', { outputFile: 'out/test-results/e2e.json' }]],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testIgnore: 'electron/**',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        locale: 'en-US',
        timezoneId: 'UTC',
        launchOptions: {
          executablePath: CHROMIUM,
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
});
