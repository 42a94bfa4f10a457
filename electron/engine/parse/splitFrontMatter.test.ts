import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './splitFrontMatter';

describe('splitFrontMatter', () => {
  it('accepts leading blank lines (as in every seed) and reports the fence line', () => {
    const split = splitFrontMatter('\n  \n---\ntitle: x\n---\n\n<div>body</div>\n');
    expect(split).toEqual({
      kind: 'yaml',
      language: '',
      openLine: 3,
      block: 'title: x\n',
      unclosed: false,
      body: '\n<div>body</div>\n',
    });
  });

  it('accepts a BOM and CRLF line ends', () => {
    const split = splitFrontMatter('\uFEFF\r\n---\r\ntitle: x\r\n---\r\nbody');
    expect(split).toMatchObject({ kind: 'yaml', openLine: 2, block: 'title: x\r\n', body: 'body' });
  });

  it('finds no front matter when the file does not start with a fence', () => {
    expect(splitFrontMatter('# Title\n---\nx')).toEqual({ kind: 'none', body: '# Title\n---\nx' });
    expect(splitFrontMatter('----\ntitle: x\n---\n').kind).toBe('none');
    expect(splitFrontMatter('\n\n').kind).toBe('none');
    expect(splitFrontMatter('').kind).toBe('none');
  });

  it('marks any language after the fence as code, except YAML spellings', () => {
    for (const lang of ['js', 'javascript', 'JavaScript', 'JS', 'coffee', 'json', 'toml']) {
      expect(splitFrontMatter(`---${lang}\n{}\n---\nbody`), lang).toMatchObject({
        kind: 'code',
        language: lang,
      });
    }
    expect(splitFrontMatter('---yaml\na: 1\n---\n').kind).toBe('yaml');
    expect(splitFrontMatter('--- \na: 1\n---\n').kind).toBe('yaml');
    expect(splitFrontMatter('--- # metadata\na: 1\n---\n')).toMatchObject({ kind: 'yaml', language: '' });
  });

  it('reports a fence that never closes and keeps the rest of the file as body', () => {
    const split = splitFrontMatter('\n---\ntitle: x\n<p>body</p>\n');
    expect(split).toMatchObject({
      kind: 'yaml',
      openLine: 2,
      unclosed: true,
      block: '',
      body: 'title: x\n<p>body</p>\n',
    });
  });

  it('only closes on a line that is exactly --- (trailing spaces allowed)', () => {
    const split = splitFrontMatter('---\na: |\n  ---x\n--- \nbody');
    expect(split).toMatchObject({ block: 'a: |\n  ---x\n', body: 'body', unclosed: false });
  });
});
