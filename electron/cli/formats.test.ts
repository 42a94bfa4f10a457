// The CLI shows what the parser reads from each generator's front matter (fixtures/formats).
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run';
import { captureIO } from './testIO';

const fixtures = fileURLToPath(new URL('../engine/parse/fixtures/formats', import.meta.url));
let library: string;

beforeAll(() => {
  library = join(realpathSync(mkdtempSync(join(tmpdir(), 'bs-cli-formats-'))), 'archive');
  cpSync(fixtures, library, { recursive: true });
});
afterAll(() => rmSync(join(library, '..'), { recursive: true, force: true }));

async function run(argv: string[]) {
  const io = captureIO(library, { BROADSHEET_DATA_DIR: join(library, '..', 'data') });
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('CLI on Hugo, Zola and JSON front matter', () => {
  it('scan --json lists their titles, dates, authors and categories, and the files that failed to parse', async () => {
    const { code, out } = await run(['scan', library, '--json', '--time-zone', 'UTC']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as {
      articles: {
        path: string;
        title: string;
        date: string;
        dateSource: string;
        author: string | null;
        categories: string[];
      }[];
      problems: { path: string; code: string; line?: number }[];
    };
    const byName = (name: string) => doc.articles.find((a) => a.path.endsWith(`/${name}`));
    expect(byName('hugo-go1.21.md')).toMatchObject({
      title: 'Go 1.21 is released!',
      date: '2023-08-08T14:00:00.000Z',
      dateSource: 'front-matter',
      author: 'Eli Bendersky, Cherry Mui',
    });
    expect(byName('zola-rust-survey.md')).toMatchObject({ categories: ['Community', 'Survey'] });
    expect(byName('hugo-json.md')).toMatchObject({ title: 'Spring Cleaning: Deprecating Old APIs' });
    // Broken TOML and JSON: listed (nothing lost) with one clear problem each.
    expect(byName('bad-toml.md')).toBeDefined();
    expect(byName('bad-json.md')).toBeDefined();
    expect(doc.problems.filter((p) => p.path.endsWith('/bad-toml.md'))).toMatchObject([
      { code: 'toml-syntax', line: 2 },
    ]);
    expect(doc.problems.filter((p) => p.path.endsWith('/bad-json.md'))).toMatchObject([
      { code: 'json-syntax', line: 4 },
    ]);
  });

  it('show --json carries originalUrl and updated; the human form prints them', async () => {
    const json = await run(['show', library, 'hugo-go1.21.md', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      originalUrl: 'https://go.dev/blog/go1.21',
      updated: '2023-08-10T13:30:00.000Z',
      extra: { tags: ['go', 'release', 'toolchain'], draft: false },
    });
    const human = await run(['show', library, 'hugo-go1.21.md']);
    expect(human.out).toMatch(/^Original: +https:\/\/go\.dev\/blog\/go1\.21$/m);
    expect(human.out).toMatch(/^Updated: +2023-08-10/m);
  });
});
