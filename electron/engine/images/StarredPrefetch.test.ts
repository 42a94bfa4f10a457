import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/types';
import { articleImageUrls } from './articleImageUrls';
import { StarredPrefetch } from './StarredPrefetch';

const article = (html: string, images: Article['images'] = {}) => ({ html, images });

describe('articleImageUrls', () => {
  it('lists the body’s web pictures (scheme-relative as https), then the front-matter ones, once each', () => {
    const urls = articleImageUrls(
      article(
        '<p><IMG SRC="//n.sinaimg.cn/a.jpg"></p><img src=" https://x.test/b.png?x=1&amp;y=2 ">' +
          '<img src="images/local.png"><img src="data:image/png;base64,AA"><img src="javascript:alert(1)">' +
          '<img src="https://x.test/b.png?x=1&y=2"><!-- <img src="https://x.test/comment.png"> -->',
        { head: 'https://x.test/head.jpg', cover: 'file:///etc/passwd' },
      ),
    );
    expect(urls).toEqual([
      'https://n.sinaimg.cn/a.jpg',
      'https://x.test/b.png?x=1&y=2',
      'https://x.test/head.jpg',
    ]);
  });

  it('is bounded for an article listing thousands of pictures', () => {
    const html = Array.from({ length: 10_000 }, (_, i) => `<img src="https://x.test/${i}.png">`).join('');
    expect(articleImageUrls(article(html), 200)).toHaveLength(200);
  });
});

describe('StarredPrefetch', () => {
  it('prefetches each newly starred article once, one at a time, after the library is ready', async () => {
    const order: string[] = [];
    let ready!: () => void;
    const whenReady = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const prefetch = new StarredPrefetch({
      whenReady: () => whenReady,
      loadArticle: async (id) =>
        id === 'gone' ? null : ({ html: `<img src="https://x.test/${id}.png">`, images: {} } as Article),
      prefetch: async (id, urls) => {
        order.push(`${id}:${urls.join(',')}`);
        return { cached: 0, fetched: urls.length, failed: 0, retryable: 0, bytes: 0 };
      },
    });
    prefetch.starredChanged(['a', 'gone', 'b']);
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    ready();
    await prefetch.idle();
    prefetch.starredChanged(['a', 'b', 'c']);
    await prefetch.idle();
    expect(order).toEqual(['a:https://x.test/a.png', 'b:https://x.test/b.png', 'c:https://x.test/c.png']);
    expect(prefetch.totals).toEqual({ cached: 0, fetched: 3, failed: 0 });
  });
});
