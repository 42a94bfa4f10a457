// A single article file opened for reading (dropped on the window, or `broadsheet show FILE`),
// outside the library's folders: checked (rootFolders.checkArticleFile), its link followed only to
// another article file, and read confined to the folder it really is in.

import { realpath } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { OpenFileResult } from '../../../shared/contract';
import { isArticleFileName } from '../parse/articleFiles';
import type { ParseOptions } from '../parse/parseArticle';
import { readArticleFile } from '../parse/readArticleFile';
import { checkArticleFile } from './rootFolders';

export async function openArticleFile(path: string, parse: ParseOptions): Promise<OpenFileResult> {
  const check = await checkArticleFile(path);
  if (!check.ok) return { ok: false, reason: check.reason };
  // `passwd-link.md` -> /etc/passwd: the name is an article's, the file it leads to is not.
  const real = await realpath(path).catch(() => null);
  if (real === null || !isArticleFileName(basename(real))) {
    return {
      ok: false,
      reason: `${basename(path)} is a link to ${real === null ? 'a file that cannot be resolved' : basename(real)}, which is not an article file (.md, .markdown, .txt, .html, .htm).`,
    };
  }
  // Confined to the folder the file really is in (a dropped link opens its target).
  const outcome = await readArticleFile(path, dirname(real), parse);
  if (!outcome.article) {
    return { ok: false, reason: outcome.problems[0]?.message ?? 'The file could not be read.' };
  }
  return { ok: true, article: outcome.article };
}
