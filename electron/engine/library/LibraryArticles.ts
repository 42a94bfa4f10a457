// The listed articles and their search index kept in step: what a scan or the watcher found is
// listed and indexed together, and unlisted and unindexed together. Also the window's view of the
// list (rebuilt only when it changed) and the lookups by which stars and read marks follow articles.

import type { GetArticleOptions, LibraryEvent } from '../../../shared/contract';
import type { Article, ArticleSummary, FolderRef, ListedArticle } from '../../../shared/types';
import { articleIdForPath, toListed, toSummary } from '../parse/ids';
import type { ParseOptions } from '../parse/parseArticle';
import { readArticleFile } from '../parse/readArticleFile';
import type { ScannedArticle } from '../scan/scanLibrary';
import type { ArticleLookup } from '../store/articleIdentity';
import { FolderTable } from './FolderTable';
import type { LibraryIndex } from './LibraryIndex';
import type { LibraryState } from './LibraryState';

export class LibraryArticles {
  private listedFrom: ArticleSummary[] | null = null;
  private listedCache: ListedArticle[] = [];
  /** The numbers the listed articles' `folder` stands for (the sidebar's Folders list). */
  private readonly folderTable = new FolderTable();

  constructor(
    readonly state: LibraryState,
    private readonly index: LibraryIndex,
    private readonly emit: (event: LibraryEvent) => void,
    /** Articles were unlisted (the roots' counts changed). */
    private readonly onRemoved: () => void,
  ) {}

  /** Lists and indexes one article (from a scan, with its text; or parsed in full by the watcher). */
  upsert(scanned: ScannedArticle | Article): ArticleSummary {
    const { text, ...rest } = scanned as ScannedArticle & Partial<Article>;
    const summary: ArticleSummary =
      'html' in scanned ? toSummary(scanned as Article) : (rest as ArticleSummary);
    this.state.upsert(summary);
    this.index.add({
      id: summary.id,
      path: summary.path,
      title: summary.title,
      text: text ?? '',
      author: summary.author,
      categories: summary.categories,
      dateMs: Date.parse(summary.date),
    });
    return summary;
  }

  /** Unlists and unindexes these articles (and forgets their problems). */
  remove(ids: string[]): void {
    if (ids.length === 0) return;
    for (const id of ids) {
      const removed = this.state.remove(id);
      if (removed) {
        this.index.remove(id);
        this.state.setProblems(removed.path, []);
      }
    }
    this.emit({ type: 'articles-removed', ids });
    this.onRemoved();
  }

  /** The window's view of the list, newest first; rebuilt only when the list changed. */
  listed(): ListedArticle[] {
    const list = this.state.list();
    if (list !== this.listedFrom) {
      this.listedFrom = list;
      this.listedCache = list.map((summary) => this.toListed(summary));
    }
    return this.listedCache;
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

  /** Tells the window the whole list (a warm start's cached headlines). */
  emitListed(): void {
    const articles = this.listed();
    this.emit({ type: 'articles-upserted', articles, folders: this.folderTable.list() });
  }

  private toListed(summary: ArticleSummary): ListedArticle {
    return toListed(summary, this.folderTable.of(summary));
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
