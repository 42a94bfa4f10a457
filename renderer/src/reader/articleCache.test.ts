import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../shared/types';
import { ArticleCache } from './articleCache';

const article = (id: string, mtimeMs = 1) => ({ id, mtimeMs, title: id }) as Article;

describe('ArticleCache', () => {
  it('fetches once, shares in-flight requests and serves repeats from memory', async () => {
    const getArticle = vi.fn(async (id: string) => article(id));
    const cache = new ArticleCache({ getArticle });
    const [a, b] = await Promise.all([cache.get('x'), cache.get('x')]);
    expect(a).toBe(b);
    await cache.get('x', 1);
    expect(getArticle).toHaveBeenCalledTimes(1);
  });

  it('refetches when the file changed and evicts the least recently used', async () => {
    const getArticle = vi.fn(async (id: string) => article(id, 2));
    const cache = new ArticleCache({ getArticle }, 2);
    cache.put(article('a', 1));
    await cache.get('a', 2);
    expect(getArticle).toHaveBeenCalledWith('a');
    await cache.get('b');
    await cache.get('c');
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('c')?.id).toBe('c');
  });

  it('does not cache missing articles', async () => {
    const getArticle = vi.fn(async () => null);
    const cache = new ArticleCache({ getArticle });
    expect(await cache.get('gone')).toBeNull();
    expect(await cache.get('gone')).toBeNull();
    expect(getArticle).toHaveBeenCalledTimes(2);
  });
});
