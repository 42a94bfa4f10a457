// The desktop app end to end: the built app (npm run build) launched with Playwright's _electron on
// the bundled sample archive and a fresh data folder. Where no Electron binary runs, the file skips.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';
import { REQUEST_METHODS } from '../../shared/contract';
import { headlines, openHeadline, readingPane, searchBox } from '../support/appPage';
import { REPO_ROOT } from '../support/devWebServer';
import { findElectronBinary } from './electronBinary';

const binary = findElectronBinary();
const SKIP_MESSAGE = `No Electron binary on this machine (${binary.ok ? '' : binary.reason}); set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 dist to run these.`;
// The list reporter does not print skip reasons, so say it once where the run's log shows it.
if (!binary.ok) console.log(`[electron e2e skipped] ${SKIP_MESSAGE}`);
test.skip(!binary.ok, SKIP_MESSAGE);

const TITLE = 'SIPRI：世界军费开支首次突破2万亿美元';

let dataDir: string;

test.beforeAll(() => {
  const main = join(REPO_ROOT, 'out', 'main', 'index.js');
  if (!existsSync(main))
    throw new Error(`${main} is missing: run "npm run build" before the Electron e2e tests.`);
});

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'broadsheet-e2e-electron-data-'));
});

test.afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  if (!binary.ok) throw new Error('unreachable: the file is skipped without a binary');
  const app = await electron.launch({
    executablePath: binary.path,
    args: [REPO_ROOT, '--data-dir', dataDir],
    cwd: REPO_ROOT,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1', LANG: 'en_US.UTF-8' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test('opens on the sample archive in a locked-down window', async () => {
  const { app, page } = await launch();
  try {
    expect(page.url()).toBe('app://broadsheet/index.html');
    await expect(headlines(page).first()).toBeVisible();
    await expect(headlines(page).filter({ hasText: TITLE })).toHaveCount(1);

    // The page reaches the main process only through the typed API.
    const globals = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        api: Object.keys((w.broadsheet ?? {}) as object).sort(),
      };
    });
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.api).toEqual([...REQUEST_METHODS, 'onEvent', 'getPathForFile'].sort());

    // Navigation away and new windows are refused by the main process.
    const opened = await page.evaluate(() => {
      const w = globalThis as unknown as { open(url: string): unknown };
      return w.open('https://example.com/') === null;
    });
    expect(opened).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await expect(headlines(page).first()).toBeVisible();
    expect(page.url()).toBe('app://broadsheet/index.html');
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});

test('an article reads, and search finds it', async () => {
  const { app, page } = await launch();
  try {
    await openHeadline(page, TITLE);
    await expect(readingPane(page)).toContainText('SIPRI');
    // A two-character Chinese word, answered by the engine in the library worker.
    await searchBox(page).fill('军费');
    await expect(headlines(page)).toHaveCount(1);
    await expect(headlines(page).first()).toContainText(TITLE);
  } finally {
    await app.close();
  }
});

test('a star survives a restart', async () => {
  const first = await launch();
  try {
    await openHeadline(first.page, TITLE);
    const star = readingPane(first.page).getByRole('button', { name: 'Star' });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await star.click();
    await expect(readingPane(first.page).getByRole('button', { name: 'Unstar' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  } finally {
    await first.app.close();
  }

  const second = await launch();
  try {
    await openHeadline(second.page, TITLE);
    await expect(readingPane(second.page).getByRole('button', { name: 'Unstar' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  } finally {
    await second.app.close();
  }
});
