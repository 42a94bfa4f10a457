import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandPermalink, type PostFacts } from './permalink';
import { readArticleFileSync } from './readArticleFile';

const wall = { year: 2016, month: 8, day: 1, hour: 9, minute: 5, second: 7 };
const post = (path: string, extra: Partial<PostFacts> = {}): PostFacts => ({
  path,
  wall,
  categories: [],
  ...extra,
});

describe('expandPermalink', () => {
  it("expands Jekyll's named styles and its placeholders from the file name", () => {
    const p = post('/lib/_posts/2016-08-01-press-freedom.md', { categories: ['Hong Kong', 'media'] });
    expect(expandPermalink({ generator: 'jekyll', pattern: 'date' }, p)).toBe(
      '/hong-kong/media/2016/08/01/press-freedom.html',
    );
    expect(expandPermalink({ generator: 'jekyll', pattern: 'pretty' }, post(p.path))).toBe(
      '/2016/08/01/press-freedom/',
    );
    expect(expandPermalink({ generator: 'jekyll', pattern: 'none' }, post(p.path))).toBe(
      '/press-freedom.html',
    );
    expect(
      expandPermalink(
        { generator: 'jekyll', pattern: '/:short_year/:i_month/:i_day/:hour:minute/:slug' },
        post(p.path, { slug: 'Own Slug' }),
      ),
    ).toBe('/16/8/1/0905/own-slug');
  });

  it("expands Hexo's placeholders: :title is the path under _posts, :category falls back to uncategorized", () => {
    const site = { generator: 'hexo' as const, pattern: ':category/:year/:month/:title/' };
    expect(expandPermalink(site, post('/blog/source/_posts/2016/hello-world.md'))).toBe(
      '/uncategorized/2016/08/2016/hello-world/',
    );
    expect(expandPermalink(site, post('/blog/source/_posts/hello.md', { categories: ['新聞'] }))).toBe(
      `/${encodeURIComponent('新聞')}/2016/08/hello/`,
    );
    expect(
      expandPermalink(
        { generator: 'hexo', pattern: ':year/:month/:day/:title/' },
        post('C:\\b\\_posts\\x.md'),
      ),
    ).toBe('/2016/08/01/x/');
  });

  it('gives no address for a file outside _posts or a pattern with an unknown placeholder', () => {
    expect(expandPermalink({ generator: 'jekyll', pattern: 'pretty' }, post('/lib/about.md'))).toBeNull();
    expect(
      expandPermalink({ generator: 'jekyll', pattern: 'pretty' }, post('/lib/_posts_old/x.md')),
    ).toBeNull();
    expect(
      expandPermalink({ generator: 'jekyll', pattern: '/:year/:week/:title/' }, post('/lib/_posts/a.md')),
    ).toBeNull();
    expect(
      expandPermalink({ generator: 'jekyll', pattern: 'x'.repeat(300) }, post('/lib/_posts/a.md')),
    ).toBeNull();
  });
});

describe('originalUrl from the site permalink, in a real library', () => {
  const base = mkdtempSync(join(tmpdir(), 'permalink-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const site = (name: string, config: string, files: Record<string, string>) => {
    const root = join(base, name);
    for (const [file, text] of Object.entries({ '_config.yml': config, ...files })) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return (file: string) =>
      readArticleFileSync(join(root, file), root, { timeZone: 'Asia/Hong_Kong' }).article!.originalUrl;
  };

  it("Jekyll: the config's permalink with url + baseurl, the front matter's own url first", () => {
    const url = site('jekyll', 'url: https://news.example.hk\nbaseurl: /archive\npermalink: pretty\n', {
      '_posts/2016-08-21-press-freedom.md': '---\ntitle: A\n---\nbody',
      '_posts/2016-08-22-own.md': '---\ntitle: B\nurl: https://elsewhere.example/b\n---\nbody',
      'about.md': '---\ntitle: About\n---\nbody',
    });
    expect(url('_posts/2016-08-21-press-freedom.md')).toBe(
      'https://news.example.hk/archive/2016/08/21/press-freedom/',
    );
    expect(url('_posts/2016-08-22-own.md')).toBe('https://elsewhere.example/b');
    expect(url('about.md')).toBeUndefined();
  });

  it("Jekyll's default (date) style when the config names no permalink; the date read in the library's zone", () => {
    const url = site('jekyll-default', 'url: https://blog.example.org\n', {
      '_posts/2016-08-21-late.md':
        '---\ntitle: Late\ndate: 2016-08-21 23:30:00 +0800\ncategories: [news]\n---\nbody',
    });
    expect(url('_posts/2016-08-21-late.md')).toBe('https://blog.example.org/news/2016/08/21/late.html');
  });

  it('Hexo: told by its root key, its default pattern, the title from the path under source/_posts', () => {
    const url = site('hexo', 'url: https://hexo.example.com\nroot: /blog/\n', {
      'source/_posts/hello-world.md': '---\ntitle: Hello\ndate: 2021-03-22 05:05:06\n---\nbody',
    });
    expect(url('source/_posts/hello-world.md')).toBe('https://hexo.example.com/blog/2021/03/22/hello-world/');
  });
});
