// The library's scans: one at a time per root (a new scan of a root aborts the old one), their
// progress, and what they did. Each scan walks its roots, skips the files the library database
// holds with the same mtime and size (listing them if they are not listed yet), writes what it
// parsed batch by batch, and once the walk is complete drops what is gone. A scan stopped half way
// (quit, kill -9) leaves every batch it wrote: the next one carries on from there.
// What a scan changes (the list, the database, the roots' status) belongs to the Library: the scan
// reaches it through ScanHost.

import type { LibraryEvent } from '../../../shared/contract';
import type { Problem, RootInfo, ScanProgress } from '../../../shared/types';
import type { ParseOptions } from '../parse/parseArticle';
import { scanLibrary } from '../scan/scanLibrary';
import type { LibraryArticles } from './LibraryArticles';
import type { LibraryState } from './LibraryState';

export interface ScanHost {
  readonly state: LibraryState;
  /** Writes and lists what the scan parsed (LibraryArticles). */
  readonly articles: Pick<LibraryArticles, 'apply' | 'listStored'>;
  /** The library database's test for a file that need not be parsed again. */
  isUnchanged(path: string, mtimeMs: number, size: number): boolean;
  /** Problems the database holds for files inside `root` (degraded articles, unreadable files). */
  storedProblems(root: string): Map<string, Problem[]>;
  /** Every path the database holds inside `root` (articles and unreadable files). */
  recordedPaths(root: string): string[];
  isClosed(): boolean;
  parseOptions(): ParseOptions;
  rootStatus(root: string): RootInfo['status'] | undefined;
  markRoot(root: string, status: RootInfo['status'], message?: string): void;
  emit(event: LibraryEvent): void;
  scheduleProblems(): void;
  /** Compares the scan with the watcher's baseline walk of these roots (see reconcileStartup). */
  reconcileWithWatcher(roots: string[]): Promise<void>;
  /** Every root of a scan is done (stars can be resolved, the prefetch look again). */
  scanFinished(): Promise<void>;
}

export class LibraryScans {
  /** What the scans did: files parsed, and files found unchanged in the library database. */
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
   * Scans `roots`; `baselineTaken`: the scan runs beside the watcher's baseline walk, and is
   * reconciled with it once both end.
   */
  start(roots: string[], baselineTaken?: Promise<void>): Promise<void> {
    const run = this.run(roots, baselineTaken).finally(() => this.pending.delete(run));
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

  private async run(roots: string[], baselineTaken?: Promise<void>): Promise<void> {
    const host = this.host;
    const { state } = host;
    const controller = new AbortController();
    const stopped = () => controller.signal.aborted || host.isClosed();
    for (const root of roots) {
      this.running.get(root)?.abort();
      this.running.set(root, controller);
      host.markRoot(root, 'scanning');
      // The problems of files that will not be parsed again are the ones the database recorded.
      state.clearProblemsUnder(root);
      for (const [path, problems] of host.storedProblems(root)) state.setProblems(path, problems);
    }
    host.scheduleProblems();
    const seen = new Set<string>();
    const base = {
      found: this.current.done ? 0 : this.current.found,
      parsed: this.current.done ? 0 : this.current.parsed,
    };
    try {
      for await (const batch of scanLibrary(roots, {
        // The workers make what the database stores of the text (tokens, deflated fields).
        forDatabase: true,
        parse: host.parseOptions(),
        signal: controller.signal,
        isUnchanged: (path, mtimeMs, size) => host.isUnchanged(path, mtimeMs, size),
      })) {
        if (stopped()) return;
        for (const path of batch.unchanged) seen.add(path);
        host.articles.listStored(batch.unchanged);
        this.stats.unchanged += batch.unchanged.length;
        this.stats.parsed += batch.articles.length;
        for (const scanned of batch.articles) {
          seen.add(scanned.path);
          state.setProblems(scanned.path, []);
        }
        // Problems of listed-but-degraded articles arrive with the batch too (same path).
        for (const problem of batch.problems) {
          seen.add(problem.path);
          state.addProblem(problem);
        }
        await host.articles.apply({ articles: batch.articles, problems: batch.problems }, roots, stopped);
        if (stopped()) return;
        this.current = {
          found: base.found + batch.progress.found,
          parsed: base.parsed + batch.progress.parsed,
          done: false,
        };
        host.emit({ type: 'progress', progress: this.current });
        if (batch.problems.length) host.scheduleProblems();
      }
      // An aborted walk saw only part of the files: nothing may be judged gone from it.
      if (stopped()) return;
      // Files recorded in the database (or listed) but no longer on disk.
      const gone = new Set<string>();
      for (const root of roots) {
        for (const path of host.recordedPaths(root)) if (!seen.has(path)) gone.add(path);
        for (const id of state.idsUnder(root)) {
          const path = state.get(id)?.path;
          if (path !== undefined && !seen.has(path)) gone.add(path);
        }
      }
      if (gone.size > 0) {
        await host.articles.apply({ articles: [], problems: [], removed: [...gone] }, roots, stopped);
        for (const path of gone) state.setProblems(path, []);
      }
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
