import { describe, expect, it } from 'vitest';
import { baseName, folderPath, inFolder, topFolderName } from './folders';

describe('folders', () => {
  it('names the top-level folder of a path inside a root, none for a file directly in it or outside it', () => {
    expect(topFolderName('/news', '/news/sina/2024/a.md')).toBe('sina');
    expect(topFolderName('/news/', '/news/sina/a.md')).toBe('sina');
    expect(topFolderName('/news', '/news/a.md')).toBeUndefined();
    expect(topFolderName('/news', '/newsroom/sina/a.md')).toBeUndefined();
    expect(topFolderName('C:\\news', 'C:\\news\\hk\\a.md')).toBe('hk');
  });

  it('writes a folder as its path, and a choice holds a top-level folder or a whole root', () => {
    const sina = { root: '/news', name: 'sina' };
    const top = { root: '/news' };
    expect(folderPath(sina)).toBe('/news/sina');
    expect(folderPath(top)).toBe('/news');
    expect(folderPath({ root: 'C:\\news', name: 'hk' })).toBe('C:\\news\\hk');
    expect(inFolder(sina, '/news/sina')).toBe(true);
    expect(inFolder(sina, '/news')).toBe(true);
    expect(inFolder(top, '/news')).toBe(true);
    expect(inFolder(top, '/news/sina')).toBe(false);
    expect(inFolder({ root: '/news', name: 'sin' }, '/news/sina')).toBe(false);
    expect(inFolder(undefined, '/news')).toBe(false);
  });

  it('names a root by its last part', () => {
    expect(baseName('/home/me/news')).toBe('news');
    expect(baseName('/home/me/news/')).toBe('news');
    expect(baseName('C:\\Users\\me\\新闻')).toBe('新闻');
    expect(baseName('/')).toBe('/');
  });
});
