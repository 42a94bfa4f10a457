import { describe, expect, it } from 'vitest';
import { IMAGE_ROUTE_PREFIX, imageRoute, parseImageRoute } from './imageRoutes';

const parse = (route: string) => {
  const url = new URL(route, 'app://broadsheet');
  return parseImageRoute(url.pathname, url.searchParams);
};

describe('image routes', () => {
  it('round-trip remote and local requests, whatever characters they hold', () => {
    const remote = {
      kind: 'remote',
      articleId: 'abc123',
      url: 'https://n.sinaimg.cn/a b/图片.jpg?x=1&y=2#f',
    } as const;
    const local = { kind: 'local', articleId: 'abc123', src: '../assets/图 1.png?v=1&a=2' } as const;
    expect(parse(imageRoute(remote))).toEqual({ request: remote, why: false });
    expect(parse(imageRoute(local))).toEqual({ request: local, why: false });
    expect(parse(`${imageRoute(local)}&why=1`)?.why).toBe(true);
    expect(imageRoute(remote).startsWith(IMAGE_ROUTE_PREFIX)).toBe(true);
  });

  it('refuse anything else', () => {
    for (const bad of [
      '/_images/remote?a=x&u=file:///etc/passwd',
      '/_images/remote?a=x&u=javascript:alert(1)',
      '/_images/remote?u=https://a.example/x.png',
      `/_images/remote?a=${'x'.repeat(200)}&u=https://a.example/x.png`,
      `/_images/remote?a=x&u=https://a.example/${'x'.repeat(5000)}`,
      '/_images/local?a=x',
      '/_images/local?a=x&src=a%00b',
      '/_images/other?a=x&u=https://a.example/x.png',
      '/assets/index.js',
    ]) {
      expect(parse(bad), bad).toBeNull();
    }
  });
});
