// The library's scans: one at a time per root (a new scan of a root aborts the old one), their
// progress, and what they did. Each scan walks its roots, takes unchanged files from the warm-start
// cache, lists what it parsed batch by batch, and drops the articles whose files are gone.
// What a scan changes (the list, the index, the roots' status) belongs to the Library: the scan
// reaches it through ScanHost.

import type { LibraryEvent } from '../../../shared/contract';
import type { ArticleSummary, RootInfo, ScanProgress } from '../../../shared/types';
import type { ParseOptions } from '../parse/parseArticle';
import { type ScannedArticle, scanLibrary } from '../scan/scanLibrary';
import type { CachedArticle } from '../store/cacheFormat';
import type { LibraryState } from './LibraryState';
import { unchangedSince } from './warmStart';

export interface ScanHost {
  readonly state: LibraryState;
  isClosed(): boolean;
  parseOptions(): ParseOptions;
  /** Lists and indexes one parsed article. */
  upsert(scanned: ScannedArticle): ArticleSummary;
  /** Unlists and unindexes these articles. */
  removeIds(ids: string[]): void;
  rootStatus(root: string): RootInfo['status'] | undefined;
  markRoot(root: string, status: RootInfo['status'], message?: string): void;
  emit(event: LibraryEvent): void;
  /** Emits `articles-upserted` for these (as the window lists them, with the folder table). */
  emitUpserted(summaries: readonly ArticleSummary[]): void;
  scheduleProblems(): void;
  /** Compares the scan with the watcher's baseline walk of these roots (see reconcileStartup). */
  reconcileWithWatcher(roots: string[]): Promise<void>;
  /** Every root of a scan is done (stars can be resolved, the cache saved). */
  scanFinished(): Promise<void>;
}

export class LibraryScans {
  /** What the scans did: files parsed, and files taken unchanged from the cache. */
  readonly stats = { parsed: 0, unchanged: 0 };
  private current: ScanProgress = { found: 0, parsed: 0, done: true };
  private readonly running = new Map<string, AbortController>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly host: ScanHost) {}

  get progress(): ScanProgress {
    return this.current;
  }

  /** Before the first scan: how many roots there are to scan (none: done). */
  reset(rootCount: number): void {
    this.current = { found: 0, parsed: 0, done: rootCount === 0 };
  }

  /**
   * Scans `roots`; `cached` holds the warm start's articles by path; `baselineTaken`: the scan runs
   * beside the watcher's baseline walk, and is reconciled with it once both end.
   */
  start(
    roots: string[],
    cached: Map<string, CachedArticle> | null,
    baselineTaken?: Promise<void>,
  ): Promise<void> {
    const run = this.run(roots, cached, baselineTaken).finally(() => this.pending.delete(run));
    this.pending.add(run);
    return run;
  }

  abort(root: string): void {
    this.running.get(root)?.abort();
  }

  /** Aborts every scan and waits for them to stop. */
  async stopAll(): Promise<void> {
    for (const controller of this.running.values()) controller.abort();
    await Promise.allSettled([...this.pending]);
  }

  /** Resolves once every scan started so far (and any started meanwhile) has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async run(
    roots: string[],
    cached: Map<string, CachedArticle> | null,
    baselineTaken?: Promise<void>,
  ): Promise<void> {
    const host = this.host;
    const { state } = host;
    const controller = new AbortController();
    const stopped = () => controller.signal.aborted || host.isClosed();
    for (const root of roots) {
      this.running.get(root)?.abort();
      this.running.set(root, controller);
      host.markRoot(root, 'scanning');
      state.clearProblemsUnder(root);
    }
    const seen = new Set<string>();
    const base = {
      found: this.current.done ? 0 : this.current.found,
      parsed: this.current.done ? 0 : this.current.parsed,
    };
    try {
      for await (const batch of scanLibrary(roots, {
        includeText: true,
        parse: host.parseOptions(),
        signal: controller.signal,
        isUnchanged: cached ? unchangedSince(cached) : undefined,
      })) {
        if (stopped()) return;
        let restored = false;
        for (const path of batch.unchanged) {
          seen.add(path);
          const problems = cached?.get(path)?.problems;
          if (problems?.length) restored = state.setProblems(path, problems) || restored;
        }
        this.stats.unchanged += batch.unchanged.length;
        this.stats.parsed += batch.articles.length;
        const upserted: ArticleSummary[] = [];
        for (const scanned of batch.articles) {
          seen.add(scanned.path);
          upserted.push(host.upsert(scanned));
          state.setProblems(scanned.path, []);
        }
        // Problems of listed-but-degraded articles arrive with the batch too (same path).
        for (const problem of batch.problems) {
          seen.add(problem.path);
          state.addProblem(problem);
        }
        this.current = {
          found: base.found + batch.progress.found,
          parsed: base.parsed + batch.progress.parsed,
          done: false,
        };
        if (upserted.length) host.emitUpserted(upserted);
        host.emit({ type: 'progress', progress: this.current });
        if (batch.problems.length || restored) host.scheduleProblems();
      }
      // Files that were in the cache (or listed before) but are no longer on disk.
      const gone: string[] = [];
      for (const root of roots) {
        for (const id of state.idsUnder(root)) {
          const a = state.get(id);
          if (a && !seen.has(a.path)) gone.push(id);
        }
      }
      host.removeIds(gone);
      if (baselineTaken) {
        await baselineTaken;
        if (stopped()) return;
        await host.reconcileWithWatcher(roots);
      }
    } catch (error) {
      for (const root of roots) host.markRoot(root, 'error', (error as Error).message);
      throw error;
    } finally {
      for (const root of roots) if (this.running.get(root) === controller) this.running.delete(root);
    }
    if (stopped()) return;
    for (const root of roots) if (host.rootStatus(root) === 'scanning') host.markRoot(root, 'ready');
    if (this.running.size === 0) {
      this.current = { ...this.current, done: true };
      host.emit({ type: 'progress', progress: this.current });
    }
    await host.scanFinished();
  }
}
