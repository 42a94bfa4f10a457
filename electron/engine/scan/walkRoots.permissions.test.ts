// Permission errors as root: root reads any folder, so the test makes `opendir` fail the way it
// does for an ordinary user, to check the problem a user would see.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../shared/types';
import { walkRoots } from './walkRoots';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-walk-perm-')));
const locked = join(base, 'locked');

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    opendir: (path: string, options?: object) => {
      if (path === locked) {
        const error = Object.assign(new Error(`EACCES: permission denied, opendir '${path}'`), {
          code: 'EACCES',
        });
        return Promise.reject(error);
      }
      return actual.opendir(path, options);
    },
  };
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('walkRoots on a folder without read permission', () => {
  it('reports it and walks the rest', async () => {
    mkdirSync(join(base, 'open'), { recursive: true });
    mkdirSync(locked, { recursive: true });
    writeFileSync(join(base, 'open', 'a.md'), 'x');
    writeFileSync(join(locked, 'b.md'), 'x');
    const files: string[] = [];
    const problems: Problem[] = [];
    await walkRoots([base], { onFile: (f) => files.push(f.path), onProblem: (p) => problems.push(p) });
    expect(files).toEqual([join(base, 'open', 'a.md')]);
    expect(problems).toEqual([
      {
        path: locked,
        code: 'folder-unreadable',
        severity: 'error',
        message: 'Permission denied: Broadsheet cannot read this folder. Check its permissions.',
        params: { errno: 'EACCES' },
      },
    ]);
  });

  it('reports an unreadable root as a failed root', async () => {
    const problems: Problem[] = [];
    const summary = await walkRoots([locked], {
      onFile: () => undefined,
      onProblem: (p) => problems.push(p),
    });
    expect(summary.failedRoots).toEqual([locked]);
    expect(problems[0]?.code).toBe('folder-unreadable');
  });
});
