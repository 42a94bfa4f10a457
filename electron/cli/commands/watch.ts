// `broadsheet watch DIR [--json]`: prints article files added, changed and removed under DIR as they
// happen, until interrupted. Cheap on purpose: it reports paths and never parses an article.
// With --json every line is one JSON object: {"type":"ready","root"} once watching, then
// {"type":"added"|"changed"|"removed","path","root"}, {"type":"root-missing","root"},
// {"type":"root-restored","root"} (followed by one line per change found), {"type":"warning","root","message"},
// {"type":"problem","path","code","message"} (a name that is not UTF-8, a folder swapped for a link: what
// the app lists in its problems) and {"type":"error","message"}.

import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { LibraryWatcher, type WatchChange } from '../../engine/watch/LibraryWatcher';
import { field, jsonLine } from '../cleanOutput';
import { type CliIO, type Command, parseCommandArgs, UsageError } from '../io';

const USAGE = 'usage: broadsheet watch DIR [--json] [--data-dir DIR]';

export const watch: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, USAGE);
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new UsageError(`watch needs one folder.\n${USAGE}`);
  const root = resolve(io.cwd, dir);
  if (!(await isFolder(root))) {
    io.err(`${field(root)} is not a folder. Give the folder of your news archive.\n`);
    return 1;
  }
  if (io.signal.aborted) return 0;

  const print = values.json ? jsonPrinter(io) : humanPrinter(io, root);
  const watcher = new LibraryWatcher([root]);
  watcher.on('changes', (changes) => {
    for (const change of changes) print.change(change);
  });
  watcher.on('root-missing', (missing) => print.event({ type: 'root-missing', root: missing }));
  watcher.on('root-restored', (restored, changes) => {
    print.restored(restored, changes.length);
    for (const change of changes) print.change(change);
  });
  watcher.on('warning', ({ root: warned, message }) =>
    print.event({ type: 'warning', root: warned, message }),
  );
  watcher.on('problems', (problems) => {
    for (const problem of problems)
      print.event({ type: 'problem', path: problem.path, code: problem.code, message: problem.message });
  });
  watcher.on('error', (error) => print.event({ type: 'error', message: error.message }));

  // Nothing else may keep the process alive (the watcher's timers do not): hold it until stopped.
  const keepAlive = setInterval(() => undefined, 2 ** 30);
  try {
    await watcher.start();
    print.event({ type: 'ready', root });
    await abortion(io.signal);
  } finally {
    clearInterval(keepAlive);
    await watcher.close();
  }
  return 0;
};

type WatchEvent =
  | { type: 'ready'; root: string }
  | { type: 'root-missing'; root: string }
  | { type: 'warning'; root: string; message: string }
  | { type: 'problem'; path: string; code: string; message: string }
  | { type: 'error'; message: string };

interface Printer {
  change(change: WatchChange): void;
  event(event: WatchEvent): void;
  /** The changes found follow, one `change` each. */
  restored(root: string, changes: number): void;
}

function jsonPrinter(io: CliIO): Printer {
  return {
    change: (change) => io.out(jsonLine({ type: change.type, path: change.path, root: change.root })),
    event: (event) => io.out(jsonLine(event)),
    restored: (restored) => io.out(jsonLine({ type: 'root-restored', root: restored })),
  };
}

function humanPrinter(io: CliIO, root: string): Printer {
  const show = (path: string) => field(relative(root, path) || path);
  const verbs: Record<WatchChange['type'], string> = {
    added: 'added  ',
    changed: 'changed',
    removed: 'removed',
  };
  return {
    change: (change) => io.out(`${verbs[change.type]}  ${show(change.path)}\n`),
    event: (event) => {
      switch (event.type) {
        case 'ready':
          io.err(`Watching ${field(event.root)} for article files (Ctrl+C to stop).\n`);
          break;
        case 'root-missing':
          io.out(`The folder ${field(event.root)} is gone; waiting for it to come back.\n`);
          break;
        case 'warning':
          io.err(`warning: ${field(event.message)}\n`);
          break;
        case 'problem':
          io.out(`problem  ${show(event.path)}: ${field(event.message)}\n`);
          break;
        case 'error':
          io.err(`error: ${field(event.message)}\n`);
          break;
      }
    },
    restored: (restored, changes) =>
      io.out(`The folder ${field(restored)} is back (${changes} ${changes === 1 ? 'change' : 'changes'}).\n`),
  };
}

function abortion(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((done) => signal.addEventListener('abort', () => done(), { once: true }));
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
