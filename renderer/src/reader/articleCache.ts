import type { BroadsheetApi } from '../../../shared/contract';
import type { Article } from '../../../shared/types';

/**
 * The last few full articles, so j/k back and forth does not refetch. A cached copy is used only
 * while its mtime matches the list's summary (the file was not edited since).
 */
export class ArticleCache {
  private entries = new Map<string, Article>();
  private inflight = new Map<string, Promise<Article | null>>();

  constructor(
    private readonly api: Pick<BroadsheetApi, 'getArticle'>,
    private readonly capacity = 12,
  ) {}

  peek(id: string, mtimeMs?: number): Article | undefined {
    const hit = this.entries.get(id);
    if (!hit || (mtimeMs !== undefined && hit.mtimeMs !== mtimeMs)) return undefined;
    return hit;
  }

  put(article: Article): void {
    this.entries.delete(article.id);
    this.entries.set(article.id, article);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get(id: string, mtimeMs?: number): Promise<Article | null> {
    const hit = this.peek(id, mtimeMs);
    if (hit) {
      this.put(hit); // refresh its place in the LRU order
      return Promise.resolve(hit);
    }
    const pending = this.inflight.get(id);
    if (pending) return pending;
    const request = this.api
      .getArticle(id)
      .then((article) => {
        if (article) this.put(article);
        return article;
      })
      .finally(() => this.inflight.delete(id));
    this.inflight.set(id, request);
    return request;
  }
}
