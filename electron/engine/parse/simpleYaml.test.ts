import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { SEED_DIR, SEED_NAMES } from '../testing/seeds';
import { decodeText } from './decodeText';
import { MAX_YAML_ALIASES } from './limits';
import { YAML_OPTIONS } from './parseFrontMatter';
import { DECLINED, parseSimpleYaml } from './simpleYaml';
import { splitFrontMatter } from './splitFrontMatter';

/** What the product's YAML engine returned before the fast path existed, or 'error' when it refused. */
function reference(source: string): unknown {
  const doc = YAML.parseDocument(source, YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return 'error';
  return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {};
}

/** Accepted input must give exactly the reference value, key order included; declining is always allowed. */
function expectEquivalent(source: string): boolean {
  const fast = parseSimpleYaml(source);
  if (fast === DECLINED) return false;
  const expected = reference(source);
  expect(expected, JSON.stringify(source)).not.toBe('error');
  expect(fast, JSON.stringify(source)).toStrictEqual(expected);
  expect(Object.keys(fast)).toEqual(Object.keys(expected as object));
  return true;
}

/** The exact string gray-matter hands to the YAML engine for a block found by splitFrontMatter. */
function engineInput(block: string): string {
  let seen: string | undefined;
  const capture = {
    parse(source: string) {
      seen = source;
      return {};
    },
  };
  matter(`---\n${block}---\n`, { language: 'yaml', engines: { yaml: capture } });
  if (seen === undefined) throw new Error('gray-matter did not call the engine');
  return seen;
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('parseSimpleYaml', () => {
  it('reads the front matter of every fixture exactly as yaml does, and takes the simple ones', () => {
    const accepted: string[] = [];
    const files: [name: string, path: string][] = [
      ...readdirSync(fixtures).map((name): [string, string] => [name, join(fixtures, name)]),
      ...SEED_NAMES.map((name): [string, string] => [name, join(SEED_DIR, name)]),
    ];
    for (const [name, path] of files) {
      if (!/\.(md|txt|html)$/.test(name)) continue;
      const decoded = decodeText(readFileSync(path));
      if (decoded.kind !== 'text') continue;
      const split = splitFrontMatter(decoded.text);
      if (split.kind !== 'yaml' || split.unclosed) continue;
      if (expectEquivalent(engineInput(split.block))) accepted.push(name);
    }
    // The seeds, the hkcnews articles and the CRLF file are what the fast path is for.
    expect(accepted).toEqual(
      expect.arrayContaining([
        '000_9fc613d590d79208.txt',
        '001_c6695ae4905b6fb4.txt',
        'article_659.md',
        'article_8756.md',
        'crlf.md',
        ' .md',
      ]),
    );
  });

  it('takes corpus-style blocks and gives the same values as yaml', () => {
    const cases = [
      "\ntitle: '王毅会见俄罗斯外长拉夫罗夫'\ncategories: \n - 金融\n - 新浪财经－国內\nauthor: 新浪财经\ncomments: false\ndate: Sat, 06 Aug 2022 04:07:06 GMT",
      '\ntitle: "香港彈入彈出避稅港名單，真正原因為何？"\ndate: ""\ntags:\n  - "歐盟"\n  - "歐洲 聯盟"\nurl: "https://web.archive.org/web/2021/https://x.example/a%20b"',
      '\ntitle:  \ncategories: \n    - 新媒体\n    - 数英网 - 数英网最新文章\nthumbnail: \ncomments: false',
      "\ntitle: 'It''s 12:30' # note\nn: 0x1F\no: 0o17\nf: 1.50\ne: -1e3\ninf: -.Inf\nyes: yes\nt: True\nnil: ~\nu: https://a.example/?a=1&b=*2#frag",
      '\ntitle: x\r\ndate: 2022年08月06日 12:56\r',
      '\nlist:\n- a\n-\n- # empty\n- "q"\n# trailing comment\n',
    ];
    for (const source of cases) expect(expectEquivalent(source), JSON.stringify(source)).toBe(true);
  });

  it('declines what it does not fully implement, leaving it to yaml', () => {
    const declined = [
      '\ntitle: 00_00\n                    \n                  币世界晚行情', // multi-line plain scalar (corpus)
      '\na: &x 1\nb: *x', // anchors and aliases: alias bombs stay yaml's to refuse
      '\ntitle: !!js/function "f"', // tags
      '\ntags: [a, b]',
      '\nmeta: {a: 1}',
      '\nbody: |\n  text',
      '\nbody: >\n  text',
      '\ntitle: "\\u00e9"', // escapes beyond the simple ones
      '\ntitle: "unterminated\n"',
      '\na: 1\na: 2', // duplicate keys
      '\n\ttitle: x', // tabs
      '\n? key\n: value',
      '\n---\ntitle: x',
      '\n__proto__: x',
      '\nnested:\n  a: 1',
      '\ntitle: a: b',
      '\n- a\n- b',
    ];
    for (const source of declined) expect(parseSimpleYaml(source), JSON.stringify(source)).toBe(DECLINED);
  });

  it('never disagrees with yaml on well-formed blocks of tricky values', () => {
    let accepted = 0;
    fc.assert(
      fc.property(wellFormed, (source) => {
        if (expectEquivalent(source)) accepted++;
      }),
      { numRuns: 5_000 },
    );
    // Most of these blocks are in the fast path's grammar: a fast path that declined them would show here.
    expect(accepted).toBeGreaterThan(500);
  });

  it('never disagrees with yaml on generated lines of any kind', () => {
    fc.assert(
      fc.property(anyLines, (source) => {
        expectEquivalent(source);
      }),
      { numRuns: 5_000 },
    );
  });
});

// --- generators: realistic lines and the tricky cases around every rule of the fast path ---

const keys = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('title', 'date', 'author', 'categories', 'tags', 'headimg', 'url'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'null',
      'Null',
      '~',
      'true',
      'False',
      'yes',
      '1',
      '01',
      '0x1F',
      '0o17',
      '1e3',
      '1.5',
      'a-b',
      '_x',
      '-a',
      'toString',
      'constructor',
      '__proto__',
      'a b',
      'a.b',
      '"q"',
      "'q'",
      'a#b',
      '<<',
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/) },
);

const plainWords = fc.constantFrom(
  '王毅会见俄罗斯外长拉夫罗夫',
  '新浪财经－国內',
  'Sat, 06 Aug 2022 04:07:06 GMT',
  '2021-03-22 05:05:06',
  'https://n.sinaimg.cn/a.jpg?x=1&y=2',
  'a#b',
  'a # comment',
  'a #',
  'x:y',
  'a: b',
  'a:',
  'a :b',
  '12:30',
  '　全角空格　',
  '\u00a0nbsp\u00a0',
  'it\'s "quoted" inside',
  'a&b*c!d',
  'a,b[c]{d}',
  '99 Luftballons',
  '- item',
  '-x',
  '--',
  '---',
  '...',
  '😀 emoji',
);

const coreScalars = fc.constantFrom(
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'nUll',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  '0',
  '-0',
  '+0',
  '007',
  '12',
  '-12',
  '+12',
  '12345678901234567890',
  '1_000',
  '0o17',
  '0o8',
  '0O17',
  '0x1F',
  '0x1f',
  '0xg',
  '0X1F',
  '-0x1F',
  '1.5',
  '1.',
  '.5',
  '-.5',
  '+.5',
  '1.50',
  '1e3',
  '1E3',
  '1.5e-3',
  '.5e+2',
  '1e',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '.NAN',
  '-.nan',
  '.',
  '+',
  '-',
);

const indicators = fc.constantFrom(
  '&a x',
  '*a',
  '!tag x',
  '!!str 1',
  '|',
  '>-',
  '[a, b]',
  '{a: 1}',
  '%x',
  '@x',
  '`x',
  '? x',
  '?x',
  ':x',
  ',x',
  '#x',
  '- x',
);

const singleQuoted = fc
  .array(fc.constantFrom('a', ' ', "''", '王', '"', '\\', '#', ': ', '\u3000'), { maxLength: 6 })
  .map((parts) => `'${parts.join('')}'`);
const doubleQuoted = fc
  .array(
    fc.constantFrom(
      'a',
      ' ',
      '\\\\',
      '\\"',
      '\\/',
      '\\n',
      '\\t',
      '\\r',
      '\\x41',
      '\\u00e9',
      '\\ ',
      '\\0',
      "'",
      '#',
      '王',
    ),
    { maxLength: 6 },
  )
  .map((parts) => `"${parts.join('')}"`);
const brokenQuotes = fc.constantFrom(
  "'open",
  '"open',
  "'a' b",
  '"a" b',
  "'a'#c",
  '"a"#c',
  "'a' # c",
  '"a" #c',
  '"a\\"',
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: plainWords },
  { weight: 4, arbitrary: coreScalars },
  { weight: 3, arbitrary: singleQuoted },
  { weight: 3, arbitrary: doubleQuoted },
  { weight: 1, arbitrary: indicators },
  { weight: 1, arbitrary: brokenQuotes },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const spaces = fc.constantFrom('', ' ', '  ', '    ');
const trailing = fc.constantFrom('', '', ' ', '  ', ' # comment', '# no space', '\t', '\u3000');

const keyLine = fc
  .tuple(keys, fc.constantFrom(':', ':', ' :', ':x'), fc.constantFrom(' ', ' ', '  ', ''), scalar, trailing)
  .map(([k, colon, gap, v, t]) => `${k}${colon}${gap}${v}${t}`);
const emptyKeyLine = fc
  .tuple(keys, fc.constantFrom('', ' ', '  # list follows'))
  .map(([k, t]) => `${k}:${t}`);
const itemLine = fc
  .tuple(
    spaces,
    fc.constantFrom('- ', '- ', '-', '-  ', '- - ', '-x'),
    fc.oneof(scalar, fc.constant('')),
    trailing,
  )
  .map(([indent, dash, v, t]) => `${indent}${dash}${v}${t}`);
const oddLine = fc.constantFrom(
  '',
  ' ',
  '# comment',
  '  # indented comment',
  '    continued text',
  '  key: nested',
  '---',
  '...',
  '%YAML 1.2',
  '? complex',
  ': value',
  '\ttab: x',
  'a:\tb',
  '\ufeffbom: x',
  'cr: x\ry',
);

const line = fc.oneof(
  { weight: 5, arbitrary: keyLine },
  { weight: 3, arbitrary: emptyKeyLine },
  { weight: 5, arbitrary: itemLine },
  { weight: 2, arbitrary: oddLine },
);

const eols = fc.constantFrom('\n', '\n', '\r\n');
const ends = fc.constantFrom('', '\n', '\r', '\r\n');

const anyLines = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 8 }), eols, fc.constantFrom('\n', ''), ends)
  .map(([lines, eol, head, tail]) => head + lines.join(eol) + tail);

// Realistic structure (distinct keys, scalar values, lists under `key:` lines, comments and blank lines
// between) with every kind of value in it.
const filler = fc.constantFrom('', '# comment', '  # indented comment', '   ');
const entry = fc.oneof(
  fc.tuple(fc.constantFrom(' ', ' ', '  '), scalar, trailing).map(([gap, value, t]) => (key: string) => [
    `${key}:${gap}${value}${t}`,
  ]),
  fc
    .tuple(
      fc.constantFrom('', ' ', '  # list follows'),
      spaces,
      fc.array(fc.tuple(fc.constantFrom('- ', '- ', '-  '), scalar, trailing), { maxLength: 4 }),
      fc.option(filler, { freq: 4 }),
    )
    .map(([t, indent, items, between]) => (key: string) => [
      `${key}:${t}`,
      ...items.flatMap(([dash, value, tail]) => {
        const item = `${indent}${dash}${value}${tail}`;
        return between === null ? [item] : [item, between];
      }),
    ]),
);
const wellFormed = fc
  .tuple(
    fc.uniqueArray(fc.tuple(keys, entry, fc.option(filler, { freq: 3 })), {
      maxLength: 8,
      selector: ([key]) => key,
    }),
    eols,
    ends,
  )
  .map(
    ([entries, eol, tail]) =>
      `\n${entries.flatMap(([key, lines, extra]) => [...lines(key), ...(extra === null ? [] : [extra])]).join(eol)}${tail}`,
  );
