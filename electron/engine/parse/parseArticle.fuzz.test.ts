// Property tests: random and mutated files never make the parser throw, and what it returns is
// always well formed. Starts from real seeds and hostile fixtures and mutates bytes, inserts
// fences/tags/entities/NULs/lone surrogates, and truncates. BROADSHEET_STRESS=1 runs many more.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_DIR } from '../testing/seeds';
import { htmlPass } from './htmlPass';
import { MAX_TITLE_CHARS } from './limits';
import { type ParseOutcome, parseArticle } from './parseArticle';

const NUM_RUNS = process.env.BROADSHEET_STRESS ? 5_000 : 300;
const SEED_DIRS = [
  fileURLToPath(new URL('./fixtures', import.meta.url)),
  fileURLToPath(new URL('../testing/fixtures/hostile-archive', import.meta.url)),
  SEED_DIR,
];

function seedFiles(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(md|txt|html?)$/.test(name)) out.push(new Uint8Array(readFileSync(path)));
    }
  };
  for (const dir of SEED_DIRS) visit(dir);
  return out;
}

const SEEDS = seedFiles();
const enc = new TextEncoder();

// Pieces that stress the front-matter splitter, the YAML engine, Markdown and the HTML pass.
const PIECES = [
  '---\n',
  '---js\n',
  '--- JavaScript\n',
  '---yaml\n',
  '\n---\n',
  'title: ',
  'date: ',
  'categories: [',
  '&a [*a, *a]\n',
  '*a',
  '!!js/function ',
  '!<tag:yaml.org,2002:js/function> ',
  '"',
  "'",
  '\\e',
  '<script>',
  '</script>',
  '<svg><style><img src=x onerror=1>',
  '<math><mtext><table><mglyph><style><!--',
  '<!--',
  '-->',
  '<![CDATA[',
  '<div>',
  '</div>',
  '<h1>',
  '<title>',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&#xD800;',
  '&lt;',
  '&',
  '> > > >',
  '- - - -',
  '```',
  '[x](javascript:alert(1))',
  '![](data:text/html,x)',
  '\u0000',
  '\r\n',
  '\r',
  '\uFEFF',
  '\u2028',
  '\u001b[2J',
];

const LONE_SURROGATES = [
  [0xed, 0xa0, 0x80], // CESU-style high surrogate: invalid UTF-8
  [0xed, 0xbf, 0xbf],
];

/** One mutation applied to a byte array. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({ kind: fc.constant('surrogate' as const), at: fc.nat(), which: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
  const join3 = (a: Uint8Array, mid: ArrayLike<number>, b: Uint8Array) => {
    const out = new Uint8Array(a.length + mid.length + b.length);
    out.set(a, 0);
    out.set(mid, a.length);
    out.set(b, a.length + mid.length);
    return out;
  };
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return Uint8Array.of(m.byte);
      const out = bytes.slice();
      out[at % bytes.length] = m.byte;
      return out;
    }
    case 'insert':
      return join3(bytes.subarray(0, at), enc.encode(m.piece), bytes.subarray(at));
    case 'surrogate':
      return join3(bytes.subarray(0, at), LONE_SURROGATES[m.which]!, bytes.subarray(at));
    case 'truncate':
      return bytes.slice(0, at);
    case 'delete':
      return join3(bytes.subarray(0, at), [], bytes.subarray(Math.min(bytes.length, at + m.length)));
  }
}

const mutatedSeed = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([index, mutations]) => mutations.reduce(applyMutation, SEEDS[index]!));

const pieceSoup = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 20 })), {
    maxLength: 40,
  })
  .map((parts) => enc.encode(parts.join('')));

const anyBytes = fc.uint8Array({ maxLength: 2_000 });

const timeZone = fc.constantFrom('', 'UTC', 'Asia/Shanghai', 'America/St_Johns', 'Not/AZone');

function parse(bytes: Uint8Array, zone: string, name = 'fuzz.md'): ParseOutcome {
  return parseArticle(
    { path: `/lib/${name}`, root: '/lib', bytes, mtimeMs: 1_700_000_000_000, size: bytes.length },
    { timeZone: zone },
  );
}

const ISO = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function expectWellFormed(outcome: ParseOutcome): void {
  expect(Array.isArray(outcome.problems)).toBe(true);
  for (const p of outcome.problems) {
    expect(p.path).toBe(outcome.article?.path ?? p.path);
    expect(typeof p.code).toBe('string');
    expect(p.code.length).toBeGreaterThan(0);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(10);
    expect(['error', 'warning']).toContain(p.severity);
    if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
  }
  const a = outcome.article;
  if (a === null) {
    expect(outcome.problems.some((p) => p.severity === 'error')).toBe(true);
    return;
  }
  expect(typeof a.title).toBe('string');
  expect(a.title.length).toBeGreaterThan(0);
  expect([...a.title].length).toBeLessThanOrEqual(MAX_TITLE_CHARS + 1);
  expect(a.date).toMatch(ISO);
  expect(Number.isNaN(Date.parse(a.date))).toBe(false);
  expect(a.id).toMatch(/^[0-9a-f]{16}$/);
  expect(a.contentHash).toMatch(/^[0-9a-f]{16}$/);
  expect(typeof a.html).toBe('string');
  expect(typeof a.text).toBe('string');
  expect(a.categories.every((c) => typeof c === 'string' && c.length > 0)).toBe(true);
  expect(a.degraded).toBe(outcome.problems.length > 0);
  expect(a.chars).toBe([...a.text].length);
  // `extra` must survive the trip to the window (structured clone / JSON) unchanged.
  expect(JSON.parse(JSON.stringify(a.extra))).toEqual(a.extra);
  if (a.author !== undefined) expect(typeof a.author).toBe('string');
}

describe('parseArticle under fuzzing', () => {
  it('has seeds to mutate', () => {
    expect(SEEDS.length).toBeGreaterThan(20);
  });

  it('never throws on mutated seeds and returns a well-formed outcome', () => {
    fc.assert(
      fc.property(mutatedSeed, timeZone, fc.constantFrom('a.md', 'a.html', 'a.txt'), (bytes, zone, name) => {
        expectWellFormed(parse(bytes, zone, name));
      }),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it('never throws on soups of fences, tags, entities, NULs and surrogates', () => {
    fc.assert(
      fc.property(pieceSoup, timeZone, (bytes, zone) => expectWellFormed(parse(bytes, zone))),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(anyBytes, timeZone, (bytes, zone) => expectWellFormed(parse(bytes, zone))),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it('never runs front matter, whatever its spelling', () => {
    const lang = fc.constantFrom(
      'js',
      'javascript',
      'JavaScript',
      ' js',
      ' JAVASCRIPT ',
      'coffee',
      'json',
      'yaml',
    );
    fc.assert(
      fc.property(lang, fc.string({ maxLength: 30 }), (language, noise) => {
        const source = `---${language}\n({ title: (globalThis.__pwned = 'fuzz', 'ran') })\n${noise}\n---\nbody\n`;
        const outcome = parse(enc.encode(source), '');
        expectWellFormed(outcome);
        expect(outcome.article?.title).not.toBe('ran');
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the text extractor under fuzzing', () => {
  it('never throws and never lets markup into the text', () => {
    const html = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(html, (source) => {
        const pass = htmlPass(source);
        expect(typeof pass.html).toBe('string');
        expect(typeof pass.text).toBe('string');
        expect(typeof pass.firstHeading).toBe('string');
        expect(typeof pass.tooDeep).toBe('boolean');
        // Script and style content is never reading text.
        expect(pass.text).not.toContain('onerror=1>');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
