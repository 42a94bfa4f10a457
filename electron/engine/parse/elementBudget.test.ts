// The element budget: the HTML pass's bound on what a browser builds must never be below what a
// browser (parse5, the HTML standard's tree builder) really builds, and amplifying articles of every
// shape are caught while real ones are not.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBrowserElements, FORMATTING } from './elementBudget';
import { htmlPass } from './htmlPass';
import { MAX_ARTICLE_ELEMENTS } from './limits';
import { parseArticle } from './parseArticle';

const NUM_RUNS = process.env.BROADSHEET_STRESS ? 5_000 : 400;
const exact = (html: string) => countBrowserElements(html, 10_000_000);

/** `count` different unclosed formatting elements, then `paragraphs` paragraph starts. */
function reconstructionBomb(open: (i: number) => string, count: number, tail: string, paragraphs: number) {
  let html = '';
  for (let i = 0; i < count; i++) html += open(i);
  return html + tail.repeat(paragraphs);
}

const FORMATTING_NAMES = [...FORMATTING];

describe('element budget: amplifying articles are caught', () => {
  // Each is a real bomb (checked below: a browser builds more than the budget) of about 10-20 KB.
  const bombs: [string, string][] = [
    [
      'the reported shape: 200 different unclosed <b class=cN> in a paragraph, then paragraphs',
      `<p>${reconstructionBomb((i) => `<b class=c${i}>`, 200, '<p>x', 400)}`,
    ],
    ['closed by </p>', `<p>${reconstructionBomb((i) => `<b class=c${i}>`, 200, '</p><p>x', 400)}`],
    // <a> and <nobr> close their predecessor (the adoption agency), so alone they do not pile up.
    ...FORMATTING_NAMES.filter((n) => n !== 'a' && n !== 'nobr').map((name): [string, string] => [
      `<${name}> with different attributes`,
      `<p>${reconstructionBomb((i) => `<${name} title=t${i}>`, 200, '<p>y', 400)}`,
    ]),
    [
      "every formatting element, the same attributes (Noah's Ark keeps three of each)",
      `<p>${reconstructionBomb((i) => `<${FORMATTING_NAMES[i % FORMATTING_NAMES.length]} class=same>`, 42, '<p>y', 2_000)}`,
    ],
    [
      'mixed formatting elements in a <div>, closed by </div>',
      `<div>${reconstructionBomb((i) => `<${FORMATTING_NAMES[i % FORMATTING_NAMES.length]} id=n${i}>`, 200, '</div><div>z', 400)}`,
    ],
    ['in list items', `<ul><li>${reconstructionBomb((i) => `<em data-i=${i}>`, 200, '<li>w', 400)}</ul>`],
    [
      'in a table cell, closed by paragraphs',
      `<table><tr><td><p>${reconstructionBomb((i) => `<u lang=l${i}>`, 200, '<p>v', 400)}`,
    ],
    [
      'closed by <center> (a block htmlparser2 does not know closes <p>)',
      `<p>${reconstructionBomb((i) => `<s class=s${i}>`, 200, '<center>q</center>', 400)}`,
    ],
    ['closed by headings', `<p>${reconstructionBomb((i) => `<font size=${i}>`, 200, '<h2>h</h2>', 400)}`],
    ['a huge table', `<table>${'<tr><td>a<td>b<td>c<td>d'.repeat(12_000)}</table>`],
    ['flat elements', '<i></i>'.repeat(60_000)],
  ];
  for (const [name, html] of bombs) {
    it(name, () => {
      const started = performance.now();
      const pass = htmlPass(html);
      const elapsed = performance.now() - started;
      const built = exact(html);
      expect(built).toBeGreaterThan(MAX_ARTICLE_ELEMENTS);
      expect(pass.tooManyElements).toBe(true);
      expect(pass.elementBound).toBeGreaterThanOrEqual(built);
      // Bounded work, not the browser's: far below what the browser would spend (no timing
      // assertion; printed for the reader of the test log).
      if (elapsed > 2_000) console.log(`${name}: ${elapsed.toFixed(0)} ms`);
    });
  }

  it('a 1 MB Markdown table is shown as text, with a problem saying why', () => {
    const row = '| cell | another cell | a third | and a fourth |\n';
    const source = `---\ntitle: Table\n---\n\n| a | b | c | d |\n|---|---|---|---|\n${row.repeat(Math.ceil(1_000_000 / row.length))}`;
    const outcome = parseArticle({
      path: '/lib/table.md',
      root: '/lib',
      bytes: new TextEncoder().encode(source),
      mtimeMs: 0,
      size: source.length,
    });
    expect(outcome.problems.map((p) => p.code)).toContain('html-too-many-elements');
    expect(outcome.article?.text).toContain('another cell');
  });
});

describe('element budget: the bound is never below what a browser builds', () => {
  const PIECES = [
    ...FORMATTING_NAMES.flatMap((n) => [`<${n}>`, `<${n} class=x>`, `</${n}>`]),
    '<p>',
    '</p>',
    '<div>',
    '</div>',
    '<center>',
    '</center>',
    '<h1>',
    '</h1>',
    '<li>',
    '<ul>',
    '</ul>',
    '<table>',
    '</table>',
    '<tr>',
    '<td>',
    '</td>',
    '<th>',
    '<caption>',
    '<col>',
    '<tbody>',
    '<object>',
    '</object>',
    '<marquee>',
    '<applet>',
    '<template>',
    '</template>',
    '<select>',
    '<option>',
    '<svg>',
    '</svg>',
    '<math>',
    '<mi>',
    '<foreignObject>',
    '<br>',
    '</br>',
    '<img>',
    '<hr>',
    '<pre>',
    '<dl>',
    '<dd>',
    '<dt>',
    '<form>',
    '<button>',
    '<ruby>',
    '<rt>',
    '<frameset>',
    '<body>',
    '</body>',
    '<html>',
    '</html>',
    '<head>',
    '<textarea>',
    '<script>',
    '<title>',
    '<plaintext>',
    '<xmp>',
    '<span>',
    '</span>',
    'text',
    ' ',
    '\n',
    '<!--c-->',
    '<frame>',
    '<noframes>',
    '<image>',
    '<isindex>',
    '<table><tr><td>',
    '<svg><desc>',
    '<math><mtext>',
    '<select><optgroup>',
    '<colgroup>',
    '<thead>',
    // Where htmlparser2's tokenizer and a browser's disagree about what is a tag.
    '<!--',
    '-->',
    '--!>',
    '<![CDATA[',
    ']]>',
    '<svg><title>',
    '</title>',
    '<svg><style>',
    '</style>',
    '<noscript>',
    '</noscript>',
    '<iframe>',
    '</iframe>',
    '<noembed>',
    '</textarea>',
    '<b/>',
    '<b\n>',
    '<b<b>',
    '</ b>',
    '<?x>',
    '</>',
  ];
  it('holds for random tag soup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }),
        fc.integer({ min: 1, max: 30 }),
        (parts, times) => {
          const html = parts.join('').repeat(times);
          expect(htmlPass(html).elementBound).toBeGreaterThanOrEqual(exact(html));
        },
      ),
      { numRuns: NUM_RUNS, seed: Number(process.env.FC_SEED ?? Date.now() % 1e9) },
    );
  });
});

describe('element budget: real articles pass', () => {
  const dirs = [
    fileURLToPath(new URL('./fixtures', import.meta.url)),
    fileURLToPath(new URL('../../../resources/sample-archive', import.meta.url)),
  ];
  it('no real article is over the budget, and none needs the exact count', () => {
    const files: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (/\.(md|txt|html?)$/.test(name) && !name.startsWith('binary')) files.push(path);
      }
    };
    for (const dir of dirs) visit(dir);
    expect(files.length).toBeGreaterThan(20);
    for (const path of files) {
      const outcome = parseArticle({ path, root: '/', bytes: readFileSync(path), mtimeMs: 0, size: 0 });
      const html = outcome.article?.html;
      if (!html) continue;
      const pass = htmlPass(html);
      expect(pass.tooManyElements, path).toBe(false);
      expect(
        outcome.problems.map((p) => p.code),
        path,
      ).not.toContain('html-too-many-elements');
      expect(pass.elementBound, path).toBeGreaterThanOrEqual(exact(html));
      expect(pass.elementBound, path).toBeLessThan(MAX_ARTICLE_ELEMENTS / 4);
    }
    expect(MAX_ARTICLE_ELEMENTS).toBe(50_000);
  });
});
