// Follows the library's roots on disk and reports article files added, changed and removed, in
// batches. Built on @parcel/watcher (one inotify watch per folder, native thread, no per-file cost).
//
// How it stays correct under bursts: events only mark paths as dirty. After a short batch window
// each dirty path is looked at on disk once and compared with the known set (classifyBatch), so
// however many events a path had, it is reported at most once per batch, and a later event for a
// file already reported with the same stat reports nothing. All work that reads or updates the
// known set (batches, polls, restores, root setup) runs one task at a time on a queue.
//
// Over 400 lines for one job: each root's life (subscribed, polling, missing, restored) and the
// batches share that queue and the roots' state, so they stay in one class; the rules are pure
// beside it (classifyBatch, watchedPaths, watchFailure) and the look at the disk is observePath.

import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import parcel from '@parcel/watcher';
import type { Problem } from '../../../shared/types';
import { mapLimit } from '../common/mapLimit';
import { isInsideFolder } from '../common/pathContainment';
import {
  applyDeltas,
  type Classified,
  classifyBatch,
  type Delta,
  type Observation,
  type ObservedPath,
} from './classifyBatch';
import type { FileStat } from './fileStat';
import { isFolder, observe } from './observePath';
import { walkArticleFiles } from './walkArticleFiles';
import { isVisibleInside } from './watchedPaths';
import { pollingFallbackMessage, watchFailureKind } from './watchFailure';
import type { LibraryWatcherEvents } from './watchTypes';

export type { WatchChange } from './watchTypes';

export type SubscribeFn = (
  dir: string,
  callback: parcel.SubscribeCallback,
  options?: parcel.Options,
) => Promise<parcel.AsyncSubscription>;

export interface LibraryWatcherOptions {
  /** Files the library already knows (path -> mtimeMs/size) so events classify correctly. */
  known?: ReadonlyMap<string, FileStat>;
  /** Batch window: events within it are reported together. Default 100 ms. */
  debounceMs?: number;
  /** Check every root by walking it instead of native watching (network drives, tests). */
  polling?: boolean;
  /** How often a polled root is walked. Default 3 s. */
  pollIntervalMs?: number;
  /** How often every root is checked for having disappeared or come back. Default 1 s. */
  rootCheckMs?: number;
  /** Replaces @parcel/watcher's subscribe (tests use it to simulate the system's watch limits). */
  subscribe?: SubscribeFn;
}

interface RootState {
  path: string;
  mode: 'native' | 'polling';
  status: 'starting' | 'watching' | 'missing';
  /** Subscriptions whose events are still accepted, by generation (two overlap during a rewatch). */
  live: Set<number>;
  subscriptions: Map<number, parcel.AsyncSubscription>;
  generation: number;
  pollTimer: NodeJS.Timeout | null;
}

interface PendingPath {
  root: string;
  sawDelete: boolean;
}

const HIDDEN = '**/.*';
const OBSERVATIONS_IN_FLIGHT = 32;
/** A file modified again and again (or dated in the future) is reported after this many batches anyway. */
const MAX_DEFERRALS = 20;
/** A file modified this recently is probably still being written. */
const RECENT_WRITE_MS = 50;
const EMPTY_FILE_SETTLE_MS = 1000;

export class LibraryWatcher extends EventEmitter<LibraryWatcherEvents> {
  private readonly roots = new Map<string, RootState>();
  private readonly known: Map<string, FileStat>;
  private readonly reportedProblems = new Set<string>();
  private readonly debounceMs: number;
  private readonly pollIntervalMs: number;
  private readonly rootCheckMs: number;
  private readonly forcePolling: boolean;
  private readonly subscribeFn: SubscribeFn;

  private pending = new Map<string, PendingPath>();
  /** How many batches in a row each file was held back as still being written. */
  private readonly deferrals = new Map<string, number>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushQueued = false;
  private rootCheckTimer: NodeJS.Timeout | null = null;
  private rootCheckQueued = false;
  private queue: Promise<void> = Promise.resolve();
  private started = false;
  private closed = false;

  constructor(roots: string[], options: LibraryWatcherOptions = {}) {
    super();
    this.known = new Map(options.known ?? []);
    this.debounceMs = options.debounceMs ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 3000;
    this.rootCheckMs = options.rootCheckMs ?? 1000;
    this.forcePolling = options.polling ?? false;
    this.subscribeFn = options.subscribe ?? parcel.subscribe;
    for (const root of roots) this.addState(resolve(root));
  }

  /**
   * Resolves once every root is watched (or known to be missing) and its baseline is taken.
   * `onSubscribed` runs earlier, as soon as every root is subscribed: from then on every change is
   * either reported or in the baseline (see filesUnder), so a scan may start while the baseline
   * walk still runs.
   */
  async start(options: { onSubscribed?: () => void } = {}): Promise<void> {
    if (this.started || this.closed) {
      options.onSubscribed?.();
      return;
    }
    this.started = true;
    const states = [...this.roots.values()];
    let waiting = states.length;
    const subscribed = () => {
      if (--waiting === 0) options.onSubscribed?.();
    };
    if (waiting === 0) options.onSubscribed?.();
    await this.enqueue(async () => {
      await Promise.all(states.map((state) => this.setUpRoot(state, subscribed)));
    });
    this.rootCheckTimer = setInterval(() => this.checkRootsSoon(), this.rootCheckMs);
    this.rootCheckTimer.unref();
  }

  async addRoot(root: string): Promise<void> {
    const path = resolve(root);
    if (this.roots.has(path) || this.closed) return;
    const state = this.addState(path);
    if (this.started) await this.enqueue(() => this.setUpRoot(state));
  }

  /** Stops watching the root and forgets its files (no removals are reported). */
  async removeRoot(root: string): Promise<void> {
    const path = resolve(root);
    const state = this.roots.get(path);
    if (!state) return;
    this.roots.delete(path);
    this.stopPolling(state);
    this.dropPending(path);
    await this.enqueue(async () => {
      await this.retire(state);
      for (const file of [...this.known.keys()]) if (isInsideFolder(file, path)) this.known.delete(file);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.rootCheckTimer) clearInterval(this.rootCheckTimer);
    for (const state of this.roots.values()) this.stopPolling(state);
    await this.queue;
    await Promise.all([...this.roots.values()].map((state) => this.retire(state)));
  }

  // ---- setting roots up ----------------------------------------------------------------------

  private addState(path: string): RootState {
    const state: RootState = {
      path,
      mode: this.forcePolling ? 'polling' : 'native',
      status: 'starting',
      live: new Set(),
      subscriptions: new Map(),
      generation: 0,
      pollTimer: null,
    };
    this.roots.set(path, state);
    return state;
  }

  private async setUpRoot(state: RootState, onSubscribed?: () => void): Promise<void> {
    if (!(await isFolder(state.path))) {
      this.markMissing(state);
      onSubscribed?.();
      return;
    }
    await this.watch(state);
    onSubscribed?.();
    let files: Map<string, FileStat>;
    try {
      // The baseline: what is on disk now. Stats the caller already has are reused, so startup with
      // a warm cache costs only the directory reads. Later events are differences from this.
      files = (await walkArticleFiles(state.path, state.path, { reuse: this.known })).files;
    } catch {
      this.markMissing(state);
      return;
    }
    for (const path of this.knownUnder(state.path)) if (!files.has(path)) this.known.delete(path);
    for (const [path, fileStat] of files) this.known.set(path, fileStat);
    state.status = 'watching';
    if (state.mode === 'polling') this.schedulePoll(state);
  }

  /** Subscribes natively; on failure switches the root to polling with a warning. */
  private async watch(state: RootState): Promise<void> {
    if (state.mode === 'polling') return;
    const generation = ++state.generation;
    state.live.add(generation);
    try {
      const subscription = await this.subscribeFn(
        state.path,
        (error, events) => this.onEvents(state, generation, error, events),
        { ignore: [HIDDEN] },
      );
      if (state.live.has(generation)) state.subscriptions.set(generation, subscription);
      else await subscription.unsubscribe().catch(() => undefined);
    } catch (error) {
      state.live.delete(generation);
      if (await isFolder(state.path)) await this.fallBackToPolling(state, error);
    }
  }

  private async fallBackToPolling(state: RootState, error: unknown): Promise<void> {
    state.mode = 'polling';
    await this.retire(state);
    this.emit('warning', {
      root: state.path,
      message: pollingFallbackMessage(state.path, error, this.pollIntervalMs),
    });
  }

  /**
   * Drops the root's subscription and makes a fresh one. The old one must go first: parcel's
   * inotify watches are per folder and shared, so unsubscribing after would remove the new
   * watcher's watches too. The caller re-checks the root for changes made in between.
   */
  private async rewatch(state: RootState): Promise<void> {
    await this.retire(state);
    await this.watch(state);
  }

  private async retire(state: RootState, generations: number[] = [...state.live]): Promise<void> {
    await Promise.all(
      generations.map(async (generation) => {
        state.live.delete(generation);
        const subscription = state.subscriptions.get(generation);
        state.subscriptions.delete(generation);
        // Unsubscribing a root that was deleted or unmounted may fail; it is gone either way.
        await subscription?.unsubscribe().catch(() => undefined);
      }),
    );
  }

  // ---- native events -------------------------------------------------------------------------

  private onEvents(state: RootState, generation: number, error: Error | null, events: parcel.Event[]): void {
    if (this.closed || !state.live.has(generation) || this.roots.get(state.path) !== state) return;
    if (error) {
      void this.enqueue(() => this.onWatchError(state, error));
      return;
    }
    for (const event of events) {
      if (event.path === state.path) {
        this.checkRootsSoon();
        continue;
      }
      if (!isVisibleInside(state.path, event.path)) continue;
      let pending = this.pending.get(event.path);
      if (!pending) {
        pending = { root: state.path, sawDelete: false };
        this.pending.set(event.path, pending);
      }
      if (event.type === 'delete') pending.sawDelete = true;
    }
    this.scheduleFlush();
  }

  private async onWatchError(state: RootState, error: Error): Promise<void> {
    if (this.roots.get(state.path) !== state || state.status !== 'watching' || state.mode !== 'native')
      return;
    if (!(await isFolder(state.path))) {
      this.markMissing(state);
      return;
    }
    if (watchFailureKind(error) === 'other') {
      // Events may have been lost (e.g. the kernel's event queue overflowed): re-check the folder.
      this.emit('warning', {
        root: state.path,
        message: `Watching ${state.path} reported a problem (${error.message}); Broadsheet re-checks the folder.`,
      });
    } else {
      await this.fallBackToPolling(state, error);
    }
    await this.resync(state);
    if (isWatching(state) && isPolling(state)) this.schedulePoll(state);
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.flushQueued || this.closed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flushQueued = true;
      void this.enqueue(() => this.flush());
    }, this.debounceMs);
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending;
    this.pending = new Map();
    const byRoot = new Map<string, [string, PendingPath][]>();
    for (const entry of batch) {
      const list = byRoot.get(entry[1].root);
      if (list) list.push(entry);
      else byRoot.set(entry[1].root, [entry]);
    }
    const deltas: Delta[] = [];
    const movedIn = new Set<RootState>();
    for (const [root, entries] of byRoot) {
      const state = this.roots.get(root);
      if (state?.status !== 'watching') continue;
      const looks = await mapLimit(entries, OBSERVATIONS_IN_FLIGHT, ([path]) => observe(root, path));
      this.reportProblems(looks.flatMap((look) => look.problems ?? []));
      // A root that vanished while we looked (deleted, unmounted) goes missing, file removals unsaid.
      if (!(await isFolder(root))) {
        this.markMissing(state);
        continue;
      }
      const observed = new Map<string, ObservedPath>();
      entries.forEach(([path, { sawDelete }], i) => {
        const look = looks[i]!;
        observed.set(path, { root, sawDelete, observation: look.observation });
        if (look.nested) movedIn.add(state);
      });
      const classified = this.settle(observed, true);
      deltas.push(...classified.deltas);
      for (const path of classified.deferred) {
        if (!this.pending.has(path))
          this.pending.set(path, { root, sawDelete: batch.get(path)?.sawDelete ?? false });
      }
    }
    this.emitChanges(deltas);
    if (this.pending.size > 0) this.scheduleFlush();
    // Parcel watches a folder moved in but not the folders inside it: watch the root afresh, then
    // compare the whole root, for files written while no watcher was there. Rare (a folder tree
    // dragged in), and the walk is asynchronous.
    for (const state of movedIn) {
      if (state.mode !== 'native' || state.status !== 'watching') continue;
      await this.rewatch(state);
      await this.resync(state);
      if (isWatching(state) && isPolling(state)) this.schedulePoll(state);
    }
  }

  /**
   * Classifies, updates the known set, and returns what to report. With `defer`, files modified
   * in the last RECENT_WRITE_MS (empty ones: EMPTY_FILE_SETTLE_MS) are held back, up to
   * MAX_DEFERRALS times: they are most likely still being written, and reporting them now would
   * report them twice.
   */
  private settle(observed: ReadonlyMap<string, ObservedPath>, defer = false): Classified {
    const now = Date.now();
    const isSettling = (path: string, stat: FileStat) => {
      if (!defer) return false;
      // An empty file is usually one just created whose content is not written yet (a busy disk
      // can take a while between the two): it gets longer to fill than a file that has content.
      const age = now - stat.mtimeMs;
      if (age >= (stat.size === 0 ? EMPTY_FILE_SETTLE_MS : RECENT_WRITE_MS)) return false;
      const count = this.deferrals.get(path) ?? 0;
      if (count >= MAX_DEFERRALS) return false;
      this.deferrals.set(path, count + 1);
      return true;
    };
    const classified = classifyBatch(observed, this.known, isSettling);
    applyDeltas(this.known, classified.deltas);
    const held = new Set(classified.deferred);
    for (const { change } of classified.deltas) this.deferrals.delete(change.path);
    for (const path of observed.keys()) if (!held.has(path)) this.deferrals.delete(path);
    return classified;
  }

  private emitChanges(deltas: readonly Delta[]): void {
    if (deltas.length > 0 && !this.closed)
      this.emit(
        'changes',
        deltas.map((d) => d.change),
      );
  }

  // ---- whole-root diffs: polling, resync, restore ------------------------------------------------

  /**
   * Walks the root and compares it with the known set; null when the root is gone. With `defer`,
   * files still being written are left for the next poll.
   */
  private async diffRoot(state: RootState, defer = false): Promise<Delta[] | null> {
    let files: Map<string, FileStat>;
    try {
      const walk = await walkArticleFiles(state.path, state.path);
      files = walk.files;
      this.reportProblems(walk.problems);
    } catch {
      return null;
    }
    if (!(await isFolder(state.path))) return null;
    const observation: Observation = { kind: 'folder', files };
    return this.settle(new Map([[state.path, { root: state.path, sawDelete: false, observation }]]), defer)
      .deltas;
  }

  private async resync(state: RootState, defer = false): Promise<void> {
    const deltas = await this.diffRoot(state, defer);
    if (deltas) this.emitChanges(deltas);
    else this.markMissing(state);
  }

  private schedulePoll(state: RootState): void {
    this.stopPolling(state);
    if (this.closed) return;
    state.pollTimer = setTimeout(() => {
      state.pollTimer = null;
      void this.enqueue(() => this.poll(state));
    }, this.pollIntervalMs);
    state.pollTimer.unref();
  }

  private stopPolling(state: RootState): void {
    if (state.pollTimer) clearTimeout(state.pollTimer);
    state.pollTimer = null;
  }

  private async poll(state: RootState): Promise<void> {
    if (this.roots.get(state.path) !== state || state.status !== 'watching') return;
    await this.resync(state, true);
    if (state.status === 'watching') this.schedulePoll(state);
  }

  private checkRootsSoon(): void {
    if (this.rootCheckQueued || this.closed) return;
    this.rootCheckQueued = true;
    void this.enqueue(async () => {
      this.rootCheckQueued = false;
      for (const state of [...this.roots.values()]) {
        if (this.roots.get(state.path) !== state) continue;
        const present = await isFolder(state.path);
        if (state.status === 'watching' && !present) this.markMissing(state);
        else if (state.status === 'missing' && present) await this.restore(state);
      }
    });
  }

  private markMissing(state: RootState): void {
    if (state.status === 'missing') return;
    state.status = 'missing';
    this.stopPolling(state);
    this.dropPending(state.path);
    void this.retire(state);
    if (!this.closed) this.emit('root-missing', state.path);
  }

  private async restore(state: RootState): Promise<void> {
    // Subscribe before walking, so nothing written during the walk goes unseen.
    await this.watch(state);
    const deltas = await this.diffRoot(state);
    if (!deltas) {
      await this.retire(state);
      return;
    }
    state.status = 'watching';
    if (state.mode === 'polling') this.schedulePoll(state);
    if (!this.closed) {
      this.emit(
        'root-restored',
        state.path,
        deltas.map((d) => d.change),
      );
    }
  }

  /**
   * The article files the watcher holds under `root` and their stats: its baseline, kept current by
   * every change it has reported since. A copy.
   */
  filesUnder(root: string): Map<string, FileStat> {
    const path = resolve(root);
    const files = new Map<string, FileStat>();
    for (const [file, stat] of this.known) if (isInsideFolder(file, path)) files.set(file, stat);
    return files;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private knownUnder(root: string): string[] {
    return [...this.known.keys()].filter((path) => isInsideFolder(path, root));
  }

  private dropPending(root: string): void {
    for (const [path, pending] of this.pending) if (pending.root === root) this.pending.delete(path);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue
      .then(() => (this.closed ? undefined : task()))
      .catch((error: unknown) => this.reportError(error));
    return this.queue;
  }

  /**
   * Reports what the walks found wrong with names and folders, each once: a polled root is walked
   * every few seconds. The startup walk reports nothing (the scan beside it reports the same).
   */
  private reportProblems(problems: readonly Problem[]): void {
    const fresh = problems.filter((p) => {
      const key = `${p.code}\0${p.path}`;
      if (this.reportedProblems.has(key)) return false;
      this.reportedProblems.add(key);
      return true;
    });
    if (fresh.length > 0 && !this.closed) this.emit('problems', fresh);
  }

  private reportError(error: unknown): void {
    if (this.closed || this.listenerCount('error') === 0) return;
    this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}

/** Reads the status afresh: TypeScript keeps a narrowed property narrowed across awaits. */
function isWatching(state: RootState): boolean {
  return state.status === 'watching';
}

function isPolling(state: RootState): boolean {
  return state.mode === 'polling';
}
