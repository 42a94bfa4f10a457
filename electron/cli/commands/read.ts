// `broadsheet read|unread DIR PATH_OR_ID... [--data-dir D]`: the window's read marks from the
// command line, on the same store as the app (it sees the change at its next one).

import { resolve } from 'node:path';
import { field } from '../cleanOutput';
import { type Command, parseCommandArgs, UsageError } from '../io';
import { findRef, STORE_OPTIONS, withLibrary } from '../userDataLibrary';

function mark(read: boolean): Command {
  const name = read ? 'read' : 'unread';
  const usage = `usage: broadsheet ${name} DIR PATH_OR_ID... [--data-dir DIR]`;
  return async (argv, io) => {
    const { values, positionals } = parseCommandArgs(argv, STORE_OPTIONS, usage);
    const [dir, ...refs] = positionals;
    if (!dir || refs.length === 0) throw new UsageError(usage);
    return withLibrary(io, dir, values['data-dir'], async (library) => {
      const ids: string[] = [];
      let unknown = 0;
      for (const ref of refs) {
        const id = findRef(library, io, dir, ref);
        if (id) ids.push(id);
        else {
          unknown++;
          io.err(
            `No article "${field(ref)}" in ${field(resolve(io.cwd, dir))}. Use an id from "broadsheet scan --json" or a path inside the folder.\n`,
          );
        }
      }
      if (ids.length === 0) return 1;
      const changed = new Set(await library.call('setRead', ids, read));
      for (const id of new Set(ids)) {
        const title = field(library.findArticle(id)?.title ?? id);
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
