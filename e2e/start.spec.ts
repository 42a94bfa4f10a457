// `npm start` as a new user meets it on a machine where Electron's download cannot get through
// (these build machines; here forced with a mirror nobody listens on, so the test does not depend on
// the network): it says why in one line, opens the browser build instead, and a folder added in
// the window is there again at the next start, without the sample archive coming back.

import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { electronPackage, installedElectron } from '../scripts/start/electronBinary';
import { headlines } from './support/appPage';
import { article, makeTempDir, writeArticle } from './support/archives';
import { type DevWebServer, REPO_ROOT, startPrintingAddress } from './support/devWebServer';
import { expect, test, waitForLibrary } from './support/fixtures';

const pkg = electronPackage();
const electronHere = pkg !== null && installedElectron(pkg).ok;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dataDir: string;
let cacheDir: string;
let folder: string;
test.beforeEach(async () => {
  dataDir = await makeTempDir('start-data');
  cacheDir = await makeTempDir('start-electron-cache');
  folder = await makeTempDir('start-folder');
});
test.afterEach(async () => {
  for (const dir of [dataDir, cacheDir, folder]) await rm(dir, { recursive: true, force: true });
});

async function npmStart(port: number): Promise<DevWebServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_DATA_DIR: dataDir,
    electron_config_cache: cacheDir,
  };
  env.ELECTRON_MIRROR = `http://127.0.0.1:${port}/`;
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return startPrintingAddress([join(REPO_ROOT, 'scripts', 'start', 'main.ts')], env, 60_000, 'npm start');
}

test('npm start: the download error in one line, the browser build, and the saved folders next time', async ({
  page,
}) => {
  test.skip(electronHere, 'Electron is installed here, so npm start opens the desktop app instead');
  test.setTimeout(120_000);
  await writeArticle(
    folder,
    'mine.md',
    article({ title: 'My own saved article', date: '2024-05-01 09:00:00' }, 'Mine.'),
  );
  const port = await closedPort();

  let server = await npmStart(port);
  try {
    const lines = server.output().split('\n');
    expect(lines).toContain(
      `No desktop app this time: Electron's download failed: 127.0.0.1:${port} refused the connection. ` +
        'To get it, run `npm start` again when the download can get through (it is needed once), ' +
        `or set ELECTRON_OVERRIDE_DIST_PATH to the folder of an unpacked Electron ${pkg?.version}.`,
    );
    expect(lines).toContain(`Library: ${join(REPO_ROOT, 'resources', 'sample-archive')}`);

    // First run: the sample archive. The user adds a folder and removes the sample.
    await page.goto(server.url);
    await waitForLibrary(page);
    await expect(headlines(page).filter({ hasText: 'My own saved article' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('textbox', { name: 'Folder path' }).fill(folder);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(headlines(page).filter({ hasText: 'My own saved article' })).toHaveCount(1);
    await page
      .getByRole('button', { name: `Remove ${join(REPO_ROOT, 'resources', 'sample-archive')}` })
      .click();
    await expect(headlines(page)).toHaveCount(1);
  } finally {
    await server.stop();
  }

  server = await npmStart(port);
  try {
    expect(server.output().split('\n')).toContain(`Library: ${folder}`);
    await page.goto(server.url);
    await waitForLibrary(page);
    await expect(headlines(page)).toHaveCount(1);
    await expect(headlines(page).first()).toContainText('My own saved article');
  } finally {
    await server.stop();
  }
});

test('the browser build loads without a 404, its icon included', async ({ page, devWeb }) => {
  const notFound: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
  await page.goto(devWeb.url);
  await waitForLibrary(page);
  const icon = await page.request.get(`${devWeb.origin}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
  expect(notFound).toEqual([]);
});
