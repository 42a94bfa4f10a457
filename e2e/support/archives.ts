// Throwaway copies of archives for one test, so tests can add, drop and star files freely.

import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './devWebServer';

export const SAMPLE_ARCHIVE = join(REPO_ROOT, 'resources', 'sample-archive');
export const E2E_FIXTURES = join(REPO_ROOT, 'e2e', 'fixtures');

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `broadsheet-e2e-${prefix}-`));
}

/** A fresh copy of `source` (default: the bundled sample archive). */
export async function copyArchive(source: string = SAMPLE_ARCHIVE): Promise<string> {
  const dir = await makeTempDir('archive');
  await cp(source, dir, { recursive: true });
  return dir;
}

/** Writes a file (creating folders) and returns its absolute path. */
export async function writeArticle(dir: string, relativePath: string, content: string): Promise<string> {
  const path = join(dir, relativePath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** A Hexo-style article: YAML front matter and an HTML or Markdown body. */
export function article(fields: { title: string; date: string; author?: string }, body: string): string {
  const lines = ['---', `title: ${JSON.stringify(fields.title)}`, `date: ${fields.date}`];
  if (fields.author) lines.push(`author: ${JSON.stringify(fields.author)}`);
  lines.push('---', '', body, '');
  return lines.join('\n');
}
