// The layering rules in biome.json (noRestrictedImports per folder) are real: a file that imports
// the wrong way fails `biome lint`, and a file that imports the right way passes. Each probe is
// written where such a file would live, linted with the project's config, and removed.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

/** Lints one probe file at `folder` importing `specifier`: the rule's diagnostics, or [] when clean. */
async function lintProbe(folder: string, specifier: string): Promise<string[]> {
  const file = join(folder, `layerProbe${randomBytes(4).toString('hex')}.ts`);
  await writeFile(join(ROOT, file), `import { a } from '${specifier}';\n\nexport const b = a;\n`);
  try {
    const { stdout, stderr } = await run(BIOME, ['lint', '--colors=off', file], { cwd: ROOT }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    return `${stdout}${stderr}`.split('\n').filter((line) => line.includes('lint/style/noRestrictedImports'));
  } finally {
    await rm(join(ROOT, file), { force: true });
  }
}

const WRONG_WAY: [folder: string, specifier: string][] = [
  ['electron/engine/library', 'electron'],
  ['electron/engine/library', '../../../scripts/dev-web/bridgeRouter'],
  ['electron/engine/scan', '../../../renderer/src/App'],
  ['electron/engine/store', '../../main/ipc'],
  ['electron/engine/scan', '../../../bench/scanArchive'],
  ['renderer/src/app', 'node:fs'],
  ['renderer/web', '../../electron/host/requestRouter'],
  ['electron/preload', 'node:fs'],
  ['renderer/src', '../../electron/engine/library/Library'],
  ['renderer/src/app', '../../../scripts/dev-web/main'],
  ['shared', '../electron/host/requestRouter'],
  ['electron/preload', '../main/ipc'],
  ['electron/main', '../preload/createBroadsheetApi'],
  ['electron/host', '../main/pathGrants'],
  ['scripts/dev-web', '../../electron/main/appMenu'],
];

const RIGHT_WAY: [folder: string, specifier: string][] = [
  ['electron/engine/library', '../common/mapLimit'],
  ['renderer/src', '../../shared/contract'],
  ['electron/preload', '../../shared/contract'],
  ['electron/preload', 'electron'],
  ['renderer/web', '../../shared/contract'],
  ['electron/main', '../host/requestRouter'],
  ['scripts/dev-web', '../../electron/host/contentSecurityPolicy'],
];

describe('import layering (biome.json overrides)', () => {
  it.each(WRONG_WAY)('refuses %s importing %s', async (folder, specifier) => {
    expect(await lintProbe(folder, specifier)).toHaveLength(1);
  });

  it.each(RIGHT_WAY)('allows %s importing %s', async (folder, specifier) => {
    expect(await lintProbe(folder, specifier)).toEqual([]);
  });
});
