// The `broadsheet` dispatcher: a table of commands, loaded on first use so `broadsheet scan` does
// not load the search index or the watcher. Adding a command is one line in COMMANDS (and one
// in SUMMARIES for the help text).

import packageJson from '../../package.json' with { type: 'json' };
import { field, terminalSafe, text } from './cleanOutput';
import { type CliIO, type Command, UsageError } from './io';

/** Command name -> its module, imported on first use. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./commands/scan')).scan,
  index: async () => (await import('./commands/index')).index,
  show: async () => (await import('./commands/show')).show,
  search: async () => (await import('./commands/search')).search,
  list: async () => (await import('./commands/list')).list,
  watch: async () => (await import('./commands/watch')).watch,
  star: async () => (await import('./commands/stars')).star,
  unstar: async () => (await import('./commands/stars')).unstar,
  starred: async () => (await import('./commands/stars')).starred,
  read: async () => (await import('./commands/read')).read,
  unread: async () => (await import('./commands/read')).unread,
  export: async () => (await import('./commands/export')).exportCommand,
};

const SUMMARIES = [
  'scan DIR... [--json] [--time-zone ZONE]   every article and problem, newest first',
  'index DIR... [--data-dir DIR] [--json]    bring the library database up to date',
  'show DIR PATH_OR_ID [--json]              one article: metadata, body HTML as parsed, and text',
  'search DIR QUERY [--json] [--limit N] [--exact-characters]   full-text search ("a phrase", words, CJK)',
  'search DIR --queries FILE [--json]        one query a line, with per-query timings',
  'list DIR [--from D] [--to D] [--unread|--starred] [--source S|--category C] [--oldest-first] [--limit N] [--json]\n' +
    '                                            the headline list as the window shows it',
  'watch DIR [--json]                        follow changes as they happen',
  'star DIR PATH_OR_ID | unstar DIR PATH_OR_ID',
  'starred DIR [--json]                      starred articles',
  'read DIR PATH_OR_ID... | unread DIR PATH_OR_ID...   mark articles read or unread',
  'export DIR --starred|--query Q --format md|html|json --out DEST   Markdown, HTML or JSON',
];

export const VERSION: string = packageJson.version;

export function usage(): string {
  const lines = SUMMARIES.map((summary) => `  broadsheet ${summary}`);
  return [
    'usage:',
    ...lines,
    '  broadsheet help | --help | --version',
    '',
    'Every command takes --data-dir DIR (or the environment variable BROADSHEET_DATA_DIR): where',
    'stars, read marks, settings and the library database live. index, search, show, list, star,',
    'unstar, starred, read and unread use them; scan and watch read the folder itself and leave them',
    'untouched.',
    '',
  ].join('\n');
}

/**
 * Runs one command line (without `node` and the script) and returns the exit code. Everything the
 * command writes passes through `terminalSafe`: archive text should already be cleaned by
 * cleanOutput's `field`/`text`/`jsonLine`, and no control sequence gets out if it was not.
 */
export async function runCli(argv: string[], rawIO: CliIO): Promise<number> {
  const io: CliIO = {
    ...rawIO,
    out: (text) => rawIO.out(terminalSafe(text)),
    err: (text) => rawIO.err(terminalSafe(text)),
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    if (name === undefined) {
      io.err(usage());
      return 2;
    }
    io.out(`Broadsheet ${VERSION}: a reader for offline news archives.\n${usage()}`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`Unknown command "${field(name)}".\n${usage()}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${text(error.message)}\n`);
      if (!error.message.includes('usage:')) io.err(usage());
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`broadsheet ${name} failed: ${field(message)}\n`);
    return 1;
  }
}
