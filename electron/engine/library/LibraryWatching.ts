// The library kept live: the watcher follows the roots, each batch of changed files is parsed again
// and written to the library database as one transaction (a burst larger than a transaction's worth
// goes in several, the engine answering between them), then listed (or unlisted); and the scan that runs beside the watcher's baseline walk is checked
// against it once both are done (reconcileStartup). A root that goes missing is marked; one that
// comes back is scanned again.

import { stat } from 'node:fs/promises';
import type { LibraryEvent } from '../../../shared/contract';
import type { Article, ArticleSummary, Problem } from '../../../shared/types';
import type { ParseOptions } from '../parse/parseArticle';
import { readArticleFile } from '../parse/readArticleFile';
import { LibraryWatcher, type WatchChange } from '../watch/LibraryWatcher';
import type { LibraryArticles } from './LibraryArticles';
import type { LibraryFolders } from './LibraryFolders';
import { type LibraryProblems, libraryWarning } from './LibraryProblems';
import { reconcileStartup } from './reconcileStartup';

export interface WatchingDeps {
  articles: LibraryArticles;
  parseOptions(): ParseOptions;
  isClosed(): boolean;
  folders: Pick<LibraryFolders, 'mark' | 'changed' | 'paths'>;
  problems: Pick<LibraryProblems, 'warn' | 'changed'>;
  /** Scans a root again (it came back after going missing). */
  rescan(root: string): Promise<void>;
  emit(event: LibraryEvent): void;
  /** Listed or changed articles (their pictures may be prefetched). */
  upserted(articles: readonly ArticleSummary[]): void;
  /** A batch was applied: stars and read marks follow. */
  applied(): Promise<void>;
}

export class LibraryWatching {
  private watcher: LibraryWatcher | null = null;

  constructor(private readonly deps: WatchingDeps) {}

  /**
   * Starts following `roots`. `subscribed` settles once the roots are subscribed (the scan may
   * start beside the baseline walk); the answer settles once the baseline walk is done.
   */
  start(roots: string[], subscribed: () => void): Promise<void> {
    const { deps } = this;
    const watcher = new LibraryWatcher(roots, { known: deps.articles.knownFiles() });
    this.watcher = watcher;
    watcher.on('changes', (changes: WatchChange[]) => void this.apply(changes));
    watcher.on('root-missing', (root: string) => deps.folders.mark(root, 'missing', 'The folder is gone.'));
    watcher.on('root-restored', (root: string) => void deps.rescan(root));
    watcher.on('warning', (w: { root: string; message: string }) =>
      deps.problems.warn(libraryWarning('watch', w.message, w.root)),
    );
    watcher.on('problems', (problems: Problem[]) => {
      for (const problem of problems) deps.problems.warn(problem);
    });
    watcher.on('error', (error: Error) => deps.problems.warn(libraryWarning('watch', String(error.message))));
    return watcher.start({ onSubscribed: subscribed });
  }

  async addRoot(root: string): Promise<void> {
    await this.watcher?.addRoot(root);
  }

  async removeRoot(root: string): Promise<void> {
    await this.watcher?.removeRoot(root);
  }

  async close(): Promise<void> {
    await this.watcher?.close();
  }

  /** Compares what the scan listed under `roots` with the watcher's baseline walk, and applies the difference. */
  async reconcile(roots: string[]): Promise<void> {
    const watcher = this.watcher;
    if (!watcher) return;
    const { state } = this.deps.articles;
    const changes: WatchChange[] = [];
    for (const root of roots) {
      const found = await reconcileStartup(root, {
        articles: this.deps.articles.under(root),
        baseline: watcher.filesUnder(root),
        hasProblems: (path) => state.hasProblems(path),
        statNow: (path) =>
          stat(path).then(
            (s) => ({ mtimeMs: s.mtimeMs, size: s.size }),
            () => null,
          ),
      });
      changes.push(...found);
    }
    if (changes.length > 0) await this.apply(changes);
  }

  private async apply(changes: WatchChange[]): Promise<void> {
    const { deps } = this;
    const { articles } = deps;
    const { state } = articles;
    const parsed: Article[] = [];
    const problems: Problem[] = [];
    const removed: string[] = [];
    let problemsChanged = false;
    for (const change of changes) {
      if (change.type === 'removed') {
        removed.push(change.path);
        problemsChanged = state.setProblems(change.path, []) || problemsChanged;
        continue;
      }
      const outcome = await readArticleFile(change.path, change.root, deps.parseOptions());
      if (deps.isClosed()) return;
      problemsChanged = state.setProblems(change.path, outcome.problems) || problemsChanged;
      problems.push(...outcome.problems);
      // No article: unlisted; a file that cannot be read is recorded as failed with its problems.
      if (outcome.article) parsed.push(outcome.article);
      else removed.push(change.path);
    }
    const applied = await articles.apply({ articles: parsed, problems, removed }, deps.folders.paths(), () =>
      deps.isClosed(),
    );
    deps.upserted(applied.upserted);
    if (problemsChanged) deps.problems.changed();
    deps.folders.changed();
    await deps.applied();
  }
}
