import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBuilderConfig, readPackageJson } from './builderConfig';
import { type DistSteps, dist, ELECTRON_REBUILT_MODULES, fileSteps, targetArch } from './dist';

function recorder(fail?: 'rebuild' | 'builder', exitCode = 0) {
  const calls: string[] = [];
  const steps: DistSteps = {
    keepNodeBuild: () => void calls.push('keep'),
    rebuildForElectron: async (arch) => {
      calls.push(`rebuild ${arch}`);
      if (fail === 'rebuild') throw new Error('no Electron headers');
    },
    runBuilder: async (args) => {
      calls.push(`builder ${args.join(' ')}`);
      if (fail === 'builder') throw new Error('spawn failed');
      return exitCode;
    },
    restoreNodeBuild: () => void calls.push('restore'),
  };
  return { calls, steps };
}

describe('npm run dist', () => {
  it('builds better-sqlite3 for Electron before packaging and puts the Node build back after', async () => {
    const { calls, steps } = recorder();
    expect(await dist(['--linux', 'deb'], steps, 'x64')).toBe(0);
    expect(calls).toEqual(['keep', 'rebuild x64', 'builder --linux deb', 'restore']);
  });

  it('passes electron-builder’s exit code on and restores Node’s build when a step fails', async () => {
    const failing = recorder(undefined, 3);
    expect(await dist([], failing.steps, 'x64')).toBe(3);
    expect(failing.calls.at(-1)).toBe('restore');
    for (const step of ['rebuild', 'builder'] as const) {
      const { calls, steps } = recorder(step);
      await expect(dist([], steps, 'x64')).rejects.toThrow();
      expect(calls.at(-1)).toBe('restore');
    }
  });

  it('rebuilds for the CPU named on the command line', async () => {
    expect(targetArch(['--arm64'], 'x64')).toBe('arm64');
    expect(targetArch(['--linux'], 'x64')).toBe('x64');
    expect(() => targetArch(['--x64', '--arm64'])).toThrow(/one CPU at a time/);
    const { calls, steps } = recorder();
    await dist(['--arm64'], steps, 'x64');
    expect(calls).toContain('rebuild arm64');
  });

  it('is what package.json runs, with npmRebuild off so electron-builder leaves the N-API modules alone', () => {
    const scripts = (readPackageJson() as unknown as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/scripts\/release\/dist\.ts/);
    expect(readBuilderConfig().npmRebuild).toBe(false);
    expect(ELECTRON_REBUILT_MODULES).toEqual(['better-sqlite3']);
    // The real steps find the binary they keep aside and restore.
    expect(() => fileSteps()).not.toThrow();
    expect(existsSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
  });
});
