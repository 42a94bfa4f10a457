// Hostile archives, round two (issue 16's minor findings): a folder or file swapped for a link while
// the library is read, a file name that is not UTF-8, one file flooding the problem list, an absurd
// file time. Each case failed before its fix.

import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/types';
import { readLocalPicture } from '../images/readLocalPicture';
import { MAX_PROBLEMS_PER_FILE } from '../parse/limits';
import { parseArticle } from '../parse/parseArticle';
import { ProblemList } from '../parse/problems';
import { readArticleFile, readArticleFileSync } from '../parse/readArticleFile';
import { scanToList } from '../scan/scanLibrary';
import { walkRoots } from '../scan/walkRoots';
import { LibraryWatcher } from '../watch/LibraryWatcher';
import { type ListFolder, walkArticleFiles } from '../watch/walkArticleFiles';
import { nextChanges } from '../watch/watchTestKit';

let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-round-two-')));
  root = join(base, 'library');
  outside = join(base, 'private');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), '---\ntitle: SECRET private file\n---\n\nprivate text\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('a file swapped for a link after it was listed', () => {
  it('is not read through the link, async or sync', async () => {
    const path = join(root, 'story.md');
    writeFileSync(path, '---\ntitle: A story\n---\n\ntext\n');
    // The walk listed a regular file; then the folder changes under it.
    rmSync(path);
    symlinkSync(join(outside, 'secret.md'), path);
    for (const outcome of [await readArticleFile(path, root), readArticleFileSync(path, root)]) {
      expect(outcome.article).toBeNull();
      expect(outcome.problems).toMatchObject([{ code: 'outside-root', severity: 'error' }]);
      expect(outcome.problems[0]!.message).toContain('outside the library folder');
    }
    // A link that stays inside the library is read as before.
    writeFileSync(join(root, 'real.md'), '---\ntitle: Inside\n---\n\nx\n');
    symlinkSync('real.md', join(root, 'inside-link.md'));
    expect((await readArticleFile(join(root, 'inside-link.md'), root)).article?.title).toBe('Inside');
  });
});

describe('a folder swapped for a link during the walk', () => {
  it('is not entered, and says why', async () => {
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'top.md'), '# top\n');
    writeFileSync(join(root, 'a', 'one.md'), '# one\n');
    writeFileSync(join(root, 'b', 'two.md'), '# two\n');
    const found: string[] = [];
    const problems: Problem[] = [];
    let swapped = false;
    await walkRoots([root], {
      onFile(file) {
        found.push(file.path);
        if (!swapped) {
          // b is queued (listed as a real folder); swap it before the walk enters it.
          swapped = true;
          renameSync(join(root, 'b'), join(base, 'b-moved'));
          symlinkSync(outside, join(root, 'b'));
        }
      },
      onProblem: (p) => problems.push(p),
    });
    expect(swapped).toBe(true);
    expect(found.some((p) => p.endsWith('secret.md'))).toBe(false);
    expect(found).toContain(join(root, 'a', 'one.md'));
    expect(problems).toMatchObject([{ path: join(root, 'b'), code: 'outside-root' }]);
  });
});

describe('a file name that is not UTF-8', () => {
  it('is reported, never read as the file whose name it decodes to', async () => {
    const bad = Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff]), Buffer.from('.md')]);
    writeFileSync(bad, '---\ntitle: Bytes in the name\n---\n\nx\n');
    writeFileSync(join(root, 'bad-\uFFFD.md'), '---\ntitle: The real one\n---\n\ny\n');
    const list = await scanToList([root], { workers: 1 });
    expect(list.articles.map((a) => a.title)).toEqual(['The real one']);
    expect(list.problems).toMatchObject([{ code: 'file-name-encoding', severity: 'warning' }]);
    expect(list.problems[0]!.message).toContain('bad-\\xff.md');
  });
});

describe('one file flooding the problem list', () => {
  it('keeps at most MAX_PROBLEMS_PER_FILE warnings a file, then says how many more', () => {
    const list = new ProblemList('/lib/flood.md');
    for (let i = 0; i < 5_000; i++) list.warn('yaml-syntax', `bad line ${i}`, i + 1);
    list.error('binary', 'an error is always kept');
    expect(list.items).toHaveLength(MAX_PROBLEMS_PER_FILE + 2);
    expect(list.items[MAX_PROBLEMS_PER_FILE]).toMatchObject({
      code: 'more-problems',
      message: expect.stringContaining(`and ${5_000 - MAX_PROBLEMS_PER_FILE} more warnings`),
    });
    expect(list.items.at(-1)).toMatchObject({ code: 'binary', severity: 'error' });
  });

  it('leaves every other file visible in a scan', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `key${i}: [unclosed ${i}`).join('\n');
    writeFileSync(join(root, 'flood.md'), `---\n${lines}\n---\n\nbody\n`);
    writeFileSync(join(root, 'other.md'), '---\ntitle: "unclosed\n---\n\nother\n');
    const list = await scanToList([root], { workers: 1 });
    const flood = list.problems.filter((p) => p.path === join(root, 'flood.md'));
    expect(flood.length).toBeLessThanOrEqual(MAX_PROBLEMS_PER_FILE + 1);
    expect(list.problems.some((p) => p.path === join(root, 'other.md'))).toBe(true);
  });
});

describe('an absurd file time', () => {
  it('dates an undated article 1970 with a problem instead of dropping it', () => {
    const bytes = new TextEncoder().encode('Plain text, no date.\n');
    for (const mtimeMs of [9.000_000_000_000_001e15, -9e15, Number.NaN]) {
      const outcome = parseArticle({
        path: '/lib/old.txt',
        root: '/lib',
        bytes,
        mtimeMs,
        size: bytes.length,
      });
      expect(outcome.article?.date).toBe('1970-01-01T00:00:00.000Z');
      expect(outcome.problems.map((p) => p.code)).toEqual(['file-time-invalid']);
    }
    const fine = parseArticle({
      path: '/lib/ok.txt',
      root: '/lib',
      bytes,
      mtimeMs: 1.6e12,
      size: bytes.length,
    });
    expect(fine.problems).toEqual([]);
  });
});

// The watcher walks folders too (a folder moved in, a polled root): the same rules as the scan.
describe("the watcher's walk", () => {
  const realList: ListFolder = (path) => readdir(path, { withFileTypes: true, encoding: 'buffer' });

  it('does not list a folder swapped for a link before or while it is read, and says why', async () => {
    for (const name of ['a', 'b', 'c']) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, `${name}.md`), `# ${name}\n`);
    }
    const swap = (name: string) => {
      renameSync(join(root, name), join(base, `${name}-moved`));
      symlinkSync(outside, join(root, name));
    };
    const list: ListFolder = async (path) => {
      if (path === join(root, 'c')) swap('c'); // after its check, before its listing
      const entries = await realList(path);
      if (path === root) swap('b'); // listed as a folder, swapped before the walk enters it
      return entries;
    };
    const walk = await walkArticleFiles(root, root, { listFolder: list });
    expect([...walk.files.keys()]).toEqual([join(root, 'a', 'a.md')]);
    expect(walk.problems.map((p) => [p.code, p.path]).sort()).toEqual([
      ['outside-root', join(root, 'b')],
      ['outside-root', join(root, 'c')],
    ]);
  });

  it('does not follow a file swapped for a link after the listing', async () => {
    writeFileSync(join(root, 'story.md'), '# story\n');
    const list: ListFolder = async (path) => {
      const entries = await realList(path);
      rmSync(join(root, 'story.md'));
      symlinkSync(join(outside, 'secret.md'), join(root, 'story.md'));
      return entries;
    };
    expect((await walkArticleFiles(root, root, { listFolder: list })).files.size).toBe(0);
  });

  it('reports a name that is not UTF-8 instead of listing the file it decodes to, scan or watcher alike', async () => {
    const watcher = new LibraryWatcher([root], { polling: true, pollIntervalMs: 100, rootCheckMs: 200 });
    const problems: Problem[] = [];
    watcher.on('problems', (found) => problems.push(...found));
    await watcher.start();
    try {
      const seen = nextChanges(watcher, (c) => c.some((x) => x.path.endsWith('marker.md')));
      writeFileSync(
        Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff]), Buffer.from('.md')]),
        '# x\n',
      );
      writeFileSync(join(root, 'marker.md'), '# marker\n');
      const changes = await seen;
      expect(changes.map((c) => c.path)).toEqual([join(root, 'marker.md')]);
      expect(problems).toMatchObject([{ code: 'file-name-encoding', params: { name: 'bad-\\xff.md' } }]);
      // Walked again at the next poll (the one that finds a second marker): still reported once.
      const again = nextChanges(watcher, (c) => c.some((x) => x.path.endsWith('marker-2.md')));
      writeFileSync(join(root, 'marker-2.md'), '# marker 2\n');
      await again;
    } finally {
      await watcher.close();
    }
    expect(problems).toHaveLength(1);
    const walk = await walkArticleFiles(root, root);
    expect([...walk.files.keys()].sort()).toEqual([join(root, 'marker-2.md'), join(root, 'marker.md')]);
    expect(walk.problems).toMatchObject([{ code: 'file-name-encoding' }]);
  });
});

describe('a local picture swapped for a link after its path was checked', () => {
  it('is not read through the link', async () => {
    // A 1x1 PNG: the bytes of a real picture, inside and outside the library.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    mkdirSync(join(root, 'images'));
    writeFileSync(join(root, 'images', 'a.png'), png);
    writeFileSync(join(outside, 'private.png'), png);
    expect(await readLocalPicture(join(root, 'images', 'a.png'), root)).toMatchObject({ ok: true });
    // The service checked images/a.png's real path; then the folder changed under it.
    rmSync(join(root, 'images'), { recursive: true });
    symlinkSync(outside, join(root, 'images'));
    writeFileSync(join(outside, 'a.png'), png);
    expect(await readLocalPicture(join(root, 'images', 'a.png'), root)).toMatchObject({
      ok: false,
      reason: 'blocked',
    });
  });
});
