// `npm run screenshots`: retakes the README's pictures (docs/screenshots/*.png) with the e2e
// screenshot spec. Plain test runs write theirs to out/screenshots instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const result = spawnSync(process.execPath, [cli, 'test', 'e2e/screenshots.spec.ts', '--project=web'], {
  stdio: 'inherit',
  env: { ...process.env, BROADSHEET_SCREENSHOTS_DIR: 'docs/screenshots' },
});
process.exit(result.status ?? 1);
