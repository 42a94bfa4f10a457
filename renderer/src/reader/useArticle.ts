import { useEffect, useState } from 'react';
import type { Article } from '../../../shared/types';
import { errorMessage } from '../api';
import { perfMark } from '../perf/marks';
import type { ArticleCache } from './articleCache';

export type ArticleLoad =
  | { status: 'idle' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; article: Article }
  | { status: 'not-found'; id: string }
  | { status: 'error'; id: string; message: string };

/** The full article for the reading pane; a late answer for an article no longer open is ignored. */
export function useArticle(cache: ArticleCache, id: string | null, mtimeMs: number | undefined): ArticleLoad {
  const [load, setLoad] = useState<ArticleLoad>({ status: 'idle' });
  useEffect(() => {
    if (id === null) {
      setLoad({ status: 'idle' });
      return;
    }
    const cached = cache.peek(id, mtimeMs);
    perfMark('article-requested', { id, cached: !!cached });
    if (cached) {
      setLoad({ status: 'ready', article: cached });
      return;
    }
    let current = true;
    setLoad({ status: 'loading', id });
    cache.get(id, mtimeMs).then(
      (article) => {
        perfMark('article-loaded', { id });
        if (current) setLoad(article ? { status: 'ready', article } : { status: 'not-found', id });
      },
      (error: unknown) => {
        if (current) setLoad({ status: 'error', id, message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [cache, id, mtimeMs]);
  return load;
}
