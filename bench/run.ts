// `npm run bench`: every benchmark in turn, each printing its own numbers. Kept apart from the
// tests on purpose: timings on shared machines are noisy and never asserted.
//   npm run bench                 all of them
//   npm run bench -- scan search  only those
//   extra flags after `--` are passed on (e.g. `npm run bench -- scan --sizes 1000,10000`)

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = [
  'parse',
  'chineseScript',
  'savedPages',
  'scan',
  'db',
  'watch',
  'library',
  'renderer',
  'listAndSources',
  'list',
  'engineList',
  'readState',
  'export',
  'images',
  'prefetch',
];
const args = process.argv.slice(2);
const chosen = args.filter((a) => all.includes(a));
const passOn = args.filter((a) => !all.includes(a));
let failed = false;

for (const name of chosen.length ? chosen : all) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n=== bench/${name}.ts ${passOn.join(' ')}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...passOn], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`bench/${name}.ts exited with ${result.status}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
