// Builds an archive of every kind of bad input a real or planted archive can hold, and says what
// Broadsheet must make of each file. Static shapes live in fixtures/hostile-archive/ (readable, reviewable);
// what cannot be committed (links, pipes, huge, deep and sparse files) is generated here.
//
// Payloads that would run if anything evaluated them write a marker file into `markerDir` and set
// globalThis.__pwned, so a test proves "nothing ran" by finding both absent.

import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, open, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES } from '../parse/limits';
import { SEED_DIR, SEED_NAMES } from './seeds';

const STATIC_FIXTURES = fileURLToPath(new URL('./fixtures/hostile-archive', import.meta.url));
const PARSE_FIXTURES = fileURLToPath(new URL('../parse/fixtures', import.meta.url));
const ENCODING_FIXTURES = ['binary.md', 'crlf.md', 'gb18030.txt', 'utf16be.md', 'utf16le.md', 'utf8-bom.md'];

/** What must become of one file. */
export type Expected =
  /** Listed as an article; `degradedCodes` are exactly the codes of its problems (none: clean). */
  | { listed: true; degradedCodes?: string[] }
  /** Not listed; a problem with this code names the file. */
  | { problem: string }
  /** Neither listed nor reported: not an article file, or not the archive's business. */
  | { ignored: string };

export interface HostileFile {
  /** Relative to the root, '/'-separated. */
  path: string;
  expect: Expected;
  /** What the file tries, in a few words (shown when a test fails). */
  why: string;
}

export interface HostileManifest {
  /** The library root to scan. */
  root: string;
  /** Files outside the root that links point at: nothing from here may be listed. */
  outsideDir: string;
  /** Evaluated payloads would write here; it must stay empty. */
  markerDir: string;
  files: HostileFile[];
  /** Words that occur only in one article each, for search tests. */
  searchWords: { word: string; path: string }[];
  /** What this machine (or user) could not set up, e.g. a FIFO without mkfifo. */
  skipped: string[];
}

interface HostileOptions {
  /** Multi-megabyte, deeply nested and over-the-limit files (default true). */
  heavy?: boolean;
}

const MB = 1024 * 1024;

// Expectations for the static files, by relative path. Every static file must be listed here.
const STATIC_EXPECTATIONS: Record<string, Omit<HostileFile, 'path'>> = {
  'normal-seed.txt': { expect: { listed: true }, why: 'a real archive article, for contrast' },
  'fm-js.md': { expect: { listed: true, degradedCodes: ['front-matter-code'] }, why: '---js front matter' },
  'fm-javascript.md': {
    expect: { listed: true, degradedCodes: ['front-matter-code'] },
    why: '---javascript front matter',
  },
  'fm-JavaScript-mixed-case.md': {
    expect: { listed: true, degradedCodes: ['front-matter-code'] },
    why: '---JavaScript front matter',
  },
  'fm-space-js.md': {
    expect: { listed: true, degradedCodes: ['front-matter-code'] },
    why: '--- js front matter',
  },
  'fm-coffee.md': {
    expect: { listed: true, degradedCodes: ['front-matter-code'] },
    why: '---coffee front matter',
  },
  'yaml-js-function.md': { expect: { listed: true, degradedCodes: ['yaml-tag'] }, why: '!!js/function' },
  'yaml-js-undefined.md': { expect: { listed: true, degradedCodes: ['yaml-tag'] }, why: '!!js/undefined' },
  'yaml-js-regexp.md': { expect: { listed: true, degradedCodes: ['yaml-tag'] }, why: '!!js/regexp' },
  'yaml-verbatim-tag.md': {
    expect: { listed: true, degradedCodes: ['yaml-tag'] },
    why: '!<tag:yaml.org,2002:js/function>',
  },
  'yaml-billion-laughs.md': {
    expect: { listed: true, degradedCodes: ['yaml-aliases'] },
    why: 'YAML alias bomb (9^9 strings)',
  },
  'fm-unclosed.md': {
    expect: { listed: true, degradedCodes: ['front-matter-unclosed'] },
    why: 'front matter never closed',
  },
  'fm-broken-yaml.md': { expect: { listed: true, degradedCodes: ['yaml-syntax'] }, why: 'broken YAML' },
  'field-title-map.md': { expect: { listed: true, degradedCodes: ['title-type'] }, why: 'title is a map' },
  'field-title-list.md': { expect: { listed: true }, why: 'title is a list (its items joined)' },
  'field-title-number.md': { expect: { listed: true }, why: 'title is a number (read as text)' },
  'field-date-list.md': {
    expect: { listed: true, degradedCodes: ['date-unreadable'] },
    why: 'date is a list',
  },
  'field-categories-map.md': {
    expect: { listed: true, degradedCodes: ['categories-type'] },
    why: 'categories is a map with __proto__ keys (no categories, reported)',
  },
  'field-images-numbers.md': {
    expect: { listed: true, degradedCodes: ['image-type', 'image-type', 'image-type', 'image-url'] },
    why: 'image fields are a number, a list, a map and a javascript: URL (none shown, each reported)',
  },
  'field-proto.md': { expect: { listed: true }, why: '__proto__ and constructor.prototype keys' },
  'body-active-content.md': {
    expect: { listed: true },
    why: 'scripts, handlers, javascript:/vbscript:/file:/data: links, frames, forms, base, meta refresh, covering styles',
  },
  'body-mxss.html': { expect: { listed: true }, why: 'SVG/MathML mutation-XSS shapes' },
  'body-clobbering.md': { expect: { listed: true }, why: 'DOM clobbering names' },
  'markup-in-fields.md': { expect: { listed: true }, why: 'markup as title, author and categories' },
  'markup-in-snippet.md': { expect: { listed: true }, why: 'escaped markup next to a search word' },
  'terminal-escapes.md': { expect: { listed: true }, why: 'terminal escape sequences in title and body' },
  'terminal-osc.md': {
    expect: { listed: true },
    why: 'OSC 52 clipboard, OSC 8 link, C1 CSI, DEL, bidi overrides/isolates, CR and line breaks in fields and body',
  },
  'encodings/binary.md': { expect: { problem: 'binary' }, why: 'PNG bytes named .md' },
  'encodings/gb18030.txt': { expect: { listed: true }, why: 'GB18030 text' },
  'encodings/utf16le.md': { expect: { listed: true }, why: 'UTF-16 LE with BOM' },
  'encodings/utf16be.md': { expect: { listed: true }, why: 'UTF-16 BE with BOM' },
  'encodings/utf8-bom.md': { expect: { listed: true }, why: 'UTF-8 with BOM' },
  'encodings/crlf.md': { expect: { listed: true }, why: 'CRLF line ends' },
};

const MARKER_PLACEHOLDER = '__MARKER__';

/**
 * Small files a browser would turn into hundreds of thousands of elements (the tree builder
 * re-creates unclosed formatting elements in every later paragraph; tables are many cells). Each
 * must be listed with the `html-too-many-elements` warning and open quickly, as text.
 */
export function amplifierArticles(): { path: string; title: string; content: string; why: string }[] {
  const bold = Array.from({ length: 400 }, (_, i) => `<b class=c${i}>`).join('');
  const mixed = Array.from(
    { length: 300 },
    (_, i) => `<${['a', 'em', 'font', 'nobr', 's', 'u', 'i', 'strong'][i % 8]} title=t${i}>`,
  ).join('');
  const row = '| cell | another cell | a third cell | and a fourth |\n';
  return [
    {
      path: 'generated/formatting-bomb.html',
      title: 'Four hundred unclosed bolds',
      content: `<title>Four hundred unclosed bolds</title><p>${bold}${'<p>re-created '.repeat(3_000)}`,
      why: '400 unclosed <b class=cN> re-created in each of 3,000 paragraphs (1.2 million elements)',
    },
    {
      path: 'generated/formatting-bomb-list.md',
      title: 'Unclosed formatting in a list',
      content: `---\ntitle: Unclosed formatting in a list\ndate: 2024-03-09 10:00\n---\n\n<ul><li>${mixed}${'<li>item '.repeat(2_000)}</ul>\n`,
      why: 'mixed unclosed formatting elements (a em font nobr s u i strong) re-created in 2,000 list items',
    },
    {
      path: 'generated/table-1mb.md',
      title: 'A one megabyte table',
      content: `---\ntitle: A one megabyte table\ndate: 2024-03-10 10:00\n---\n\n| a | b | c | d |\n|---|---|---|---|\n${row.repeat(Math.ceil((1024 * 1024) / row.length))}`,
      why: 'a 1 MB Markdown table (about 100,000 elements)',
    },
  ];
}

/**
 * Writes the hostile archive into `dir` (which should be a fresh, empty folder): the root is
 * `dir/library`, link targets are in `dir/outside`, and `dir/markers` must stay empty.
 */
export async function buildHostileArchive(
  dir: string,
  options: HostileOptions = {},
): Promise<HostileManifest> {
  const heavy = options.heavy !== false;
  const root = join(dir, 'library');
  const outsideDir = join(dir, 'outside');
  const markerDir = join(dir, 'markers');
  await mkdir(root, { recursive: true });
  await mkdir(outsideDir, { recursive: true });
  await mkdir(markerDir, { recursive: true });

  const files: HostileFile[] = [];
  const skipped: string[] = [];
  await copyStaticFixtures(root, markerDir, files);

  const put = async (path: string, content: string | Uint8Array, expect: Expected, why: string) => {
    const abs = join(root, path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
    files.push({ path, expect, why });
  };

  // ---- bytes and sizes ----
  await put('generated/empty.md', '', { listed: true }, 'a 0-byte .md');
  await put('generated/whitespace-only.md', ' \n\t\r\n  \n', { listed: true }, 'only whitespace');
  await put(
    'generated/invalid-utf8.md',
    Buffer.concat([
      Buffer.from('---\ntitle: Invalid bytes\ndate: 2024-03-01 10:00\n---\n\nText with '),
      Buffer.from([0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf8, 0x88]),
      Buffer.from(' broken bytes in it.\n'),
    ]),
    { listed: true, degradedCodes: ['invalid-bytes'] },
    'bytes that are neither UTF-8 nor GB18030',
  );
  await put(
    'generated/control-name-\u001b[31m-\u0007.md',
    '---\ntitle: A file name with terminal escapes\ndate: 2024-03-02 10:00\n---\n\nIts name holds ESC and BEL.\n',
    { listed: true },
    'ESC and BEL in the file name',
  );
  await put(
    `generated/forged-row\n2099-01-01 00:00    FORGED ROW\r\u001b]52;c;cHduZWQ=\u0007\u202egnp.md`,
    '---\ntitle: A file name that forges an output row\ndate: 2024-03-02 11:00\n---\n\nThe cerulean name holds a line feed, CR, OSC 52 and RLO.\n',
    { listed: true },
    'a line feed, CR, OSC 52 and a bidi override in the file name',
  );
  await put('.hidden.md', '---\ntitle: Hidden\n---\n\nhidden\n', { ignored: 'hidden file' }, 'a dot file');
  await put(
    'generated/payload.js',
    `require('fs').writeFileSync(${JSON.stringify(join(markerDir, 'payload-js'))}, 'x')\n`,
    { ignored: 'not an article extension' },
    'a script file in the archive',
  );
  await put(
    'generated/folder-named.md/inner.md',
    '---\ntitle: Inside a folder named like an article\ndate: 2024-03-03 10:00\n---\n\nInner.\n',
    { listed: true },
    'a directory named y.md holding an article',
  );
  let deepFolder = 'generated/deep';
  for (let i = 0; i < 100; i++) deepFolder += '/d';
  await put(
    `${deepFolder}/deep-folder.md`,
    '---\ntitle: One hundred folders down\ndate: 2024-03-04 10:00\n---\n\nDeep.\n',
    { listed: true },
    'an article 100 folders deep',
  );

  if (heavy) {
    await put(
      'generated/huge-title.md',
      `---\ntitle: "${'T'.repeat(MB)}"\ndate: 2024-03-05 10:00\n---\n\nA one-megabyte title.\n`,
      { listed: true, degradedCodes: ['front-matter-too-large'] },
      'a 1 MB title in the front matter',
    );
    await put(
      'generated/huge-heading-title.html',
      `<h1>${'H'.repeat(MB)}</h1><p>A one-megabyte heading.</p>`,
      { listed: true, degradedCodes: ['title-too-long'] },
      'a 1 MB heading as the title',
    );
    const paragraph = `${'Five megabytes of ordinary words in a very long article. '.repeat(20)}\n\n`;
    await put(
      'generated/big-5mb.md',
      `---\ntitle: A five megabyte article\ndate: 2024-03-06 10:00\n---\n\n${paragraph.repeat(Math.ceil((5 * MB) / paragraph.length))}`,
      { listed: true },
      'a 5 MB article',
    );
    await put(
      'generated/deep-div.html',
      `<title>Fifty thousand divs</title>${'<div>'.repeat(50_000)}Deep text${'</div>'.repeat(50_000)}`,
      { listed: true, degradedCodes: ['html-too-deep'] },
      '<div> nested 50,000 deep',
    );
    await put(
      'generated/deep-quote.md',
      `---\ntitle: Fifty thousand quotes\ndate: 2024-03-07 10:00\n---\n\n${'>'.repeat(50_000)} quoted text\n`,
      { listed: true },
      'Markdown > nested 50,000 deep',
    );
    await put(
      'generated/deep-list.md',
      `---\ntitle: Deep list\ndate: 2024-03-08 10:00\n---\n\n${Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`,
      { listed: true },
      'Markdown list nested 5,000 deep',
    );
    for (const amplifier of amplifierArticles()) {
      await put(
        amplifier.path,
        amplifier.content,
        { listed: true, degradedCodes: ['html-too-many-elements'] },
        amplifier.why,
      );
    }
    // Sparse: over the limit on disk without writing 20 MB. Refused before it is read.
    const over = join(root, 'generated/over-limit.md');
    const handle = await open(over, 'w');
    await handle.write('---\ntitle: Too large\n---\n');
    await handle.truncate(MAX_FILE_BYTES + MB);
    await handle.close();
    files.push({
      path: 'generated/over-limit.md',
      expect: { problem: 'too-large' },
      why: 'over the size limit',
    });
  }

  // ---- links and special files ----
  await writeFile(
    join(outsideDir, 'secret.md'),
    '---\ntitle: SECRET outside the library\ndate: 2024-01-01\n---\n\nsecret outside text\n',
  );
  await mkdir(join(outsideDir, 'folder'), { recursive: true });
  await writeFile(
    join(outsideDir, 'folder', 'also-secret.md'),
    '---\ntitle: SECRET in an outside folder\n---\n\nx\n',
  );
  const link = async (path: string, target: string, expect: Expected, why: string) => {
    const abs = join(root, path);
    await mkdir(dirname(abs), { recursive: true });
    await symlink(target, abs);
    files.push({ path, expect, why });
  };
  await link(
    'links/out.md',
    join(outsideDir, 'secret.md'),
    { problem: 'outside-root' },
    'link to a file outside',
  );
  await link(
    'links/relative-out.md',
    '../../outside/secret.md',
    { problem: 'outside-root' },
    'relative link climbing out of the root',
  );
  await link(
    'links/out-folder',
    join(outsideDir, 'folder'),
    { problem: 'outside-root' },
    'link to a folder outside',
  );
  await link('links/etc-passwd.md', '/etc/passwd', { problem: 'outside-root' }, 'link to /etc/passwd');
  await link(
    'links/dangling.md',
    join(root, 'links', 'nowhere.md'),
    { problem: 'broken-link' },
    'dangling link',
  );
  await link('links/self-loop.md', 'self-loop.md', { problem: 'broken-link' }, 'a link to itself');
  await link('links/loop-a.md', 'loop-b.md', { problem: 'broken-link' }, 'two links pointing at each other');
  await link('links/loop-b.md', 'loop-a.md', { problem: 'broken-link' }, 'two links pointing at each other');
  await link('links/back-to-root', '..', { ignored: 'a folder already walked' }, 'link loop to the root');
  await link('links/inside.md', '../normal-seed.txt', { listed: true }, 'link to a file inside the root');

  try {
    const fifo = join(root, 'special', 'pipe.md');
    await mkdir(dirname(fifo), { recursive: true });
    execFileSync('mkfifo', [fifo]);
    files.push({
      path: 'special/pipe.md',
      expect: { problem: 'not-regular-file' },
      why: 'a FIFO named x.md',
    });
  } catch (error) {
    skipped.push(`FIFO named .md (mkfifo failed: ${(error as Error).message.split('\n')[0]})`);
  }
  if (process.getuid?.() === 0) {
    skipped.push('a file without read permission: root reads it anyway (chmod 000 does not stop root)');
  }

  return {
    root,
    outsideDir,
    markerDir,
    files,
    searchWords: [
      { word: 'quokka', path: 'body-active-content.md' },
      { word: 'pangolin', path: 'body-mxss.html' },
      { word: 'narwhal', path: 'body-clobbering.md' },
      { word: 'axolotl', path: 'markup-in-fields.md' },
      { word: 'wombat', path: 'markup-in-snippet.md' },
    ],
    skipped,
  };
}

async function copyStaticFixtures(root: string, markerDir: string, files: HostileFile[]): Promise<void> {
  await cp(STATIC_FIXTURES, root, { recursive: true });
  await copyFile(join(SEED_DIR, SEED_NAMES[0]), join(root, 'normal-seed.txt'));
  // The encoding files are the parser's own fixtures, kept once in parse/fixtures.
  await mkdir(join(root, 'encodings'), { recursive: true });
  for (const name of ENCODING_FIXTURES)
    await copyFile(join(PARSE_FIXTURES, name), join(root, 'encodings', name));
  for (const abs of await listFiles(root)) {
    const path = relative(root, abs).split('\\').join('/');
    const expectation = STATIC_EXPECTATIONS[path];
    if (!expectation)
      throw new Error(`fixtures/hostile-archive/${path} has no expectation in STATIC_EXPECTATIONS`);
    files.push({ path, ...expectation });
    const bytes = await readFile(abs);
    if (bytes.includes(MARKER_PLACEHOLDER)) {
      // Single quotes: valid in JavaScript, CoffeeScript and inside double-quoted YAML alike.
      const marker = `'${join(markerDir, path.replace(/[^\w.-]/g, '_'))}'`;
      await writeFile(abs, bytes.toString('utf8').split(MARKER_PLACEHOLDER).join(marker));
    }
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(abs)));
    else out.push(abs);
  }
  return out;
}
