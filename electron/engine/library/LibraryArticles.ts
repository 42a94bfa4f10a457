// The listed articles and the library database kept in step: what a scan or the watcher found is
// written to the database in transactions, and each transaction's articles are listed (or unlisted)
// once it is committed, so the list never shows what the database lacks. Also the window's view of
// the list (rebuilt only when it changed) and the lookups by which stars and read marks follow
// articles.

import { statSync } from 'node:fs';
import type { GetArticleOptions, LibraryEvent } from '../../../shared/contract';
import type { Article, ArticleSummary, FolderRef, ListedArticle, Problem } from '../../../shared/types';
import { isInsideFolder } from '../common/pathContainment';
import type { WriteBatch } from '../db/LibraryDb';
import { batchWrite, type FileState } from '../db/writeBatches';
import { ListedInOrder } from '../list/ListedInOrder';
import { articleIdForPath, toListed, toSummary } from '../parse/ids';
import type { ParseOptions } from '../parse/parseArticle';
import { readArticleFile } from '../parse/readArticleFile';
import type { ScannedArticle } from '../scan/scanLibrary';
import type { ArticleLookup } from '../store/articleIdentity';
import { FolderTable } from './FolderTable';
import type { LibraryDatabase } from './LibraryDatabase';
import type { LibraryState } from './LibraryState';

/** What a scan batch or a watcher batch found. */
export interface FoundArticles {
  /** Parsed articles: the scan's (with their text), or the watcher's, read in full. */
  articles: readonly (ScannedArticle | Article)[];
  /** Their problems and those of files that could not be read (recorded as failed). */
  problems: readonly Problem[];
  /** Paths whose files are gone. */
  removed?: string[];
}

export interface Applied {
  upserted: ArticleSummary[];
  removedIds: string[];
  /** Problems of paths that are not files (an unreadable folder): kept in the list only. */
  elsewhere: Problem[];
}

export class LibraryArticles {
  /** The listed articles as the window sees them, in order, kept up to date change by change. */
  private readonly inOrder = new ListedInOrder();
  /** The numbers the listed articles' `folder` stands for (the sidebar's Folders list). */
  private readonly folderTable = new FolderTable();

  constructor(
    readonly state: LibraryState,
    private readonly database: LibraryDatabase,
    private readonly emit: (event: LibraryEvent) => void,
    /** Articles were unlisted (the roots' counts changed). */
    private readonly onRemoved: () => void,
  ) {}

  /**
   * Writes what was found to the database, transaction by transaction (the event loop runs between
   * them), listing each transaction's articles and unlisting its removed and failed paths once it is
   * committed. `stopped` ends it between two transactions (what is committed stays listed).
   */
  async apply(found: FoundArticles, roots: readonly string[], stopped?: () => boolean): Promise<Applied> {
    const scanned = found.articles.map(toStored);
    const { write, elsewhere } = batchWrite(scanned, found.problems, roots, statFile, found.removed ?? []);
    const applied: Applied = { upserted: [], removedIds: [], elsewhere };
    await this.database.write(write, {
      stopped,
      committed: (slice) => this.listCommitted(slice, applied),
    });
    return applied;
  }

  private listCommitted(slice: WriteBatch, applied: Applied): void {
    const upserted: ArticleSummary[] = [];
    for (const stored of slice.articles) {
      // What the list keeps is the summary: not the text, nor what the database made of it.
      const { text: _, problems: __, prepared: ___, ...summary } = stored;
      this.state.upsert(summary);
      upserted.push(summary);
    }
    const removedIds: string[] = [];
    for (const path of [...slice.removed, ...slice.failed.map((f) => f.path)]) {
      const removed = this.state.remove(articleIdForPath(path));
      if (removed) removedIds.push(removed.id);
    }
    if (upserted.length) {
      this.emitUpserted(upserted);
      applied.upserted.push(...upserted);
    }
    if (removedIds.length) {
      this.emit({ type: 'articles-removed', ids: removedIds });
      applied.removedIds.push(...removedIds);
      this.onRemoved();
    }
  }

  /** Lists articles the database already holds (a file the scan found unchanged but not listed). */
  listStored(paths: readonly string[]): ArticleSummary[] {
    const listed: ArticleSummary[] = [];
    for (const path of paths) {
      if (this.state.get(articleIdForPath(path))) continue;
      const summary = this.database.summaryByPath(path);
      if (!summary) continue;
      this.state.upsert(summary);
      listed.push(summary);
    }
    if (listed.length) this.emitUpserted(listed);
    return listed;
  }

  /**
   * Forgets a folder that left the library: its files' articles and problems, in the list and in
   * the database, except those inside a folder that stays.
   */
  async forgetFolder(folder: string, staying: readonly string[]): Promise<void> {
    const kept = (path: string) => staying.some((root) => isInsideFolder(path, root));
    const removed = new Set(this.database.pathsWithin(folder).filter((path) => !kept(path)));
    // Listed articles the database does not hold (listed before a damaged database was replaced).
    for (const id of this.state.idsUnder(folder)) {
      const path = this.state.get(id)?.path;
      if (path && !kept(path)) removed.add(path);
    }
    await this.apply({ articles: [], problems: [], removed: [...removed] }, staying);
    for (const path of removed) this.state.setProblems(path, []);
  }

  /** The window's view of the list, newest first: the same array until the list changes. */
  listed(): ListedArticle[] {
    return this.inOrder.list();
  }

  /** The state listed or replaced an article (LibraryState's observer). */
  noteUpserted(summary: ArticleSummary): void {
    this.inOrder.set(this.toListed(summary));
  }

  /** The state unlisted an article. */
  noteRemoved(id: string): void {
    this.inOrder.delete(id);
  }

  /** The folder table the listed articles' `folder` numbers index. */
  folders(): FolderRef[] {
    return this.folderTable.list();
  }

  /** Tells the window about listed or changed articles, with the folder table their numbers index. */
  emitUpserted(summaries: readonly ArticleSummary[]): void {
    const articles = summaries.map((summary) => this.toListed(summary));
    this.emit({ type: 'articles-upserted', articles, folders: this.folderTable.list() });
  }

  /** Tells the window the whole list (a warm start's headlines from the database). */
  emitListed(): void {
    const articles = this.listed();
    this.emit({ type: 'articles-upserted', articles, folders: this.folderTable.list() });
  }

  private toListed(summary: ArticleSummary): ListedArticle {
    return toListed(summary, this.folderTable.of(summary));
  }

  /** The number of the folder holding an article (added to the folder table when new). */
  folderOf(summary: ArticleSummary): number {
    return this.folderTable.of(summary);
  }

  /** A listed article as the window sees it. */
  listedOf(summary: ArticleSummary): ListedArticle {
    return this.toListed(summary);
  }

  /**
   * A listed article read in full; `original`: the body as written, without the clean-up rules
   * (the pane's "Show original"). Null: not listed, or no longer readable.
   */
  async read(id: string, parse: ParseOptions, options: GetArticleOptions = {}): Promise<Article | null> {
    const summary = this.state.get(id);
    if (!summary) return null;
    if (options.original) parse.clean = false;
    const outcome = await readArticleFile(summary.path, summary.root, parse);
    return outcome.article;
  }

  /** The listed article at this path, if any. */
  idForPath(path: string): string | undefined {
    const id = articleIdForPath(path);
    return this.state.get(id) ? id : undefined;
  }

  /** How stars and read marks find their articles; `complete`: no scan is running. */
  lookup(complete: boolean): ArticleLookup {
    return {
      byId: (id: string) => this.state.get(id),
      byContentHash: (hash: string) => this.state.allByContentHash(hash),
      complete,
      byPath: (path: string) => {
        const id = this.idForPath(path);
        return id ? this.state.get(id) : undefined;
      },
    };
  }

  /** What the watcher's baseline walk needs to know: the listed files' mtimes and sizes. */
  knownFiles(): Map<string, { mtimeMs: number; size: number }> {
    const known = new Map<string, { mtimeMs: number; size: number }>();
    for (const a of this.state.list()) known.set(a.path, { mtimeMs: a.mtimeMs, size: a.size });
    return known;
  }

  /** The listed articles under this root. */
  under(root: string): ArticleSummary[] {
    const articles: ArticleSummary[] = [];
    for (const id of this.state.idsUnder(root)) {
      const article = this.state.get(id);
      if (article) articles.push(article);
    }
    return articles;
  }
}

/** An article as the database stores it: the scan's summary with its text. */
function toStored(found: ScannedArticle | Article): ScannedArticle {
  if (!('html' in found)) return found;
  const article = found as Article;
  return { ...toSummary(article), text: article.text };
}

/** The mtime and size of a file that could not be read (null: not a file, or gone). */
function statFile(path: string): FileState | null {
  try {
    const s = statSync(path);
    return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : null;
  } catch {
    return null;
  }
}
