import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/types';
import { type FoundFile, walkRoots } from './walkRoots';

let base: string;

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-walk-')));
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

function write(path: string, text = 'x'): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

async function walk(roots: string[], options: { stat?: boolean; signal?: AbortSignal } = {}) {
  const files: FoundFile[] = [];
  const problems: Problem[] = [];
  const summary = await walkRoots(
    roots,
    { onFile: (f) => files.push(f), onProblem: (p) => problems.push(p) },
    options,
  );
  return { files, paths: files.map((f) => f.path).sort(), problems, summary };
}

describe('walkRoots', () => {
  it('finds article files at every depth and skips hidden entries and other files', async () => {
    const root = join(base, 'lib');
    write(join(root, 'a.md'));
    write(join(root, '2022', '08', 'b.HTML'));
    write(join(root, '2022', 'c.txt'));
    write(join(root, 'photo.jpg'));
    write(join(root, '.hidden.md'));
    write(join(root, '.git', 'x.md'));
    write(join(root, 'notes'));
    const { paths, problems, summary } = await walk([root]);
    expect(paths).toEqual([
      join(root, '2022', '08', 'b.HTML'),
      join(root, '2022', 'c.txt'),
      join(root, 'a.md'),
    ]);
    expect(problems).toEqual([]);
    expect(summary.failedRoots).toEqual([]);
  });

  it('stats files only when asked', async () => {
    const root = join(base, 'lib');
    write(join(root, 'a.md'), 'hello');
    expect((await walk([root])).files[0]).toEqual({ path: join(root, 'a.md'), root });
    const [file] = (await walk([root], { stat: true })).files;
    expect(file?.size).toBe(5);
    expect(file?.mtimeMs).toBeGreaterThan(0);
  });

  it('walks every root and reports a missing one or a file given as a root', async () => {
    const one = join(base, 'one');
    const two = join(base, 'two');
    write(join(one, 'a.md'));
    write(join(two, 'b.md'));
    const missing = join(base, 'gone');
    const file = write(join(base, 'single.md'));
    const { files, problems, summary } = await walk([one, missing, file, two]);
    expect(files).toEqual([
      { path: join(one, 'a.md'), root: one },
      { path: join(two, 'b.md'), root: two },
    ]);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      [missing, 'root-missing'],
      [file, 'root-not-folder'],
    ]);
    expect(problems[0]?.message).toMatch(/cannot find this folder/);
    expect(summary.failedRoots).toEqual([missing, file]);
  });

  it('follows links inside the root but reports links out of it without following them', async () => {
    const root = join(base, 'lib');
    const outside = join(base, 'outside');
    write(join(outside, 'secret.md'));
    write(join(root, 'real', 'inner.md'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'));
    symlinkSync(outside, join(root, 'leakdir'));
    // `..` spelled inside the link: containment is checked on the real path, not the text.
    symlinkSync('../outside', join(root, 'sneaky'));
    symlinkSync(join(root, 'real', 'inner.md'), join(root, 'alias.md'));
    const { paths, problems } = await walk([root]);
    expect(paths).toEqual([join(root, 'alias.md'), join(root, 'real', 'inner.md')]);
    expect(problems.map((p) => [p.path, p.code]).sort()).toEqual([
      [join(root, 'leak.md'), 'outside-root'],
      [join(root, 'leakdir'), 'outside-root'],
      [join(root, 'sneaky'), 'outside-root'],
    ]);
    expect(problems[0]?.message).toMatch(/points outside the library folder .* does not follow it/);
  });

  it('ends a symlink loop and walks a linked folder once', async () => {
    const root = join(base, 'lib');
    write(join(root, 'a', 'x.md'));
    symlinkSync(root, join(root, 'a', 'up'));
    symlinkSync(join(root, 'a'), join(root, 'again'));
    const { paths, problems } = await walk([root]);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatch(/x\.md$/);
    expect(problems).toEqual([]);
  });

  it('reports entries it cannot read even as root: a dangling link and a pipe named like articles', async () => {
    const root = join(base, 'lib');
    write(join(root, 'good.md'));
    symlinkSync(join(root, 'deleted.md'), join(root, 'dangling.md'));
    symlinkSync(join(root, 'nothing'), join(root, 'dangling-other'));
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    const { paths, problems } = await walk([root]);
    expect(paths).toEqual([join(root, 'good.md')]);
    expect(problems.map((p) => [p.path, p.code, p.severity]).sort()).toEqual([
      [join(root, 'dangling.md'), 'broken-link', 'error'],
      [join(root, 'pipe.md'), 'not-regular-file', 'error'],
    ]);
    expect(problems.find((p) => p.path.endsWith('dangling.md'))?.message).toMatch(/Broken link/);
    expect(problems.find((p) => p.path.endsWith('pipe.md'))?.message).toMatch(/Not a regular file/);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a folder it has no permission to read (skipped as root)',
    async () => {
      const root = join(base, 'lib');
      write(join(root, 'ok', 'a.md'));
      write(join(root, 'locked', 'b.md'));
      chmodSync(join(root, 'locked'), 0o000);
      try {
        const { paths, problems } = await walk([root]);
        expect(paths).toEqual([join(root, 'ok', 'a.md')]);
        expect(problems).toEqual([
          expect.objectContaining({
            path: join(root, 'locked'),
            code: 'folder-unreadable',
            severity: 'error',
          }),
        ]);
        expect(problems[0]?.message).toMatch(/^Permission denied/);
      } finally {
        chmodSync(join(root, 'locked'), 0o755);
      }
    },
  );

  it('streams files before the walk ends and stops when aborted', async () => {
    const root = join(base, 'lib');
    for (let i = 0; i < 20; i++) write(join(root, `d${i}`, 'a.md'));
    const controller = new AbortController();
    const seen: string[] = [];
    const walking = walkRoots(
      [root],
      {
        onFile: (f) => {
          seen.push(f.path);
          if (seen.length === 3) controller.abort();
        },
        onProblem: () => undefined,
      },
      { signal: controller.signal },
    );
    await walking;
    expect(seen).toHaveLength(3);
  });
});
