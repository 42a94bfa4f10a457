import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/types';
import { parseArticle } from '../parse/parseArticle';
import { EXPORT_CSP } from './exportDocuments';
import { type ExportDeps, type ImageBytes, runExport } from './runExport';

// jsdom ships no types of its own; only this much of it is used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (
    html: string,
    options?: { runScripts: 'dangerously' },
  ) => { window: { document: FakeDocument; __pwned?: boolean } };
};
interface FakeElement {
  attributes: ArrayLike<{ name: string }> & Iterable<{ name: string }>;
  getAttribute(name: string): string | null;
}
interface FakeDocument {
  querySelectorAll(selector: string): ArrayLike<FakeElement> & Iterable<FakeElement>;
  querySelector(selector: string): FakeElement | null;
}
// The seeds as the app ships them (resources/sample-archive), not a copy.
const SEEDS = fileURLToPath(new URL('../../../resources/sample-archive/新浪财经/', import.meta.url));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'bs-export-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function article(over: Partial<Article> & { html: string }): Article {
  const bytes = new TextEncoder().encode(`---\ntitle: x\n---\n${over.html}`);
  const parsed = parseArticle({ path: '/lib/x.md', root: '/lib', bytes, mtimeMs: 0, size: bytes.length })
    .article!;
  return { ...parsed, ...over, id: over.id ?? Math.random().toString(16).slice(2, 18) };
}

async function seed(name: string): Promise<Article> {
  const bytes = await readFile(join(SEEDS, name));
  return parseArticle({ path: join(SEEDS, name), root: SEEDS, bytes, mtimeMs: 0, size: bytes.length })
    .article!;
}

function deps(articles: Article[], over: Partial<ExportDeps> = {}): ExportDeps {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    readArticle: async (s) => byId.get(s.id) ?? { error: 'The file is gone.' },
    image: async (_a, src): Promise<ImageBytes> =>
      src.includes('ok') ? { ok: true, bytes: PNG, type: 'image/png' } : { ok: false, reason: 'offline' },
    isStarred: () => false,
    now: () => new Date('2026-12-03T12:00:00Z'),
    ...over,
  };
}

describe('Markdown export', () => {
  it('writes one file per article whose front matter reads back as the same article', async () => {
    const seeds = [await seed('000_9fc613d590d79208.txt'), await seed('001_c6695ae4905b6fb4.txt')];
    const out = join(work, 'md');
    const summary = await runExport(seeds, 'md', out, 'Test', deps(seeds, { isStarred: () => true }));
    expect(summary).toMatchObject({ exported: 2, failedCount: 0, cancelled: false });
    const files = (await readdir(out)).filter((f) => f.endsWith('.md')).sort();
    expect(files).toEqual([
      '2022-07-29 王毅会见俄罗斯外长拉夫罗夫.md',
      '2022-08-06 王毅会见俄罗斯外长拉夫罗夫.md',
    ]);
    for (const [i, file] of files.entries()) {
      const bytes = await readFile(join(out, file));
      const back = parseArticle({ path: join(out, file), root: out, bytes, mtimeMs: 0, size: bytes.length })
        .article!;
      const original = seeds.find((s) => s.date === back.date)!;
      expect(back.title).toBe(original.title);
      expect(back.author).toBe(original.author);
      expect(back.categories).toEqual(original.categories);
      expect(back.extra).toMatchObject({ editor: original.editor, starred: true });
      expect(back.bodyFormat).toBe('markdown');
      // The story text survives the trip through Markdown paragraph by paragraph.
      for (const line of original.text.split('\n')) expect(back.text).toContain(line.trim());
      expect(i).toBeLessThan(2);
    }
  });

  it('saves images beside the files and keeps unavailable remote ones as links, listed', async () => {
    const a = article({
      title: 'Pictures',
      html: '<p>x</p><img src="https://img.test/ok.png" alt="a"><img src="https://img.test/gone.png">',
    });
    const summary = await runExport([a], 'md', join(work, 'md'), 'T', deps([a]));
    expect(summary.imagesSaved).toBe(1);
    expect(summary.imagesNotSaved).toEqual([
      { title: 'Pictures', path: 'https://img.test/gone.png', reason: 'offline' },
    ]);
    const [image] = await readdir(join(work, 'md', 'images'));
    expect(await readFile(join(work, 'md', 'images', image!))).toEqual(PNG);
    const md = await readFile(
      join(work, 'md', (await readdir(join(work, 'md'))).find((f) => f.endsWith('.md'))!),
      'utf8',
    );
    expect(md).toContain(`![a](<images/${image}>)`);
    expect(md).toContain('(<https://img.test/gone.png>)');
  });

  it('turns hostile titles into safe, unique names inside the destination only', async () => {
    const titles = [
      '../../etc/passwd',
      'CON',
      '..',
      'a/b\\c:d*e?f"g<h>i|j',
      '\u202eevil\u0000\u001b[31m',
      '.hidden',
      'x'.repeat(400),
      'Same',
      'same',
      '',
    ];
    const list = titles.map((title, i) =>
      article({ title, html: `<p>${i}</p>`, date: '2024-01-01T00:00:00.000Z' }),
    );
    const out = join(work, 'md');
    const summary = await runExport(list, 'md', out, 'T', deps(list));
    expect(summary.exported).toBe(titles.length);
    const names = await readdir(out);
    expect(names).toHaveLength(titles.length);
    expect(await readdir(work)).toEqual(['md']); // nothing written beside the destination
    for (const name of names) {
      expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u202e]/);
      expect(name.startsWith('.')).toBe(false);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(160);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('never writes through a link planted in the destination', async () => {
    const out = join(work, 'md');
    await mkdir(out);
    const target = join(work, 'victim.txt');
    await writeFile(target, 'keep');
    await symlink(target, join(out, '2024-01-01 Hello.md'));
    const a = article({ title: 'Hello', html: '<p>hi</p>', date: '2024-01-01T00:00:00.000Z' });
    await runExport([a], 'md', out, 'T', deps([a]));
    expect(await readFile(target, 'utf8')).toBe('keep');
    expect((await lstat(join(out, '2024-01-01 Hello.md'))).isSymbolicLink()).toBe(true);
    expect(await readdir(out)).toContain('2024-01-01 Hello (2).md');
  });
});

describe('HTML export', () => {
  it('is one file with images embedded, and nothing in it can run or reach the network', async () => {
    (globalThis as { __pwned?: boolean }).__pwned = false;
    const hostile = article({
      title: '<img src=x onerror="__pwned=true">',
      html:
        '<p onclick="alert(1)">Story <a href="javascript:alert(1)">x</a> <a href="https://ok.test/">y</a></p>' +
        '<script>__pwned=true</script><iframe src="https://evil.test/"></iframe><svg><script>1</script></svg>' +
        '<img src="https://img.test/ok.png"><img src="https://img.test/remote.png" onerror="__pwned=true">' +
        '<style>body{background:url(https://evil.test/t)}</style><form action="https://evil.test"><input></form>',
    });
    const out = join(work, 'export.html');
    const summary = await runExport([hostile], 'html', out, 'Export <b>', deps([hostile]));
    expect(summary).toMatchObject({ exported: 1, imagesSaved: 1, imagesNotSavedCount: 1, destination: out });
    const html = await readFile(out, 'utf8');
    expect(html).toContain(`content="${EXPORT_CSP}"`);
    expect(html).toContain('src="data:image/png;base64,');
    for (const bad of [
      '<script',
      'javascript:',
      '<iframe',
      '<svg',
      'evil.test',
      '<form',
      '<input',
      'remote.png',
    ]) {
      expect(html, bad).not.toContain(bad);
    }
    expect(html).toContain('&lt;img src=x onerror=&quot;__pwned=true&quot;&gt;');
    const dom = new JSDOM(html, { runScripts: 'dangerously' });
    expect(dom.window.document.querySelectorAll('script, iframe, [onerror], [onclick]')).toHaveLength(0);
    const handlers = [...dom.window.document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((attr) => attr.name).filter((name) => name.startsWith('on')),
    );
    expect(handlers).toEqual([]);
    expect(dom.window.__pwned).toBeUndefined();
    expect(dom.window.document.querySelector('a[href="https://ok.test/"]')).not.toBeNull();
  });

  it("holds the reading pane's round-two rules: mailto cleaned, table spans clamped, no role/aria/crossorigin", async () => {
    const hostile = article({
      title: 'Round two',
      html:
        '<p role="alert" aria-live="assertive" style="position:fixed">Notice</p>' +
        '<a href="mailto:a@x.test?subject=Hi&attach=/etc/passwd&cc=b@x.test%0Abcc:c@x.test">mail</a>' +
        '<a href="mAiLtO:a%3Fattach%3D%2Fetc%2Fpasswd@x.test">smuggled</a>' +
        '<table><tr><td colspan="999" rowspan="0">wide</td><td colspan="7">ok</td></tr></table>' +
        '<img src="https://img.test/ok.png" crossorigin="use-credentials" role="presentation">',
    });
    const out = join(work, 'round-two.html');
    await runExport([hostile], 'html', out, 'T', deps([hostile]));
    const html = await readFile(out, 'utf8');
    const body = new JSDOM(html).window.document;
    expect(body.querySelectorAll('[role], [aria-live], [crossorigin], [style]')).toHaveLength(0);
    const hrefs = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['mailto:a@x.test?subject=Hi', 'mailto:']);
    expect(html).not.toContain('passwd');
    const cells = [...body.querySelectorAll('td')].map((td) => [
      td.getAttribute('colspan'),
      td.getAttribute('rowspan'),
    ]);
    expect(cells).toEqual([
      ['100', '100'],
      ['7', null],
    ]);
  });

  it('refuses to replace an existing file', async () => {
    const out = join(work, 'taken.html');
    await writeFile(out, 'mine');
    const a = article({ title: 'A', html: '<p>a</p>' });
    await expect(runExport([a], 'html', out, 'T', deps([a]))).rejects.toThrow(/already exists/);
    expect(await readFile(out, 'utf8')).toBe('mine');
  });
});

describe('JSON export', () => {
  it('holds metadata and text like Wallabag, and reports what could not be read', async () => {
    const a = article({ title: 'A', html: '<p>Alpha <b>beta</b></p>', author: 'Ann', categories: ['News'] });
    const gone = article({ title: 'Gone', html: '<p>x</p>' });
    const out = join(work, 'out.json');
    const summary = await runExport(
      [a, gone],
      'json',
      out,
      'T',
      deps([a], { isStarred: (id) => id === a.id }),
    );
    expect(summary).toMatchObject({ exported: 1, failedCount: 1 });
    expect(summary.failed[0]).toEqual({ title: 'Gone', path: gone.path, reason: 'The file is gone.' });
    const data = JSON.parse(await readFile(out, 'utf8'));
    expect(data.articles).toHaveLength(1);
    expect(data.articles[0]).toMatchObject({
      title: 'A',
      is_starred: true,
      content: '<p>Alpha <b>beta</b></p>',
      text: 'Alpha beta',
      published_by: ['Ann'],
      tags: ['News'],
    });
  });

  it('carries read marks as Wallabag does: a read article is is_archived', async () => {
    const a = article({ title: 'A', html: '<p>a</p>' });
    const b = article({ title: 'B', html: '<p>b</p>' });
    const out = join(work, 'read.json');
    await runExport([a, b], 'json', out, 'T', deps([a, b], { isRead: (id) => id === b.id }));
    const data = JSON.parse(await readFile(out, 'utf8'));
    expect(
      data.articles.map((x: { title: string; is_archived: boolean }) => [x.title, x.is_archived]),
    ).toEqual([
      ['A', false],
      ['B', true],
    ]);
  });
});

describe('cancel and progress', () => {
  it('reports progress for every article and stops when cancelled; a half HTML file is removed', async () => {
    const list = Array.from({ length: 50 }, (_, i) => article({ title: `T${i}`, html: `<p>${i}</p>` }));
    const controller = new AbortController();
    const seen: number[] = [];
    const out = join(work, 'c.html');
    const summary = await runExport(
      list,
      'html',
      out,
      'T',
      deps(list, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 10) controller.abort();
        },
      }),
    );
    expect(summary.cancelled).toBe(true);
    expect(summary.exported).toBe(10);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    await expect(lstat(out)).rejects.toThrow();
  });

  it('a cancelled Markdown export keeps the files it wrote', async () => {
    const list = Array.from({ length: 20 }, (_, i) => article({ title: `T${i}`, html: `<p>${i}</p>` }));
    const controller = new AbortController();
    const out = join(work, 'md');
    const summary = await runExport(
      list,
      'md',
      out,
      'T',
      deps(list, {
        signal: controller.signal,
        onProgress: (p) => p.done === 5 && controller.abort(),
      }),
    );
    expect(summary).toMatchObject({ cancelled: true, exported: 5 });
    expect(await readdir(out)).toHaveLength(5);
  });
});
