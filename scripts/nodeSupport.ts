// Which Node versions Broadsheet supports, and what a user on each one gets. The one home of this
// rule: package.json's engines says the same range, the README's prerequisites explain it, and
// `npm ci` (prepare) prints the verdict so the EBADENGINE warnings above it make sense.
//
// The floor is the build and test tools' (vite, rolldown, vitest, jsdom: ^20.19 || ^22.13 || >=24). Electron
// 45's download and packaging tools (electron, @electron/get, @electron-internal/extract-zip,
// @electron/rebuild, node-abi) and @axe-core/playwright ask for >= 22.12, so Node 20 installs with
// six warnings; on Node 20.20 the whole suite passes and `npm start` runs the download (measured).

import { fileURLToPath } from 'node:url';

export const SUPPORTED_NODE = '^20.19.0 || ^22.13.0 || >=24.0.0';

export type NodeSupport =
  | { level: 'recommended'; message: string }
  | { level: 'works'; message: string }
  | { level: 'unsupported'; message: string };

export function nodeSupport(version: string): NodeSupport {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const v = `Node ${version.replace(/^v/, '')}`;
  if (major >= 24 || (major === 22 && minor >= 13))
    return { level: 'recommended', message: `${v}: supported and recommended.` };
  if (major === 20 && minor >= 19)
    return {
      level: 'works',
      message:
        `${v}: supported; Node 22.13 or newer is recommended. The EBADENGINE warnings above are expected ` +
        'on Node 20: electron, @electron/get, @electron-internal/extract-zip, @electron/rebuild, node-abi and ' +
        '@axe-core/playwright ask for Node 22.12+. `npm test` and the browser build run on Node 20.19+; ' +
        "Electron's download and installers are supported upstream on 22.12+ only. Node 20 is past its end of life.",
    };
  return {
    level: 'unsupported',
    message: `${v} is not supported: Broadsheet's build and test tools need Node ${SUPPORTED_NODE}. Install Node 22.13 or newer (Node 24 LTS, for instance).`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const verdict = nodeSupport(process.version);
  if (verdict.level === 'unsupported') {
    console.error(`broadsheet: ${verdict.message}`);
    process.exit(1);
  }
  console.log(`broadsheet: ${verdict.message}`);
}
