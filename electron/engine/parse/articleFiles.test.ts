import { describe, expect, it } from 'vitest';
import { baseNameWithoutExtension, extensionOf, isArticleFileName, MAX_FILE_BYTES } from './articleFiles';

describe('isArticleFileName', () => {
  it('accepts the article extensions (saved pages too) in any case', () => {
    for (const name of [
      'page.mhtml',
      'page.MHT',
      'a.md',
      'a.markdown',
      'a.txt',
      'a.html',
      'a.htm',
      'A.MD',
      'b.Html',
      'c.TXT',
      ' .md',
      '王毅.md',
    ]) {
      expect(isArticleFileName(name), name).toBe(true);
    }
  });
  it('ignores other extensions, names without one, and hidden files', () => {
    for (const name of ['a.jpg', 'a.md.bak', 'README', 'md', '.md', '.hidden.md', '.DS_Store', 'a.mdx', '']) {
      expect(isArticleFileName(name), name).toBe(false);
    }
  });
});

describe('file name helpers', () => {
  it('finds extensions and base names across folders', () => {
    expect(extensionOf('/a/b.c/D.HTM')).toBe('.htm');
    expect(extensionOf('/a/b.c/noext')).toBe('');
    expect(baseNameWithoutExtension('/x/y/2021.md')).toBe('2021');
    expect(baseNameWithoutExtension('C:\\x\\Against SQL.md')).toBe('Against SQL');
  });
  it('limits files to 20 MB', () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });
});
