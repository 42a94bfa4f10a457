import { describe, expect, it } from 'vitest';
import type { Article, PrefetchStatus } from '../../../shared/types';
import type { PrefetchOptions, PrefetchOutcome } from './ImageService';
import { LibraryPrefetch, type LibraryPrefetchDeps } from './LibraryPrefetch';

function articleWith(id: string, pictures: number): Article {
  const html = Array.from(
    { length: pictures },
    (_, i) => `<img src="https://img.example/${id}/${i}.png">`,
  ).join('');
  return { id, html, images: {} } as unknown as Article;
}

/** A library of `count` articles (a0 newest) with 3 pictures each, and a recording prefetcher. */
function setup(count: number, overrides: Partial<LibraryPrefetchDeps> = {}) {
  const ids = Array.from({ length: count }, (_, i) => `a${i}`);
  const versions = new Map(ids.map((id) => [id, 1]));
  const loaded: string[] = [];
  const fetchedUrls: string[] = [];
  const statuses: PrefetchStatus[] = [];
  let gate: Promise<void> | null = null;
  const world = {
    ids,
    versions,
    loaded,
    fetchedUrls,
    statuses,
    full: false,
    reading: false,
    failOffline: false,
    hold() {
      let open!: () => void;
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      return () => {
        gate = null;
        open();
      };
    },
  };
  const deps: LibraryPrefetchDeps = {
    candidates: () => world.ids,
    versionOf: (id) => versions.get(id),
    loadArticle: async (id) => {
      loaded.push(id);
      return articleWith(id, 3);
    },
    prefetch: async (_id, urls, options: PrefetchOptions): Promise<PrefetchOutcome> => {
      const outcome: PrefetchOutcome = { cached: 0, fetched: 0, failed: 0, retryable: 0, bytes: 0 };
      for (const url of urls) {
        if (options.signal?.aborted) break;
        if (gate) await gate; // a picture in flight: it finishes even when paused meanwhile
        fetchedUrls.push(url);
        if (world.failOffline) {
          outcome.failed++;
          outcome.retryable++;
        } else {
          outcome.fetched++;
          outcome.bytes += 100;
        }
      }
      return outcome;
    },
    cacheFull: () => world.full,
    readingBusy: () => world.reading,
    onStatus: (status) => statuses.push(status),
    sleep: () => new Promise((resolve) => setTimeout(resolve, 1)),
    ...overrides,
  };
  return { world, prefetch: new LibraryPrefetch(deps) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('LibraryPrefetch', () => {
  it('saves every article’s pictures newest first, reports progress, and skips saved ones next time', async () => {
    const { world, prefetch } = setup(5);
    expect(prefetch.currentStatus().state).toBe('off');
    prefetch.configure(true);
    await prefetch.settled();
    expect(world.loaded).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(world.fetchedUrls).toHaveLength(15);
    expect(prefetch.currentStatus()).toMatchObject({
      state: 'done',
      articlesTotal: 5,
      articlesDone: 5,
      picturesFetched: 15,
      bytesFetched: 1500,
    });
    expect(world.statuses.some((s) => s.state === 'running')).toBe(true);
    expect(world.statuses.at(-1)!.state).toBe('done');
    // A later scan lists them again: nothing is loaded twice, except a file that changed.
    world.versions.set('a3', 2);
    prefetch.refresh();
    await tick();
    await prefetch.settled();
    expect(world.loaded.slice(5)).toEqual(['a3']);
    expect(prefetch.currentStatus()).toMatchObject({ articlesDone: 5, articlesTotal: 5 });
    // The cache was cleared: everything is saved again, counted from zero.
    prefetch.forgetDone();
    expect(prefetch.currentStatus()).toMatchObject({ articlesDone: 0, picturesFetched: 0, bytesFetched: 0 });
    await tick();
    await prefetch.settled();
    expect(prefetch.currentStatus()).toMatchObject({ articlesDone: 5, picturesFetched: 15 });
    prefetch.stop();
  });

  it('remembers across a restart which articles are saved, and reads only those that changed', async () => {
    let file = new Map<string, number>();
    const store = {
      load: async () => new Map(file),
      save: async (done: ReadonlyMap<string, number>) => {
        file = new Map(done);
      },
    };
    const first = setup(4, { store });
    first.prefetch.configure(true);
    await first.prefetch.settled();
    await first.prefetch.close();
    expect(file.size).toBe(4);
    const second = setup(4, { store });
    second.world.versions.set('a2', 5);
    second.prefetch.configure(true);
    await tick();
    await second.prefetch.settled();
    expect(second.world.loaded).toEqual(['a2']);
    expect(second.prefetch.currentStatus()).toMatchObject({ state: 'done', articlesDone: 4 });
    await second.prefetch.close();
  });

  it('pauses between pictures and resumes with the article it was on', async () => {
    const { world, prefetch } = setup(3);
    const release = world.hold();
    prefetch.configure(true);
    await tick();
    expect(world.loaded).toEqual(['a0']);
    prefetch.setPaused(true);
    release();
    await tick();
    await prefetch.settled();
    expect(prefetch.currentStatus().state).toBe('paused');
    expect(world.fetchedUrls).toHaveLength(1); // the picture in flight finished; no new one started
    expect(prefetch.currentStatus().articlesDone).toBe(0);
    prefetch.setPaused(false);
    await tick();
    await prefetch.settled();
    expect(world.loaded).toEqual(['a0', 'a0', 'a1', 'a2']);
    expect(prefetch.currentStatus()).toMatchObject({ state: 'done', articlesDone: 3 });
    prefetch.stop();
  });

  it('puts articles the watcher adds first, and counts them', async () => {
    const { world, prefetch } = setup(3);
    const release = world.hold();
    prefetch.configure(true);
    await tick();
    world.ids = ['new', ...world.ids];
    world.versions.set('new', 1);
    prefetch.added(['new']);
    expect(prefetch.currentStatus().articlesTotal).toBe(4);
    release();
    await tick();
    await prefetch.settled();
    expect(world.loaded).toEqual(['a0', 'new', 'a1', 'a2']);
    prefetch.stop();
  });

  it('holds back while the reader waits for a picture, and stops at a full cache until woken', async () => {
    const { world, prefetch } = setup(3);
    world.reading = true;
    prefetch.configure(true);
    await tick();
    await tick();
    expect(world.loaded).toEqual([]);
    world.reading = false;
    world.full = true;
    await tick();
    await prefetch.settled();
    expect(prefetch.currentStatus().state).toBe('cache-full');
    expect(world.loaded).toEqual([]);
    world.full = false;
    prefetch.wake();
    await tick();
    await prefetch.settled();
    expect(world.loaded).toEqual(['a0', 'a1', 'a2']);
    prefetch.stop();
  });

  it('tries an article again later when its pictures failed for want of a network, and stops when off', async () => {
    const { world, prefetch } = setup(2);
    world.failOffline = true;
    prefetch.configure(true);
    await prefetch.settled();
    expect(prefetch.currentStatus()).toMatchObject({ state: 'done', picturesFailed: 6 });
    world.failOffline = false;
    prefetch.refresh();
    await tick();
    await prefetch.settled();
    expect(world.loaded).toEqual(['a0', 'a1', 'a0', 'a1']);
    prefetch.configure(false);
    await tick();
    expect(prefetch.currentStatus()).toMatchObject({ state: 'off', articlesTotal: 0 });
    prefetch.stop();
  });
});
