import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeSupport, SUPPORTED_NODE } from './nodeSupport';

describe('nodeSupport', () => {
  it('recommends 22.13+ and 24+, supports 20.19+ with the warnings explained, refuses the rest', () => {
    for (const v of ['v22.13.0', 'v22.20.1', 'v24.0.0', 'v25.2.0'])
      expect(nodeSupport(v).level).toBe('recommended');
    for (const v of ['v20.19.0', 'v20.20.2']) expect(nodeSupport(v).level).toBe('works');
    for (const v of ['v18.20.0', 'v20.18.3', 'v21.7.0', 'v22.12.0', 'v23.11.0'])
      expect(nodeSupport(v).level).toBe('unsupported');
    expect(nodeSupport('v20.20.2').message).toContain('EBADENGINE warnings above are expected');
    expect(nodeSupport('v22.12.0').message).toBe(
      `Node 22.12.0 is not supported: Broadsheet's build and test tools need Node ${SUPPORTED_NODE}. Install Node 22.13 or newer (Node 24 LTS, for instance).`,
    );
  });

  it('is the range package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });
});
