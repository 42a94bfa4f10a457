import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type PageDocument, readPageMetadata, titleWithoutSite } from './pageMetadata';

const read = (head: string, body = '', savedFrom = '') =>
  readPageMetadata(
    parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`)
      .document as unknown as PageDocument,
    savedFrom,
  );

describe('readPageMetadata', () => {
  it('prefers og:title, then JSON-LD headline, then <title> without the site, then <h1>', () => {
    expect(read('<meta property="og:title" content="OG"><title>T | S</title>').title).toBe('OG');
    expect(
      read(
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD"}</script><title>x</title>',
      ).title,
    ).toBe('LD');
    expect(
      read('<meta property="og:site_name" content="The Site"><title>The Site — A short one</title>').title,
    ).toBe('A short one');
    expect(read('<title></title>', '<h1>Only a heading</h1>').title).toBe('Only a heading');
  });

  it('takes the date from article:published_time, JSON-LD, other metas, then <time datetime>', () => {
    expect(read('<meta property="article:published_time" content="2020-01-02T03:04:05Z">').date).toBe(
      '2020-01-02T03:04:05Z',
    );
    expect(
      read(
        '<script type="application/ld+json">[{"@type":"BlogPosting","datePublished":"2021-05-06"}]</script>',
      ).date,
    ).toBe('2021-05-06');
    expect(read('<meta name="pubdate" content="2019-09-09">').date).toBe('2019-09-09');
    expect(read('', '<p><time datetime="2018-08-08T08:00:00Z">then</time></p>').date).toBe(
      '2018-08-08T08:00:00Z',
    );
    expect(read('', '<p>no date</p>').date).toBe('');
  });

  it('reads authors from meta and JSON-LD (names, not profile URLs)', () => {
    expect(read('<meta name="author" content="  Jane   Doe ">').author).toBe('Jane Doe');
    expect(read('<meta property="article:author" content="https://x.test/jane">').author).toBe('');
    expect(
      read(
        '<script type="application/ld+json">{"@type":"Article","author":[{"name":"A"},"B",{"url":"https://x"}]}</script>',
      ).author,
    ).toBe('A, B');
  });

  it('finds the article in an @graph and skips JSON-LD that does not parse', () => {
    const meta = read(
      '<script type="application/ld+json">{ broken</script>' +
        '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"H","publisher":{"name":"Pub"},"url":"https://pub.test/h"}]}</script>',
    );
    expect(meta).toMatchObject({ title: 'H', siteName: 'Pub', originalUrl: 'https://pub.test/h' });
  });

  it('takes only http(s) addresses: canonical, og:url, then the saving tool’s comment', () => {
    expect(read('<link rel="canonical" href="https://a.test/x">').originalUrl).toBe('https://a.test/x');
    expect(
      read(
        '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="http://b.test/y">',
      ).originalUrl,
    ).toBe('http://b.test/y');
    expect(read('<link rel="canonical" href="/relative">', '', 'https://c.test/z').originalUrl).toBe(
      'https://c.test/z',
    );
    expect(read('<link rel="canonical" href="file:///etc/passwd">').originalUrl).toBe('');
  });
});

describe('titleWithoutSite', () => {
  it('drops the part that is the site name, wherever it is', () => {
    expect(titleWithoutSite('Headline here | Site', 'site')).toBe('Headline here');
    expect(titleWithoutSite('Site - Headline', 'Site')).toBe('Headline');
  });
  it('without a site name, drops the last part only when the rest reads as a headline', () => {
    expect(titleWithoutSite('Council approves the budget - The Daily', '')).toBe(
      'Council approves the budget',
    );
    expect(titleWithoutSite('Home | Site', '')).toBe('Home | Site');
    expect(titleWithoutSite('港口扩建工程今日动工 - 示例新闻网', '')).toBe('港口扩建工程今日动工');
    expect(titleWithoutSite('No separator at all', '')).toBe('No separator at all');
  });
});
