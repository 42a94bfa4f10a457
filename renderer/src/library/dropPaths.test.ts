import { describe, expect, it } from 'vitest';
import { fileUriToPath, isArticleFileName, parseUriList, planDrop } from './dropPaths';

describe('uri-list decoding', () => {
  it('decodes POSIX, Windows and UNC file URIs', () => {
    expect(fileUriToPath('file:///home/me/News%20Archive/')).toBe('/home/me/News Archive');
    expect(fileUriToPath('file:///home/me/%E6%96%B0%E9%97%BB')).toBe('/home/me/新闻');
    expect(fileUriToPath('file://localhost/tmp/a')).toBe('/tmp/a');
    expect(fileUriToPath('file:///C:/Users/me/Archive')).toBe('C:\\Users\\me\\Archive');
    expect(fileUriToPath('file://nas/share/news')).toBe('\\\\nas\\share\\news');
    expect(fileUriToPath('file:///')).toBe('/');
  });

  it('refuses other schemes, NUL bytes and garbage', () => {
    expect(fileUriToPath('https://example.com/a')).toBeNull();
    expect(fileUriToPath('file:///tmp/a%00b')).toBeNull();
    expect(fileUriToPath('not a uri')).toBeNull();
    expect(fileUriToPath('file:///bad%E0%A4%A')).toBeNull();
  });

  it('reads a list with comments and CRLF line ends', () => {
    expect(
      parseUriList('# dragged from Files\r\nfile:///a/b\r\nhttps://x.test/\r\n\r\nfile:///c%23d.md\r\n'),
    ).toEqual(['/a/b', '/c#d.md']);
  });
});

describe('planDrop', () => {
  it('uses host paths and the browser’s directory flag', () => {
    expect(
      planDrop(
        [
          { name: 'archive', path: '/data/archive', isDirectory: true },
          { name: 'story.MD', path: '/data/story.MD', isDirectory: false },
          { name: 'photo.jpg', path: '/data/photo.jpg', isDirectory: false },
        ],
        '',
      ),
    ).toEqual({
      folders: ['/data/archive'],
      articles: ['/data/story.MD'],
      unsupported: ['photo.jpg'],
      unresolved: [],
    });
  });

  it('falls back to the uri-list when the host gives no path (plain browser)', () => {
    const plan = planDrop(
      [
        { name: 'story.html', path: '', isDirectory: false },
        { name: 'archive', path: '', isDirectory: true },
      ],
      'file:///srv/archive\nfile:///srv/story.html\n',
    );
    expect(plan).toEqual({
      folders: ['/srv/archive'],
      articles: ['/srv/story.html'],
      unsupported: [],
      unresolved: [],
    });
  });

  it('refuses other files even when their location is unknown', () => {
    expect(planDrop([{ name: 'notes.pdf', path: '', isDirectory: null }], '').unsupported).toEqual([
      'notes.pdf',
    ]);
    expect(planDrop([{ name: 'story.md', path: '', isDirectory: null }], '').unresolved).toEqual([
      'story.md',
    ]);
  });

  it('reports what it cannot place', () => {
    expect(planDrop([{ name: 'archive', path: '', isDirectory: true }], '')).toEqual({
      folders: [],
      articles: [],
      unsupported: [],
      unresolved: ['archive'],
    });
  });

  it('handles a uri-list with no File objects (some file managers)', () => {
    expect(planDrop([], 'file:///srv/news\nfile:///srv/a.txt\nfile:///srv/b.pdf')).toEqual({
      folders: ['/srv/news'],
      articles: ['/srv/a.txt'],
      unsupported: ['b.pdf'],
      unresolved: [],
    });
  });

  it('treats hidden files as not articles', () => {
    expect(isArticleFileName('.draft.md')).toBe(false);
    expect(isArticleFileName('a.HTM')).toBe(true);
    expect(isArticleFileName('a.markdown')).toBe(true);
    expect(isArticleFileName('a.mdx')).toBe(false);
  });
});
