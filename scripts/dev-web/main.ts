// `npm run dev:web -- --library DIR [--port N] [--data-dir DIR] [--rebuild]`
// The real renderer and the real engine in a browser, for machines without Electron and for the e2e
// tests. Loopback only; the address it prints (alone on the last line) carries the access token.

import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../../electron/engine/dataDir';
import { openLibrary } from '../../electron/engine/library/openLibrary';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/contentSecurityPolicy';
import { startBridgeServer } from './bridgeServer';
import { buildWebRenderer, REPO_ROOT, WEB_OUT_DIR, webBuildExists } from './buildWebRenderer';
import { parseDevWebArgs, USAGE, UsageError } from './cliArgs';
import { webContentSecurityPolicy } from './contentSecurityPolicy';

const SAMPLE_ARCHIVE = join(REPO_ROOT, 'resources', 'sample-archive');

function checkFolder(path: string): string {
  const full = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    throw new UsageError(`--library ${path}: no such folder (looked for ${full}).`);
  }
  if (!isDir)
    throw new UsageError(`--library ${path}: not a folder. Name the archive folder that holds the articles.`);
  return full;
}

async function main(): Promise<void> {
  const args = parseDevWebArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const libraries = args.libraries.map(checkFolder);
  const dataDir = resolve(args.dataDir ?? defaultDataDir());

  if (args.rebuild || !webBuildExists()) {
    console.log(`Building the web renderer into ${WEB_OUT_DIR} …`);
    await buildWebRenderer();
  }

  const service = await openLibrary({
    dataDir,
    ...(libraries.length > 0 ? { roots: libraries } : {}),
    defaultRoots: [SAMPLE_ARCHIVE],
  });
  const server = await startBridgeServer({
    service,
    staticDir: WEB_OUT_DIR,
    contentSecurityPolicy: webContentSecurityPolicy(CONTENT_SECURITY_POLICY),
    port: args.port,
  }).catch(async (error: NodeJS.ErrnoException) => {
    await service.close();
    if (error.code === 'EADDRINUSE')
      throw new UsageError(`Port ${args.port} is in use; pick another with --port.`);
    throw error;
  });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void Promise.all([server.close(), service.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  // The folders actually opened: those named, else the saved ones (the sample on a first run).
  const opened = (await service.call('getSnapshot')).roots.map((r) => r.path);
  console.log(
    `Library: ${opened.length > 0 ? opened.join(', ') : 'no folders (add one in the Library panel)'}`,
  );
  console.log(`Data folder: ${dataDir}`);
  console.log('Broadsheet is served on 127.0.0.1 only. Open this address (it carries the access token):');
  console.log(server.url);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`dev:web: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`dev:web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
