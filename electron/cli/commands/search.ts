// `broadsheet search DIR QUERY [--json] [--limit N]` and
// `broadsheet search DIR --queries FILE --json` (one query a line).

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defaultDataDir } from '../../engine/dataDir';
import { openLibrary } from '../../engine/library/openLibrary';
import { field, jsonLine } from '../cleanOutput';
import { type CliIO, type Command, parseCommandArgs, UsageError } from '../io';

const USAGE =
  'usage: broadsheet search DIR QUERY [--json] [--limit N] [--data-dir DIR]\n' +
  '       broadsheet search DIR --queries FILE [--json] [--limit N]';

export const search: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      limit: { type: 'string' },
      queries: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    USAGE,
  );
  const [dir, ...words] = positionals;
  if (!dir) throw new UsageError(`search needs a folder.\n${USAGE}`);
  if (values.queries && words.length > 0)
    throw new UsageError(`give either QUERY or --queries FILE, not both.\n${USAGE}`);
  if (!values.queries && words.length === 0) throw new UsageError(`search needs a query.\n${USAGE}`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0)
      throw new UsageError(`--limit takes a whole number, got "${values.limit}".`);
  }
  let queries: string[];
  if (values.queries) {
    const file = resolve(io.cwd, values.queries);
    const text = await readFile(file, 'utf8').catch((error: Error) => {
      throw new Error(`Cannot read the queries file ${file}: ${error.message}`);
    });
    queries = text
      .split(/\r?\n/)
      .map((q) => q.trim())
      .filter((q) => q.length > 0);
  } else {
    queries = [words.join(' ')];
  }

  const library = await openLibrary({
    dataDir: values['data-dir'] ? resolve(io.cwd, values['data-dir']) : defaultDataDir(io.env),
    roots: [resolve(io.cwd, dir)],
    persistRoots: false,
    watch: false,
  });
  try {
    await library.whenIdle();
    const results = [];
    for (const text of queries) {
      const started = performance.now();
      const result = await library.call('search', { text, limit: limit ?? Number.MAX_SAFE_INTEGER });
      const elapsedMs = Math.round((performance.now() - started) * 1000) / 1000;
      results.push({ ...result, elapsedMs });
    }
    if (values.json) {
      io.out(
        jsonLine({
          results: results.map((r) => ({
            query: r.query,
            total: r.total,
            elapsedMs: r.elapsedMs,
            matches: r.matches.map((m) => ({ id: m.id, path: m.path, title: m.title, date: m.date })),
          })),
        }),
      );
    } else {
      for (const r of results) printHuman(io, r.query, r.total, r.elapsedMs, r.matches);
    }
    return 0;
  } finally {
    await library.close();
  }
};

function printHuman(
  io: CliIO,
  query: string,
  total: number,
  elapsedMs: number,
  matches: { title: string; date: string; path: string; snippet: string }[],
): void {
  io.out(`${total} match${total === 1 ? '' : 'es'} for "${field(query)}" (${elapsedMs.toFixed(1)} ms)\n`);
  for (const m of matches) {
    io.out(`  ${field(m.date.slice(0, 10))}  ${field(m.title)}\n      ${field(m.path)}\n`);
    if (m.snippet) io.out(`      ${field(m.snippet)}\n`);
  }
}
