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

  it('marks any language after the fence as code, except YAML, TOML and JSON spellings', () => {
    for (const lang of ['js', 'javascript', 'JavaScript', 'JS', 'coffee', 'json5', 'ts']) {
      expect(splitFrontMatter(`---${lang}\n{}\n---\nbody`), lang).toMatchObject({
        kind: 'code',
        language: lang,
      });
    }
    expect(splitFrontMatter('---yaml\na: 1\n---\n').kind).toBe('yaml');
    expect(splitFrontMatter('--- \na: 1\n---\n').kind).toBe('yaml');
    expect(splitFrontMatter('--- # metadata\na: 1\n---\n')).toMatchObject({ kind: 'yaml', language: '' });
    expect(splitFrontMatter('---json\n{"a": 1}\n---\nbody')).toMatchObject({
      kind: 'json',
      block: '{"a": 1}\n',
    });
    expect(splitFrontMatter('---TOML\na = 1\n---\nbody')).toMatchObject({ kind: 'toml', block: 'a = 1\n' });
  });

  it('finds TOML between +++ lines and closes only on +++', () => {
    expect(splitFrontMatter('\n+++\ntitle = "x"\n---\n+++ \nbody')).toEqual({
      kind: 'toml',
      language: '',
      openLine: 2,
      block: 'title = "x"\n---\n',
      unclosed: false,
      body: 'body',
    });
    expect(splitFrontMatter('++++\n').kind).toBe('none');
  });

  it('finds a leading JSON object up to its matching brace, braces inside strings ignored', () => {
    const split = splitFrontMatter(
      '{\n  "title": "a } b",\n  "tags": ["x", {"y": 1}]\n}\n\nbody {not json}\n',
    );
    expect(split).toMatchObject({
      kind: 'json',
      openLine: 1,
      block: '{\n  "title": "a } b",\n  "tags": ["x", {"y": 1}]\n}',
      body: '\nbody {not json}\n',
    });
    expect(splitFrontMatter('{"title": "x"\nbody')).toMatchObject({ kind: 'json', unclosed: true });
    expect(splitFrontMatter('{{< youtube abc >}}\n').kind).toBe('none');
    expect(splitFrontMatter('{.class} text\n').kind).toBe('none');
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
