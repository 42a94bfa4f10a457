import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../../shared/contract';
import { LIBRARY_DB_FILE } from '../db/LibraryDb';
import { copyArchive, LIBRARY_ARCHIVE } from '../testing/seeds';
import { Library, type LibraryOptions } from './Library';

const SEED_0 = join('sina', '000_9fc613d590d79208.txt');
const SEED_1 = join('sina', '001_c6695ae4905b6fb4.txt');

let work: string;
let archive: string;
let dataDir: string;
const open: Library[] = [];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'bs-library-'));
  archive = join(work, 'archive');
  dataDir = join(work, 'data');
  copyArchive(LIBRARY_ARCHIVE, archive);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
  await rm(work, { recursive: true, force: true });
});

async function openLib(options: Partial<LibraryOptions> = {}): Promise<Library> {
  const library = await Library.open({ dataDir, roots: [archive], watch: false, ...options });
  open.push(library);
  await library.whenIdle();
  return library;
}

async function reopen(library: Library, options: Partial<LibraryOptions> = {}): Promise<Library> {
  await library.close();
  open.splice(open.indexOf(library), 1);
  return openLib(options);
}

function nextEvent(library: Library, predicate: (e: LibraryEvent) => boolean, timeoutMs = 10_000) {
  return new Promise<LibraryEvent>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for a library event'));
    }, timeoutMs);
    const off = library.onEvent((e) => {
      if (predicate(e)) {
        clearTimeout(timer);
        off();
        resolve(e);
      }
    });
  });
}

const byPath = (library: Library, rel: string) =>
  library.articles().find((a) => a.path === join(archive, rel));

describe('Library', () => {
  it('lists every article newest first and keeps the two same-titled seeds apart', async () => {
    const library = await openLib({ database: 'memory' });
    const list = library.articles();
    expect(list).toHaveLength(4);
    const dates = list.map((a) => a.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const s0 = byPath(library, SEED_0)!;
    const s1 = byPath(library, SEED_1)!;
    expect(s0.title).toBe(s1.title);
    expect(s0.id).not.toBe(s1.id);
    expect(s0.contentHash).not.toBe(s1.contentHash);
    const article = await library.call('getArticle', s0.id);
    expect(article?.text).toContain('金边');
  });

  it('searches Chinese runs and English words across the archive', async () => {
    const library = await openLib({ database: 'memory' });
    expect((await library.call('search', { text: '拉夫罗夫' })).total).toBe(2);
    expect((await library.call('search', { text: '金边' })).matches.map((m) => m.path)).toEqual([
      join(archive, SEED_0),
    ]);
    expect((await library.call('search', { text: 'lavrov' })).total).toBeGreaterThanOrEqual(1);
    expect((await library.call('search', { text: 'nonexistentword' })).total).toBe(0);
  });

  it('keeps a star across restarts, renames and deletions, never on the same-titled twin', async () => {
    let library = await openLib({ database: 'memory' });
    const s0 = byPath(library, SEED_0)!;
    await library.call('setStarred', s0.id, true);
    expect((await library.call('search', { text: '拉夫罗夫', filters: { starredOnly: true } })).total).toBe(
      1,
    );

    library = await reopen(library, { database: 'memory' });
    expect((await library.call('getSnapshot')).starred).toMatchObject([{ id: s0.id, missing: false }]);

    await rename(join(archive, SEED_0), join(archive, 'moved.txt'));
    library = await reopen(library, { database: 'memory' });
    const moved = byPath(library, 'moved.txt')!;
    expect((await library.call('getSnapshot')).starred).toMatchObject([
      { id: moved.id, path: moved.path, missing: false },
    ]);
    expect((await library.call('getSnapshot')).starred[0]?.id).not.toBe(byPath(library, SEED_1)!.id);

    await rename(join(archive, 'moved.txt'), join(work, 'outside.txt'));
    library = await reopen(library, { database: 'memory' });
    expect((await library.call('getSnapshot')).starred).toMatchObject([{ missing: true }]);

    await rename(join(work, 'outside.txt'), join(archive, SEED_0));
    library = await reopen(library, { database: 'memory' });
    expect((await library.call('getSnapshot')).starred).toMatchObject([{ id: s0.id, missing: false }]);
  }, 90_000); // five opens: slow when the shared machine is loaded

  it('starts warm from its database without re-parsing unchanged files, and notices changes', async () => {
    let library = await openLib();
    expect(library.scanStats.parsed).toBe(4);
    // The list keeps summaries: not the text, nor what the parse workers made of it for the database.
    for (const a of library.articles()) {
      expect(a).not.toHaveProperty('text');
      expect(a).not.toHaveProperty('prepared');
      expect(a).not.toHaveProperty('problems');
    }
    library = await reopen(library);
    expect(library.scanStats).toEqual({ parsed: 0, unchanged: 4 });
    expect((await library.call('search', { text: '金边' })).total).toBe(1);

    await writeFile(
      join(archive, SEED_0),
      '---\ntitle: Replaced\ndate: 2030-01-01\n---\n<p>new body 新内容</p>\n',
    );
    await rm(join(archive, SEED_1));
    library = await reopen(library);
    expect(library.scanStats).toEqual({ parsed: 1, unchanged: 2 });
    expect(library.articles()).toHaveLength(3);
    expect(library.articles()[0]?.title).toBe('Replaced');
    expect((await library.call('search', { text: '金边' })).total).toBe(0);
    expect((await library.call('search', { text: '新内容' })).total).toBe(1);
  });

  it('sends the window only what its list needs of each article', async () => {
    const library = await openLib({ database: 'memory' });
    const listed = (await library.call('getSnapshot')).articles;
    expect(listed).toHaveLength(4);
    for (const a of listed) {
      expect(
        Object.keys(a)
          .filter((k) => k !== 'author')
          .sort(),
      ).toEqual(['categories', 'contentHash', 'date', 'folder', 'id', 'mtimeMs', 'title'].sort());
    }
    // The folder is a number in the table beside the list, not a path per article.
    const { folders } = await library.call('getSnapshot');
    expect(listed.map((a) => folders[a.folder!]?.root)).toEqual(listed.map(() => archive));
    // The full summary (path, excerpt, images…) stays in the engine.
    expect(library.findArticle(listed[0]!.id)?.path).toMatch(/^\//);
  });

  it('still lists the problems of a degraded article after warm starts, from the database', async () => {
    // Front matter that never closes: the article is listed, with a problem saying why.
    await writeFile(join(archive, 'unclosed.md'), '---\ntitle: Half open\n\nThe body goes on.\n');
    let library = await openLib();
    const problemsOf = async (l: Library) =>
      (await l.call('getSnapshot')).problems.filter((p) => p.path === join(archive, 'unclosed.md'));
    expect(await problemsOf(library)).toHaveLength(1);
    const problem = (await problemsOf(library))[0];
    expect(byPath(library, 'unclosed.md')?.degraded).toBe(true);
    library = await reopen(library);
    expect(library.scanStats).toEqual({ parsed: 0, unchanged: 5 });
    expect(await problemsOf(library)).toEqual([problem]);
    // the summary the engine hands out is a summary, not the database's record with its problems
    expect(byPath(library, 'unclosed.md')).not.toHaveProperty('problems');
    library = await reopen(library);
    expect(library.scanStats).toEqual({ parsed: 0, unchanged: 5 });
    expect(await problemsOf(library)).toEqual([problem]);

    await writeFile(join(archive, 'unclosed.md'), '---\ntitle: Closed now\n---\n\nThe body goes on.\n');
    library = await reopen(library);
    expect(library.scanStats).toEqual({ parsed: 1, unchanged: 4 });
    expect(await problemsOf(library)).toEqual([]);
    expect(byPath(library, 'unclosed.md')?.degraded).toBe(false);
  });

  it('keeps what changes while it starts, and linked articles the watcher does not follow', async () => {
    await mkdir(join(archive, 'linked'));
    await symlink(join(archive, SEED_0), join(archive, 'linked', 'alias.txt'));
    const library = await Library.open({ dataDir, roots: [archive], watch: true, database: 'memory' });
    open.push(library);
    // Written and deleted while the watcher subscribes, takes its baseline and the scan runs.
    await writeFile(join(archive, 'late.md'), '---\ntitle: Late arrival\n---\nBody\n');
    await rm(join(archive, SEED_1));
    await library.whenIdle();
    const settled = async () => {
      const paths = library.articles().map((a) => a.path);
      return paths.includes(join(archive, 'late.md')) && !paths.includes(join(archive, SEED_1));
    };
    while (!(await settled())) await nextEvent(library, (e) => e.type.startsWith('articles-'));
    const paths = library.articles().map((a) => a.path);
    expect(paths.filter((p) => p === join(archive, 'late.md'))).toHaveLength(1);
    // The reconciliation after startup must not drop the link (it is not in the watcher's view).
    expect(paths).toContain(join(archive, 'linked', 'alias.txt'));
  });

  it('lists the headlines of its database as soon as it opens, and answers a search at once', async () => {
    await (await openLib()).close();
    open.splice(0);
    const events: LibraryEvent[] = [];
    const library = await Library.open(
      {
        dataDir,
        roots: [archive],
        watch: true,
      },
      (e) => events.push(e),
    );
    open.push(library);
    // Open, but not finished: the first event already listed every article of the database.
    expect(events[0]).toMatchObject({ type: 'articles-upserted' });
    expect((events[0] as { articles: unknown[] }).articles).toHaveLength(4);
    expect((await library.call('getSnapshot')).articles).toHaveLength(4);
    expect((await library.call('getSnapshot')).progress.done).toBe(false);
    const result = await library.call('search', { text: '金边' });
    expect(result.total).toBe(1);
    await library.whenIdle();
    expect(library.scanStats).toEqual({ parsed: 0, unchanged: 4 });
    expect((await library.call('getSnapshot')).progress.done).toBe(true);
  });

  it('keeps a damaged database aside, says so, and rebuilds it from the files; stars stay', async () => {
    let library = await openLib();
    const s0 = byPath(library, SEED_0)!;
    await library.call('setStarred', s0.id, true);
    await library.close();
    open.splice(open.indexOf(library), 1);
    const file = join(dataDir, LIBRARY_DB_FILE);
    await rm(`${file}-wal`, { force: true });
    await rm(`${file}-shm`, { force: true });
    const bytes = await readFile(file);
    // Scribble over everything after SQLite's header page: the tables are gone.
    bytes.fill(0x5a, 100, bytes.length);
    await writeFile(file, bytes);
    library = await openLib();
    expect(library.scanStats).toEqual({ parsed: 4, unchanged: 0 });
    expect(library.articles()).toHaveLength(4);
    expect((await library.call('search', { text: '金边' })).total).toBe(1);
    const snapshot = await library.call('getSnapshot');
    const aside = (await readdir(dataDir)).filter((name) => name.startsWith(`${LIBRARY_DB_FILE}.damaged-`));
    expect(aside).toHaveLength(1);
    expect(snapshot.problems.some((p) => p.message.includes(aside[0]!))).toBe(true);
    expect(snapshot.starred).toMatchObject([{ id: s0.id, missing: false }]);
    library = await reopen(library);
    expect(library.scanStats).toEqual({ parsed: 0, unchanged: 4 });
  });

  it('parses every file again when the zone for zone-less dates changes, and starts warm after', async () => {
    let library = await openLib();
    await library.call('updateSettings', { dateTimeZone: 'Asia/Shanghai' });
    await library.whenIdle();
    expect(library.scanStats.parsed).toBe(8);
    library = await reopen(library);
    expect(library.scanStats).toEqual({ parsed: 0, unchanged: 4 });
    expect((await library.call('search', { text: '金边' })).total).toBe(1);
  });

  it('lists a broken file as a problem without hiding the others', async () => {
    await writeFile(join(archive, 'broken.md'), '---\ntitle: [unclosed\n---\nbody\n');
    await writeFile(join(archive, 'binary.md'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const library = await openLib({ database: 'memory' });
    const problems = (await library.call('getSnapshot')).problems.map((p) => p.path);
    expect(problems).toContain(join(archive, 'broken.md'));
    expect(problems).toContain(join(archive, 'binary.md'));
    expect(library.articles().length).toBeGreaterThanOrEqual(4);
  });

  it('adds and removes folders, refusing what is not a new folder', async () => {
    const library = await openLib({ database: 'memory' });
    const result = await library.call('addFolders', [
      join(work, 'nope'),
      join(archive, SEED_0),
      join(archive, 'sina'),
      'relative',
    ]);
    expect(result.added).toEqual([]);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'This folder does not exist.',
      `This is a file, not a folder. To add the folder that holds it, type ${dirname(join(archive, SEED_0))}`,
      `This folder is already in the library as part of ${archive}.`,
      'Not an absolute path to a folder.',
    ]);
    const s0 = byPath(library, SEED_0)!;
    await library.call('setStarred', s0.id, true);
    await library.call('removeFolder', archive);
    expect(library.articles()).toHaveLength(0);
    expect((await library.call('getSnapshot')).starred).toMatchObject([{ id: s0.id, missing: true }]);
  });

  it('follows the folder live: a new file is listed and findable', async () => {
    const library = await openLib({ database: 'memory', watch: true });
    const added = nextEvent(library, (e) => e.type === 'articles-upserted');
    await writeFile(
      join(archive, 'fresh.md'),
      '---\ntitle: Fresh news 央行\ndate: 2031-05-05 10:00:00\n---\nHello\n',
    );
    await added;
    expect(library.articles()[0]?.title).toBe('Fresh news 央行');
    expect((await library.call('search', { text: '央行' })).total).toBe(1);
    const removed = nextEvent(library, (e) => e.type === 'articles-removed');
    await rm(join(archive, 'fresh.md'));
    await removed;
    expect((await library.call('search', { text: '央行' })).total).toBe(0);
  });
});
