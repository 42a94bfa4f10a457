// Finds the file `broadsheet show DIR PATH_OR_ID` means, without ever leaving DIR: a path may be
// relative to DIR or to the cwd, or absolute, but its real location must be inside DIR's; an id is
// looked up by the caller (in the library database), never by walking the folder.

import { stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { isInsideFolder, isReallyInsideFolder } from '../engine/common/pathContainment';
import { ARTICLE_EXTENSIONS_TEXT, isArticleFileName } from '../engine/parse/articleFiles';

export type RefResult = { ok: true; path: string } | { ok: false; message: string };

const ID = /^[0-9a-f]{16}$/;

/** `pathOfId`: the file of the article with this id inside `root`, if there is one. */
export async function resolveArticleRef(
  root: string,
  ref: string,
  cwd: string,
  pathOfId: (id: string) => string | undefined,
): Promise<RefResult> {
  if (ID.test(ref)) {
    const byId = pathOfId(ref);
    if (byId && isInsideFolder(byId, root)) return { ok: true, path: byId };
  }
  const candidates = isAbsolute(ref) ? [resolve(ref)] : [resolve(root, ref), resolve(cwd, ref)];
  for (const path of candidates) {
    if (!isInsideFolder(path, root)) continue;
    if (!(await isFile(path))) continue;
    if (!(await isReallyInsideFolder(path, root))) {
      return {
        ok: false,
        message: `${path} is a link to a file outside ${root}; Broadsheet only opens files inside the library folder.`,
      };
    }
    if (!isArticleFileName(basename(path))) {
      return {
        ok: false,
        message: `${path} is not an article file: Broadsheet reads ${ARTICLE_EXTENSIONS_TEXT} files.`,
      };
    }
    return { ok: true, path };
  }
  if (!candidates.some((c) => isInsideFolder(c, root))) {
    return {
      ok: false,
      message: `${candidates[0]} is outside ${root}. Give a path inside the folder, or the folder that contains it.`,
    };
  }
  const hint = ID.test(ref) ? 'No article in it has this id or path' : 'No such file in it';
  return {
    ok: false,
    message: `${hint}: "${ref}" (folder ${root}). Use a path inside the folder or an id from "broadsheet scan --json".`,
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
