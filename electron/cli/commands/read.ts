// `broadsheet read|unread DIR PATH_OR_ID... [--data-dir D]`: the window's read marks from the
// command line, on the same store as the app (it sees the change at its next one). Articles are found
// in the library database brought up to date with DIR.

import { field } from '../cleanOutput';
import { STORE_OPTIONS, withFolderLibrary } from '../folderLibrary';
import { type Command, parseCommandArgs, UsageError } from '../io';

function mark(read: boolean): Command {
  const name = read ? 'read' : 'unread';
  const usage = `usage: broadsheet ${name} DIR PATH_OR_ID... [--data-dir DIR]`;
  return async (argv, io) => {
    const { values, positionals } = parseCommandArgs(argv, STORE_OPTIONS, usage);
    const [dir, ...refs] = positionals;
    if (!dir || refs.length === 0) throw new UsageError(usage);
    return withFolderLibrary(io, dir, values['data-dir'], async (library) => {
      const ids: string[] = [];
      const titles = new Map<string, string>();
      let unknown = 0;
      for (const ref of refs) {
        const article = library.findRef(ref, io.cwd);
        if (article) {
          ids.push(article.id);
          titles.set(article.id, article.title);
        } else {
          unknown++;
          io.err(
            `No article "${field(ref)}" in ${field(library.root)}. Use an id from "broadsheet scan --json" or a path inside the folder.\n`,
          );
        }
      }
      if (ids.length === 0) return 1;
      const changed = new Set(await library.setRead(ids, read));
      for (const id of new Set(ids)) {
        const title = field(titles.get(id) ?? id);
        const state = changed.has(id)
          ? read
            ? 'Marked read'
            : 'Marked unread'
          : read
            ? 'Already read'
            : 'Already unread';
        io.out(`${state}: ${title}\n`);
      }
      return unknown > 0 ? 1 : 0;
    });
  };
}

export const read = mark(true);
export const unread = mark(false);
