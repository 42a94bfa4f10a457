import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyArchive, LIBRARY_ARCHIVE } from '../../engine/testing/seeds';
import { runCli } from '../run';
import { captureIO } from '../testIO';

let work: string;
let archive: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bs-cli-export-'));
  archive = join(work, 'archive');
  copyArchive(LIBRARY_ARCHIVE, archive);
  // A hostile title: escape sequences for the terminal, separators for the file system.
  writeFileSync(
    join(archive, 'hostile.md'),
    '---\ntitle: "\\e]52;c;cHduZWQ=\\a../../\\e[2J evil/name"\ndate: 2024-05-01\n---\n\nBody of the hostile one.\n',
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = captureIO(work);
  const code = await runCli([...argv, '--data-dir', join(work, 'data')], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('broadsheet export', () => {
  it('exports a search as Markdown files, with progress and a summary', async () => {
    const r = await cli(
      'export',
      archive,
      '--query',
      '拉夫罗夫',
      '--format',
      'md',
      '--out',
      join(work, 'md'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Exported 2 of 2 articles as md to .*md in [\d.]+ s/);
    expect(r.err).toMatch(/exported 2 of 2/);
    expect(readdirSync(join(work, 'md')).filter((f) => f.endsWith('.md'))).toHaveLength(2);
  });

  it('exports every article as one HTML file, hostile title harmless in name, file and terminal', async () => {
    const r = await cli(
      'export',
      archive,
      '--query',
      '',
      '--format',
      'html',
      '--out',
      join(work, 'all.html'),
      '--json',
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ format: 'html', total: 5, exported: 5, cancelled: false });
    const html = readFileSync(join(work, 'all.html'), 'utf8');
    expect(html).toContain('Body of the hostile one.');
    expect(html).not.toContain('\u001b');
    expect(r.out + r.err).not.toContain('\u001b');
  });

  it('names hostile titles safely in Markdown', async () => {
    const r = await cli('export', archive, '--query', 'hostile', '--format', 'md', '--out', join(work, 'h'));
    expect(r.code).toBe(0);
    const [name] = readdirSync(join(work, 'h'));
    expect(name).toMatch(/^2024-05-01 .*evil name\.md$/);
    expect(name).not.toMatch(/[\u0000-\u001f/\\]/);
    expect(readdirSync(work)).not.toContain('evil');
  });

  it('exports the starred articles as JSON (none starred: an empty list)', async () => {
    const r = await cli('export', archive, '--starred', '--format', 'json', '--out', join(work, 's.json'));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 's.json'), 'utf8')).articles).toEqual([]);
  });

  it('explains wrong arguments', async () => {
    expect((await cli('export', archive, '--format', 'md', '--out', 'x')).err).toMatch(
      /either --starred or --query/,
    );
    expect((await cli('export', archive, '--starred', '--format', 'pdf', '--out', 'x')).err).toMatch(
      /--format must be md, html or json, not "pdf"/,
    );
    expect((await cli('export', archive, '--starred', '--format', 'md')).code).toBe(2);
    const taken = join(work, 'taken.json');
    writeFileSync(taken, 'mine');
    const r = await cli('export', archive, '--starred', '--format', 'json', '--out', taken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exists; Broadsheet does not replace files/);
    expect(readFileSync(taken, 'utf8')).toBe('mine');
  });
});
