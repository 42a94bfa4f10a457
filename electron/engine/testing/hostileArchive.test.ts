// The real scanner, parser and Library over the hostile archive: every file ends up listed or
// reported exactly as the manifest says, nothing in it runs, nothing outside the root is read, and
// memory stays bounded.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/types';
import { Library } from '../library/Library';
import { readArticleFileSync } from '../parse/readArticleFile';
import { scanToList } from '../scan/scanLibrary';
import { buildHostileArchive, type HostileFile, type HostileManifest } from './hostileArchive';

let base: string;
let manifest: HostileManifest;

beforeAll(async () => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
  base = await mkdtemp(join(tmpdir(), 'bs-hostile-'));
  manifest = await buildHostileArchive(base);
}, 60_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const abs = (file: HostileFile) => join(manifest.root, file.path);

// Retained memory, not garbage the collector has not reached yet (the amplifier files make plenty).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

async function nothingRan(): Promise<void> {
  expect(await readdir(manifest.markerDir), 'marker files written by evaluated payloads').toEqual([]);
  expect((globalThis as { __pwned?: unknown }).__pwned, 'globalThis.__pwned').toBeUndefined();
  expect(({} as { polluted?: unknown }).polluted, 'Object.prototype polluted').toBeUndefined();
}

/** Checks one scan's listing and problems against the manifest, file by file. */
function expectManifestOutcome(listedPaths: Set<string>, problems: Problem[]): void {
  const codesByPath = new Map<string, string[]>();
  for (const p of problems) codesByPath.set(p.path, [...(codesByPath.get(p.path) ?? []), p.code]);
  const mismatches: string[] = [];
  for (const file of manifest.files) {
    const path = abs(file);
    const listed = listedPaths.has(path);
    const codes = (codesByPath.get(path) ?? []).sort();
    const e = file.expect;
    const ok =
      'listed' in e
        ? listed && JSON.stringify(codes) === JSON.stringify([...(e.degradedCodes ?? [])].sort())
        : 'problem' in e
          ? !listed && codes.includes(e.problem)
          : !listed && codes.length === 0;
    if (!ok) {
      mismatches.push(
        `${JSON.stringify(file.path)} (${file.why}): expected ${JSON.stringify(e)}, got ${listed ? 'listed' : 'not listed'} with [${codes.join(', ')}]`,
      );
    }
  }
  expect(mismatches).toEqual([]);
  // Nothing is listed or reported that the manifest does not know about.
  const known = new Set(manifest.files.map(abs));
  const unknown = [...listedPaths, ...codesByPath.keys()].filter((p) => !known.has(p));
  expect(unknown).toEqual([]);
}

describe('the hostile archive', () => {
  it('has an expectation for every kind of bad input', () => {
    const whys = manifest.files.map((f) => f.why).join('\n');
    for (const shape of [
      '---js',
      '!!js/function',
      'alias bomb',
      'FIFO',
      'dangling',
      'mutation-XSS',
      '5 MB',
    ]) {
      expect(whys).toContain(shape);
    }
    expect(manifest.files.length).toBeGreaterThan(50);
  });

  it('scanToList lists or reports every file exactly as expected, and nothing ran', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const list = await scanToList([manifest.root], { workers: 2, includeText: true });
    expectManifestOutcome(new Set(list.articles.map((a) => a.path)), list.problems);
    for (const a of list.articles) {
      expect(a.path.startsWith(`${manifest.root}/`)).toBe(true);
      expect(a.title).not.toMatch(/SECRET|evaluated/);
      expect(a.title.length).toBeLessThanOrEqual(1000);
      expect(Number.isNaN(Date.parse(a.date))).toBe(false);
    }
    expect(list.articles.some((a) => a.text?.includes('secret outside text'))).toBe(false);
    // The workers hold the big files, not this thread: what comes back is summaries and text.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
    await nothingRan();
  }, 120_000);

  it('parses every regular file in this thread without running anything or leaking memory', async () => {
    const heapBefore = heapAfterGc();
    for (const file of manifest.files) {
      // Links and pipes are the walk's decision; the parser reads what it is given.
      if (file.path.startsWith('links/') || !('listed' in file.expect || 'problem' in file.expect)) continue;
      const outcome = readArticleFileSync(abs(file), manifest.root);
      const e = file.expect;
      if ('listed' in e) {
        expect(outcome.article, file.path).not.toBeNull();
        expect(outcome.problems.map((p) => p.code).sort(), file.path).toEqual(
          [...(e.degradedCodes ?? [])].sort(),
        );
        expect(outcome.article?.degraded, file.path).toBe((e.degradedCodes?.length ?? 0) > 0);
      } else if ('problem' in e) {
        expect(outcome.article, file.path).toBeNull();
        expect(
          outcome.problems.map((p) => p.code),
          file.path,
        ).toContain(e.problem);
      }
      for (const p of outcome.problems) expect(p.message.length, file.path).toBeGreaterThan(20);
    }
    // Outcomes are dropped as we go: the 5 MB article and the 1 MB title must not pile up.
    expect(heapAfterGc() - heapBefore).toBeLessThan(64 * 1024 * 1024);
    await nothingRan();
  }, 120_000);

  it('keeps fields free of prototype tricks and executable values', () => {
    const read = (path: string) => readArticleFileSync(join(manifest.root, path), manifest.root).article!;
    const categories = read('field-categories-map.md');
    expect(categories.categories).toEqual([]);
    const proto = read('field-proto.md');
    expect(Object.getPrototypeOf(proto.extra)).toBe(Object.prototype);
    expect((proto.extra as { polluted?: unknown }).polluted).toBeUndefined();
    const images = read('field-images-numbers.md');
    expect(images.images).toEqual({});
    for (const path of ['yaml-js-function.md', 'yaml-verbatim-tag.md']) {
      const article = read(path);
      expect(typeof article.title).toBe('string'); // the tag's text, never a function
      expect(JSON.stringify(article.extra)).not.toContain('[Function');
    }
    const markup = read('markup-in-fields.md');
    // A title is the text its markup shows: the tags and the script's text are gone, nothing ran.
    expect(markup.title).toBe('Title with markup');
    // Other fields are plain strings: the renderer shows them as text (see e2e/hostile.spec.ts).
    expect(markup.author).toContain('<b');
    expect(markup.categories).toHaveLength(2);
  });
});

describe('the Library over the hostile archive', () => {
  let library: Library;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bs-hostile-data-'));
    library = await Library.open({ dataDir, roots: [manifest.root], watch: false, database: 'memory' });
    await library.whenIdle();
  }, 120_000);

  afterAll(async () => {
    await library?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists and reports like the scanner', async () => {
    const snapshot = await library.call('getSnapshot');
    expect(snapshot.progress.done).toBe(true);
    const paths = snapshot.articles.map((a) => library.findArticle(a.id)?.path ?? `(no article ${a.id})`);
    expectManifestOutcome(new Set(paths), snapshot.problems);
    await nothingRan();
  });

  it('opens every listed article without running anything', async () => {
    const snapshot = await library.call('getSnapshot');
    for (const summary of snapshot.articles) {
      const article = await library.call('getArticle', summary.id);
      expect(article?.id, summary.title).toBe(summary.id);
      expect(typeof article?.html).toBe('string');
    }
    await nothingRan();
  }, 120_000);

  it('finds each search word in its one article, with highlights inside the strings', async () => {
    for (const { word, path } of manifest.searchWords) {
      const result = await library.call('search', { text: word });
      expect(
        result.matches.map((m) => m.path),
        word,
      ).toEqual([join(manifest.root, path)]);
      for (const m of result.matches) {
        for (const [start, end] of m.snippetHighlights) {
          expect(0 <= start && start < end && end <= m.snippet.length).toBe(true);
        }
        for (const [start, end] of m.titleHighlights) {
          expect(0 <= start && start < end && end <= m.title.length).toBe(true);
        }
      }
    }
    // The snippet of the markup article holds the markup as text (the window must show it as text).
    const wombat = await library.call('search', { text: 'wombat' });
    expect(wombat.matches[0]?.snippet).toContain('<img');
  });

  it('never lists or serves files outside the root through the library', async () => {
    const result = await library.call('search', { text: 'secret' });
    expect(result.matches).toEqual([]);
    const snapshot = await library.call('getSnapshot');
    expect(
      snapshot.articles.some((a) => library.findArticle(a.id)?.path.startsWith(manifest.outsideDir)),
    ).toBe(false);
    expect(await library.call('getArticle', '../../outside/secret.md')).toBeNull();
  });
});
