// The in-memory library: every listed article, its problems, and the lookups stars and the
// watcher need. Pure data structure, no I/O, so the rules (ordering, replacement, per-root
// removal) are tested directly.

import { compareNewestFirst } from '../../../shared/articleOrder';
import type { ArticleSummary, Problem } from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';

/** Told of every change of the listed articles (the headline list's version and counts follow them). */
export interface StateObserver {
  upserted?(article: ArticleSummary): void;
  removed?(article: ArticleSummary): void;
}

export class LibraryState {
  private readonly byId = new Map<string, ArticleSummary>();
  private readonly idsByContentHash = new Map<string, Set<string>>();
  private readonly problemsByPath = new Map<string, Problem[]>();
  private sorted: ArticleSummary[] | null = null;

  constructor(private readonly observer: StateObserver = {}) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ArticleSummary | undefined {
    return this.byId.get(id);
  }

  /** Adds or replaces; returns the summary it replaced, if any. */
  upsert(article: ArticleSummary): ArticleSummary | undefined {
    const previous = this.byId.get(article.id);
    if (previous) this.unlinkHash(previous);
    this.byId.set(article.id, article);
    let ids = this.idsByContentHash.get(article.contentHash);
    if (!ids) {
      ids = new Set();
      this.idsByContentHash.set(article.contentHash, ids);
    }
    ids.add(article.id);
    this.sorted = null;
    this.observer.upserted?.(article);
    return previous;
  }

  remove(id: string): ArticleSummary | undefined {
    const previous = this.byId.get(id);
    if (!previous) return undefined;
    this.byId.delete(id);
    this.unlinkHash(previous);
    this.sorted = null;
    this.observer.removed?.(previous);
    return previous;
  }

  private unlinkHash(article: ArticleSummary): void {
    const ids = this.idsByContentHash.get(article.contentHash);
    if (!ids) return;
    ids.delete(article.id);
    if (ids.size === 0) this.idsByContentHash.delete(article.contentHash);
  }

  byContentHash(hash: string): ArticleSummary | undefined {
    const ids = this.idsByContentHash.get(hash);
    if (!ids) return undefined;
    // Several files with the same content (the same article saved twice): pick the first path so
    // the answer does not depend on insertion order.
    let best: ArticleSummary | undefined;
    for (const id of ids) {
      const candidate = this.byId.get(id);
      if (candidate && (!best || candidate.path < best.path)) best = candidate;
    }
    return best;
  }

  /** Every file with this content (the same article saved twice), by path. */
  allByContentHash(hash: string): ArticleSummary[] {
    const ids = this.idsByContentHash.get(hash);
    if (!ids) return [];
    const out: ArticleSummary[] = [];
    for (const id of ids) {
      const a = this.byId.get(id);
      if (a) out.push(a);
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  idsUnder(root: string): string[] {
    const out: string[] = [];
    for (const article of this.byId.values()) if (isInsideFolder(article.path, root)) out.push(article.id);
    return out;
  }

  countUnder(root: string): number {
    let n = 0;
    for (const article of this.byId.values()) if (article.root === root) n++;
    return n;
  }

  /** Every article, newest first. Cached until the next change. */
  list(): ArticleSummary[] {
    if (!this.sorted) this.sorted = [...this.byId.values()].sort(compareNewestFirst);
    return this.sorted;
  }

  hasProblems(path: string): boolean {
    return this.problemsByPath.has(path);
  }

  problemsOf(path: string): readonly Problem[] | undefined {
    return this.problemsByPath.get(path);
  }

  setProblems(path: string, problems: Problem[]): boolean {
    const had = this.problemsByPath.has(path);
    if (problems.length === 0) {
      this.problemsByPath.delete(path);
      return had;
    }
    this.problemsByPath.set(path, problems);
    return true;
  }

  addProblem(problem: Problem): void {
    const list = this.problemsByPath.get(problem.path);
    if (list) list.push(problem);
    else this.problemsByPath.set(problem.path, [problem]);
  }

  clearProblemsUnder(root: string): boolean {
    let changed = false;
    for (const path of [...this.problemsByPath.keys()]) {
      if (isInsideFolder(path, root)) {
        this.problemsByPath.delete(path);
        changed = true;
      }
    }
    return changed;
  }

  /** Errors first, then by path; bounded so a hostile archive cannot flood the window. */
  problems(limit = 5000): Problem[] {
    const all: Problem[] = [];
    for (const list of this.problemsByPath.values()) all.push(...list);
    all.sort((a, b) =>
      a.severity !== b.severity
        ? a.severity === 'error'
          ? -1
          : 1
        : a.path < b.path
          ? -1
          : a.path > b.path
            ? 1
            : 0,
    );
    return all.length > limit ? all.slice(0, limit) : all;
  }

  problemCount(): number {
    let n = 0;
    for (const list of this.problemsByPath.values()) n += list.length;
    return n;
  }
}
