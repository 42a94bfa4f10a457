// Builds the web renderer once per run, so every dev-web server the tests start serves the same,
// current build instead of building its own.

import { buildWebRenderer } from '../scripts/dev-web/buildWebRenderer';

export default async function globalSetup(): Promise<void> {
  await buildWebRenderer();
}
