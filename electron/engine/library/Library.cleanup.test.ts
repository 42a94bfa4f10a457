// Clean-up rules through the library: search and the pane see cleaned bodies, "show original" and the
// setting give the body as written, and the user's rules file is applied or reported, never fatal.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyArchive, LIBRARY_ARCHIVE } from '../testing/seeds';
import { Library, type LibraryOptions } from './Library';

const SEED_0 = join('sina', '000_9fc613d590d79208.txt');

let work: string;
let archive: string;
let dataDir: string;
const open: Library[] = [];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'bs-clean-'));
  archive = join(work, 'archive');
  dataDir = join(work, 'data');
  copyArchive(LIBRARY_ARCHIVE, archive);
  await mkdir(dataDir, { recursive: true });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
  await rm(work, { recursive: true, force: true });
});

async function openLib(options: Partial<LibraryOptions> = {}): Promise<Library> {
  const library = await Library.open({ dataDir, roots: [archive], watch: false, ...options });
  open.push(library);
  await library.whenIdle();
  return library;
}

const seedId = (library: Library) => library.articles().find((a) => a.path === join(archive, SEED_0))!.id;

describe('Library clean-up', () => {
  it('cleans what the pane and search see; show original gives the body as written', async () => {
    const library = await openLib({ database: 'memory' });
    const id = seedId(library);
    const article = (await library.call('getArticle', id))!;
    expect(article.text).not.toContain('新浪财经APP');
    expect(article.editor).toBe('李园');
    expect((await library.call('search', { text: '精准解读' })).total).toBe(0);
    const original = (await library.call('getArticle', id, { original: true }))!;
    expect(original.text).toContain('海量资讯、精准解读，尽在新浪财经APP');
    expect(original.cleaned).toBeUndefined();
    expect(original.contentHash).toBe(article.contentHash);
  });

  it('turning clean-up off reads the library again, bodies as written', async () => {
    const library = await openLib({ database: 'memory' });
    await library.call('updateSettings', { cleanUp: false });
    await library.whenIdle();
    expect((await library.call('search', { text: '精准解读' })).total).toBeGreaterThan(0);
    expect((await library.call('getArticle', seedId(library)))!.cleaned).toBeUndefined();
  });

  it('applies the user rules file, and restarts from the cache only with the same rules', async () => {
    await writeFile(
      join(dataDir, 'clean-rules.json'),
      JSON.stringify({
        rules: [{ name: 'mine', contains: ['拉夫罗夫表示，美国一向横行霸道'], maxChars: 400 }],
      }),
    );
    const library = await openLib();
    expect((await library.call('search', { text: '横行霸道' })).total).toBe(0);
    await library.close();
    open.splice(0);
    await writeFile(join(dataDir, 'clean-rules.json'), JSON.stringify({ rules: [] }));
    const again = await openLib();
    expect((await again.call('search', { text: '横行霸道' })).total).toBe(1);
  });

  it('reports a wrong rules file in the problem list and still opens', async () => {
    await writeFile(join(dataDir, 'clean-rules.json'), '{"rules": [{"name": "x", "tags": ["p"]}, ');
    const library = await openLib({ database: 'memory' });
    const problems = (await library.call('getSnapshot')).problems.filter((p) => p.code === 'clean-rules');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/clean-rules\.json is not valid JSON/);
    expect(library.articles().length).toBeGreaterThan(0);
    expect((await library.call('getArticle', seedId(library)))!.editor).toBe('李园');
  });
});
