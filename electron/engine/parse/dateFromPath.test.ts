import { describe, expect, it } from 'vitest';
import { dayFromPath } from './dateFromPath';

const day = (path: string, root = '/lib') => dayFromPath(path, root)?.day ?? null;

describe('dayFromPath', () => {
  it('reads Jekyll names, compact names and dated folders', () => {
    expect(day('/lib/_posts/2016-08-21-press-freedom.md')).toBe('2016-08-21');
    expect(day('/lib/2016-8-1.md')).toBe('2016-08-01');
    expect(day('/lib/20160821_news.md')).toBe('2016-08-21');
    expect(day('/lib/20160821.md')).toBe('2016-08-21');
    expect(day('/lib/2016-08-21/article_1.md')).toBe('2016-08-21');
    expect(day('/lib/posts/2016-08-21-bundle/index.md')).toBe('2016-08-21');
    expect(day('/lib/2016/08/21/slug.md')).toBe('2016-08-21');
    expect(day('/lib/news/2016/8/1/slug/index.md')).toBe('2016-08-01');
    expect(dayFromPath('/lib/2016/08/21/slug.md', '/lib')?.from).toBe('folders');
  });

  it('refuses what is not a day', () => {
    expect(day('/lib/2016/slug.md')).toBeNull(); // a year alone
    expect(day('/lib/2016/08/slug.md')).toBeNull();
    expect(day('/lib/2016-02-30-x.md')).toBeNull(); // no such day
    expect(day('/lib/20161321.md')).toBeNull();
    expect(day('/lib/201608211234567.md')).toBeNull(); // a longer number: an id or a timestamp
    expect(day('/lib/article_20160821.md')).toBeNull(); // only a name that starts with the date
    expect(day('/lib/1066-10-14-hastings.md')).toBeNull(); // outside 1900–2099
    expect(day('/2016/08/21/lib/x.md', '/2016/08/21/lib')).toBeNull(); // folders above the library
  });

  it('reads 29 February only in leap years', () => {
    expect(day('/lib/2020-02-29-a.md')).toBe('2020-02-29');
    expect(day('/lib/2019-02-29-a.md')).toBeNull();
  });
});
