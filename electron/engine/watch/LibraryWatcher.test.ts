import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryWatcher, type LibraryWatcherOptions } from './LibraryWatcher';
import { hasChange, isMarker, nextChanges, nextEvent, recordChanges, settle } from './watchTestKit';
import type { WatchChange } from './watchTypes';

const STRESS = process.env.BROADSHEET_STRESS === '1';
const BURST = STRESS ? 10_000 : 2_000;

let scratch: string;
let root: string;
let outside: string;
const watchers: LibraryWatcher[] = [];

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'broadsheet-watch-'));
  root = join(scratch, 'library');
  outside = join(scratch, 'elsewhere');
  await mkdir(root);
  await mkdir(outside);
});

afterEach(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.close()));
  await rm(scratch, { recursive: true, force: true });
});

const article = (title: string) => `---\ntitle: ${title}\n---\n\nBody of ${title}.\n`;

/** Per path, how many times each kind of change was reported (markers left out). */
function tally(changes: WatchChange[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const c of changes) {
    if (isMarker(c)) continue;
    byPath.set(c.path, [...(byPath.get(c.path) ?? []), c.type]);
  }
  return byPath;
}

const modes: [string, Partial<LibraryWatcherOptions>][] = [
  ['native watching', { rootCheckMs: 200 }],
  ['polling', { polling: true, pollIntervalMs: 100, rootCheckMs: 200 }],
];

describe.each(modes)('LibraryWatcher with %s', (_mode, modeOptions) => {
  async function startWatcher(options: LibraryWatcherOptions = {}, roots = [root]): Promise<LibraryWatcher> {
    const watcher = new LibraryWatcher(roots, { debounceMs: 50, ...modeOptions, ...options });
    watchers.push(watcher);
    await watcher.start();
    return watcher;
  }

  it('reports an article added, changed and removed, and ignores other and hidden files', async () => {
    const watcher = await startWatcher();
    const log = recordChanges(watcher);
    const file = join(root, 'story.md');

    await writeFile(join(root, 'photo.jpg'), 'not an article');
    await mkdir(join(root, '.git'));
    await writeFile(join(root, '.git', 'notes.md'), article('hidden folder'));
    await writeFile(join(root, '.draft.md'), article('hidden file'));
    await writeFile(file, article('one'));
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map([[file, ['added']]]));

    log.length = 0;
    await writeFile(file, article('one, longer now'));
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map([[file, ['changed']]]));

    log.length = 0;
    await rm(file);
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map([[file, ['removed']]]));
    expect(log.every((c) => c.root === root)).toBe(true);
  });

  it('reports a rename as the old path removed and the new one added', async () => {
    const before = join(root, 'a', 'old name.md');
    await mkdir(join(root, 'a'));
    await writeFile(before, article('renamed'));
    const watcher = await startWatcher();
    const log = recordChanges(watcher);

    const after = join(root, 'a', 'new name.txt');
    await rename(before, after);
    await settle(watcher, root);
    expect(tally(log)).toEqual(
      new Map([
        [before, ['removed']],
        [after, ['added']],
      ]),
    );
  });

  it('reports an editor save-by-rename (temp file renamed over the article) as one change', async () => {
    const file = join(root, 'edited.md');
    await writeFile(file, article('draft'));
    const watcher = await startWatcher();
    const log = recordChanges(watcher);

    const temp = join(root, '.edited.md.swp');
    await writeFile(temp, article('final version, saved'));
    await rename(temp, file);
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map([[file, ['changed']]]));
  });

  it('classifies against the known files it is given', async () => {
    const unchanged = join(root, 'unchanged.md');
    const edited = join(root, 'edited.md');
    await writeFile(unchanged, article('unchanged'));
    await writeFile(edited, article('edited'));
    const known = new Map<string, { mtimeMs: number; size: number }>();
    for (const path of [unchanged, edited]) {
      const s = await stat(path);
      known.set(path, { mtimeMs: s.mtimeMs, size: s.size });
    }
    const watcher = await startWatcher({ known });
    const log = recordChanges(watcher);

    await writeFile(edited, article('edited, with more words'));
    await rm(unchanged);
    await settle(watcher, root);
    expect(tally(log)).toEqual(
      new Map([
        [edited, ['changed']],
        [unchanged, ['removed']],
      ]),
    );
  });

  it('reports nothing for an article created and deleted within one batch', async () => {
    const watcher = await startWatcher({ debounceMs: 300 });
    const log = recordChanges(watcher);
    const fleeting = join(root, 'fleeting.md');
    await writeFile(fleeting, article('gone soon'));
    await rm(fleeting);
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map());
  });

  it(`reports a burst of ${BURST} new articles exactly once each, then their removal exactly once`, async () => {
    await mkdir(join(root, 'existing'));
    const watcher = await startWatcher();
    const log = recordChanges(watcher);
    const paths: string[] = [];
    for (let folder = 0; folder < 20; folder++) {
      // Half the folders exist before the burst; half are created during it, like an unzip.
      const dir = folder < 10 ? join(root, 'existing', `f${folder}`) : join(root, `new-${folder}`);
      await mkdir(dir, { recursive: true });
      for (let i = 0; i < BURST / 20; i++) paths.push(join(dir, `article-${i}.md`));
    }
    for (let i = 0; i < paths.length; i += 100) {
      await Promise.all(paths.slice(i, i + 100).map((p, j) => writeFile(p, article(`burst ${i + j}`))));
    }
    await nextChanges(watcher, () => tally(log).size >= BURST, 60_000);
    await settle(watcher, root, 30_000);
    const added = tally(log);
    expect(added.size).toBe(BURST);
    expect([...added.values()].every((types) => types.length === 1 && types[0] === 'added')).toBe(true);

    log.length = 0;
    await rm(join(root, 'existing'), { recursive: true });
    for (let folder = 10; folder < 20; folder++) await rm(join(root, `new-${folder}`), { recursive: true });
    await settle(watcher, root, 30_000);
    const removed = tally(log);
    expect(removed.size).toBe(BURST);
    expect([...removed.values()].every((types) => types.length === 1 && types[0] === 'removed')).toBe(true);
  });

  it('reports the articles of a folder moved in, and files written later into its subfolders', async () => {
    const watcher = await startWatcher();
    const log = recordChanges(watcher);
    const incoming = join(outside, 'incoming');
    await mkdir(join(incoming, 'deep', 'deeper'), { recursive: true });
    await writeFile(join(incoming, 'top.md'), article('top'));
    await writeFile(join(incoming, 'deep', 'deeper', 'bottom.html'), '<h1>bottom</h1>');
    await writeFile(join(incoming, 'deep', 'ignored.png'), 'png');

    const moved = join(root, 'incoming');
    await rename(incoming, moved);
    await settle(watcher, root);
    expect(tally(log)).toEqual(
      new Map([
        [join(moved, 'top.md'), ['added']],
        [join(moved, 'deep', 'deeper', 'bottom.html'), ['added']],
      ]),
    );

    log.length = 0;
    const later = join(moved, 'deep', 'deeper', 'later.md');
    await writeFile(later, article('written after the move'));
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map([[later, ['added']]]));
  });

  it('reports every article of a folder moved out as removed', async () => {
    await mkdir(join(root, 'section', 'sub'), { recursive: true });
    const files = [join(root, 'section', 'a.md'), join(root, 'section', 'sub', 'b.md')];
    for (const f of files) await writeFile(f, article(f));
    const stays = join(root, 'stays.md');
    await writeFile(stays, article('stays'));
    const watcher = await startWatcher();
    const log = recordChanges(watcher);

    await rename(join(root, 'section'), join(outside, 'section'));
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map(files.map((f) => [f, ['removed']])));
  });

  it('reports a deleted root as missing without removals, and what is there when it comes back', async () => {
    const kept = join(root, 'kept.md');
    const lost = join(root, 'lost.md');
    await writeFile(kept, article('kept'));
    await writeFile(lost, article('lost'));
    const watcher = await startWatcher();
    const log = recordChanges(watcher);

    const missing = nextEvent(watcher, 'root-missing');
    await rm(root, { recursive: true });
    expect(await missing).toEqual([root]);

    // Comes back (a remount, a restore from backup) with one file gone and one new.
    const backup = join(outside, 'backup');
    await mkdir(backup);
    await writeFile(join(backup, 'kept.md'), article('kept'));
    await writeFile(join(backup, 'new.md'), article('new'));
    const restored = nextEvent(watcher, 'root-restored');
    await rename(backup, root);
    const [restoredRoot, changes] = await restored;
    expect(restoredRoot).toBe(root);
    expect(tally(changes)).toEqual(
      new Map([
        [kept, ['changed']],
        [lost, ['removed']],
        [join(root, 'new.md'), ['added']],
      ]),
    );
    // Removals of the deleted root's files were never reported as changes.
    expect(log.filter((c) => c.type === 'removed')).toEqual([]);

    // And it is watched again.
    const after = join(root, 'after.md');
    const seen = nextChanges(watcher, hasChange('added', after));
    await writeFile(after, article('after'));
    await seen;
  });

  it('reports a root that is missing at start, and follows it once it appears', async () => {
    const later = join(scratch, 'not-yet');
    const watcher = new LibraryWatcher([later], { debounceMs: 50, ...modeOptions });
    watchers.push(watcher);
    const missing = nextEvent(watcher, 'root-missing');
    await watcher.start();
    expect(await missing).toEqual([later]);

    const restored = nextEvent(watcher, 'root-restored');
    const staging = join(outside, 'staging');
    await mkdir(staging);
    await writeFile(join(staging, 'first.md'), article('first'));
    await rename(staging, later);
    const [, changes] = await restored;
    expect(changes).toEqual([{ type: 'added', path: join(later, 'first.md'), root: later }]);
  });

  it('adds and removes roots while running', async () => {
    const second = join(scratch, 'second');
    await mkdir(second);
    const watcher = await startWatcher();
    await watcher.addRoot(second);
    const log = recordChanges(watcher);

    const file = join(second, 'two.md');
    await writeFile(file, article('two'));
    await settle(watcher, second);
    expect(log.filter((c) => !isMarker(c))).toEqual([{ type: 'added', path: file, root: second }]);

    await watcher.removeRoot(second);
    log.length = 0;
    await writeFile(join(second, 'unwatched.md'), article('unwatched'));
    await settle(watcher, root);
    expect(tally(log)).toEqual(new Map());
  });
});

describe('LibraryWatcher when the system refuses to watch more folders', () => {
  const refuse = async () => {
    throw new Error(`inotify_add_watch on '${root}' failed: No space left on device`);
  };

  it('warns with what to do and falls back to polling that root', async () => {
    const watcher = new LibraryWatcher([root], { debounceMs: 50, pollIntervalMs: 100, subscribe: refuse });
    watchers.push(watcher);
    const warning = nextEvent(watcher, 'warning');
    await watcher.start();
    const [{ root: warnedRoot, message }] = await warning;
    expect(warnedRoot).toBe(root);
    expect(message).toContain('fs.inotify.max_user_watches');
    expect(message).toContain('every 0.1 seconds');
    expect(message).toContain('sysctl');

    const file = join(root, 'polled.md');
    const seen = nextChanges(watcher, hasChange('added', file));
    await writeFile(file, article('polled'));
    expect(await seen).toEqual([{ type: 'added', path: file, root }]);
  });

  it('falls back when the limit is hit after watching started', async () => {
    let fail: ((error: Error) => void) | undefined;
    const failing = async (dir: string, callback: (error: Error | null, events: []) => unknown) => {
      fail = (error) => callback(error, []);
      return { unsubscribe: async () => undefined, dir };
    };
    const watcher = new LibraryWatcher([root], { debounceMs: 50, pollIntervalMs: 100, subscribe: failing });
    watchers.push(watcher);
    await watcher.start();
    const warning = nextEvent(watcher, 'warning');
    const file = join(root, 'written-while-failing.md');
    await writeFile(file, article('missed by the native watcher'));
    const seen = nextChanges(watcher, hasChange('added', file));
    fail?.(new Error('Unable to initialize inotify: Too many open files'));
    const [{ message }] = await warning;
    expect(message).toContain('fs.inotify.max_user_instances');
    await seen;
  });
});
