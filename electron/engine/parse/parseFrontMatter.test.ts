import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { MATTER_OPTIONS, parseFrontMatter } from './parseFrontMatter';
import { ProblemList } from './problems';
import { splitFrontMatter } from './splitFrontMatter';

const g = globalThis as { __pwned?: unknown };
afterEach(() => {
  delete g.__pwned;
});

function parse(text: string) {
  const problems = new ProblemList('/lib/a.md');
  const data = parseFrontMatter(splitFrontMatter(text), problems);
  return { data, problems: problems.items };
}

describe('parseFrontMatter', () => {
  it('reads the seed-style block with dates left as strings (core schema)', () => {
    const { data, problems } = parse(
      "\n---\ntitle: '王毅'\ncategories: \n - 金融\ncomments: false\ndate: 2021-03-22 05:05:06\nn: 12\n---\nbody",
    );
    expect(problems).toEqual([]);
    expect(data).toEqual({
      title: '王毅',
      categories: ['金融'],
      comments: false,
      date: '2021-03-22 05:05:06',
      n: 12,
    });
  });

  it('never evaluates code front matter, in any spelling', () => {
    for (const lang of ['js', 'javascript', 'JavaScript', 'JS', 'coffee']) {
      const { data, problems } = parse(
        `\n---${lang}\n{ title: (globalThis.__pwned = "${lang}") }\n---\nbody`,
      );
      expect(g.__pwned, lang).toBeUndefined();
      expect(data).toEqual({});
      expect(problems).toMatchObject([{ code: 'front-matter-code', severity: 'warning', line: 2 }]);
    }
  });

  it('keeps eval out of reach even if gray-matter is handed a code fence directly', () => {
    for (const lang of ['js', 'javascript', 'JAVASCRIPT', 'Js']) {
      expect(() => matter(`---${lang}\n{ x: (globalThis.__pwned = 1) }\n---\n`, MATTER_OPTIONS)).toThrow();
      expect(g.__pwned).toBeUndefined();
    }
  });

  it('reports a block that never closes with its line', () => {
    const { data, problems } = parse('\n\n---\ntitle: x\n');
    expect(data).toEqual({});
    expect(problems).toMatchObject([{ code: 'front-matter-unclosed', line: 3 }]);
    expect(problems[0]!.message).toContain('line 3 never closes: add a line with ---');
  });

  it('reports a YAML syntax error once, at its line, and keeps every field that reads', () => {
    const { data, problems } = parse('\n---\ntitle: ok\ntags: [a, b\nauthor: x\n---\nbody');
    expect(data).toEqual({ title: 'ok', author: 'x' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', severity: 'warning', line: 4 });
    expect(problems[0]!.message).toContain('line 4');
    expect(problems[0]!.message).toContain('every other field was read');
  });

  it('recovers around a bad title line: date, author and categories survive, one problem', () => {
    const block = [
      '---',
      'title: "He said "no" to the plan"',
      'date: 2019-04-02 08:00',
      'author: Lin Wei',
      'categories:',
      '- 政治',
      '- 香港',
      'cover: https://img.example.org/a.jpg',
      '---',
      'body',
    ].join('\n');
    const { data, problems } = parse(block);
    expect(data).toEqual({
      date: '2019-04-02 08:00',
      author: 'Lin Wei',
      categories: ['政治', '香港'],
      cover: 'https://img.example.org/a.jpg',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
  });

  it('names the other broken lines in the same single problem', () => {
    const { data, problems } = parse('---\na: [1\nb: ok\nc: "x\nd: 2\n---\n');
    expect(data).toEqual({ b: 'ok', d: 2 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
    expect(problems[0]!.message).toContain('line 4 too');
  });

  it('counts lines correctly with CRLF and leading blank lines', () => {
    const { problems } = parse('\r\n\r\n---\r\ntitle: "unterminated\r\n---\r\nbody');
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', line: 4 });
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const { data, problems } = parse(`---\n${bomb}\n---\nbody`);
    expect(data).toEqual({});
    expect(problems).toMatchObject([{ code: 'yaml-aliases', line: 1 }]);
  });

  it('reads function tags as plain text and reports them', () => {
    const { data, problems } = parse('---\ntitle: !!js/function "function () { return 1 }"\n---\n');
    expect(data).toEqual({ title: 'function () { return 1 }' });
    expect(problems).toMatchObject([{ code: 'yaml-tag', line: 2 }]);
  });

  it('ignores front matter that is not a mapping', () => {
    expect(parse('---\n- a\n- b\n---\n').problems).toMatchObject([{ code: 'front-matter-shape' }]);
    expect(parse('---\njust text\n---\n').problems).toMatchObject([{ code: 'front-matter-shape' }]);
    expect(parse('---\n---\nbody')).toEqual({ data: {}, problems: [] });
    expect(parse('---\n# only a comment\n---\nbody')).toEqual({ data: {}, problems: [] });
  });

  it('always passes options to gray-matter, so it caches nothing', () => {
    const cache = (matter as unknown as { cache: Record<string, unknown> }).cache;
    const before = Object.keys(cache).length;
    parse('---\ntitle: cached?\n---\nbody');
    expect(Object.keys(cache).length).toBe(before);
  });

  it('keeps a key named __proto__ as data without touching prototypes', () => {
    const { data } = parse('---\n__proto__: {polluted: true}\ntitle: x\n---\n');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(data.title).toBe('x');
  });
});
