// `broadsheet star|unstar DIR PATH_OR_ID` and `broadsheet starred DIR [--json]`, on the same stars
// store as the app (--data-dir or BROADSHEET_DATA_DIR chooses the folder). `starred` matches the
// stars to the library database brought up to date with DIR, without reading unchanged files.

import { resolve } from 'node:path';
import type { StarredEntry } from '../../../shared/types';
import { field, jsonLine } from '../cleanOutput';
import { STORE_OPTIONS, withFolderLibrary } from '../folderLibrary';
import { type Command, parseCommandArgs, UsageError } from '../io';

function toggle(starred: boolean): Command {
  const name = starred ? 'star' : 'unstar';
  const usage = `usage: broadsheet ${name} DIR PATH_OR_ID [--data-dir DIR]`;
  return async (argv, io) => {
    const { values, positionals } = parseCommandArgs(argv, STORE_OPTIONS, usage);
    const [dir, ref] = positionals;
    if (!dir || !ref || positionals.length > 2) throw new UsageError(usage);
    return withFolderLibrary(io, dir, values['data-dir'], async (library) => {
      const article = library.findRef(ref, io.cwd);
      let id = article?.id ?? null;
      if (!article && !starred) {
        // A star whose file is gone can still be removed by its id or its old path.
        const entry = (await library.starred()).find(
          (s) => s.id === ref || s.path === resolve(io.cwd, dir, ref),
        );
        id = entry?.id ?? null;
      }
      if (!id) {
        io.err(
          `No article "${field(ref)}" in ${field(library.root)}. Use an id from "broadsheet scan --json" or a path inside the folder.\n`,
        );
        return 1;
      }
      const entries = await library.setStarred(article ?? id, starred);
      const entry = entries.find((s) => s.id === id);
      io.out(`${starred ? 'Starred' : 'Unstarred'}: ${field(entry?.title ?? article?.title ?? id)}\n`);
      return 0;
    });
  };
}

export const star = toggle(true);
export const unstar = toggle(false);

export const starred: Command = async (argv, io) => {
  const usage = 'usage: broadsheet starred DIR [--json] [--data-dir DIR]';
  const { values, positionals } = parseCommandArgs(argv, STORE_OPTIONS, usage);
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new UsageError(usage);
  return withFolderLibrary(io, dir, values['data-dir'], async (library) => {
    const entries: StarredEntry[] = await library.starred();
    if (values.json) {
      io.out(jsonLine({ starred: entries }));
    } else if (entries.length === 0) {
      io.out('No starred articles.\n');
    } else {
      for (const s of entries) {
        io.out(
          `${s.missing ? '✗ missing ' : '★ '}${field(s.date.slice(0, 10))}  ${field(s.title)}\n    ${field(s.path)}\n`,
        );
      }
      const missing = entries.filter((s) => s.missing).length;
      io.out(
        `${entries.length} starred${missing ? `, ${missing} missing (file gone; unstar to remove)` : ''}\n`,
      );
    }
    return 0;
  });
};
