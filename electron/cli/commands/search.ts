// `broadsheet search DIR QUERY [--json] [--limit N] [--exact-characters]` and
// `broadsheet search DIR --queries FILE --json` (one query a line). Answered from the library
// database after bringing it up to date with DIR (only changed files are read), newest first unless
// --order relevance.
// Simplified and Traditional Chinese match each other unless --exact-characters is given. What the
// query parser could not use is said (stderr, or `notice` in JSON), never silently dropped.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { noticeText } from '../../../shared/searchNotices';
import { SEARCH_ORDERS, type SearchOrder } from '../../../shared/types';
import { defaultDataDir } from '../../engine/dataDir';
import { field, jsonLine } from '../cleanOutput';
import { type CliIO, type Command, folderNotFound, parseCommandArgs, UsageError } from '../io';
import { openUpdatedDb } from '../libraryDatabase';

const USAGE =
  'usage: broadsheet search DIR QUERY [--json] [--limit N] [--exact-characters] [--data-dir DIR]\n' +
  '       broadsheet search DIR --queries FILE [--json] [--limit N] [--exact-characters] [--data-dir DIR]\n' +
  '  --exact-characters   Chinese characters as typed (by default 国家 also finds 國家)\n' +
  '  --exact-total        count every match, also when more than 100,000 match (an estimate by default)';

export const search: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      limit: { type: 'string' },
      queries: { type: 'string' },
      'exact-characters': { type: 'boolean' },
      'exact-total': { type: 'boolean' },
      order: { type: 'string' },
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
      throw new UsageError(
        `--limit takes a whole number of matches to list (0 or more), got "${field(values.limit)}".`,
      );
  }
  const order = (values.order ?? 'newest') as SearchOrder;
  if (!SEARCH_ORDERS.includes(order))
    throw new UsageError(`--order takes ${SEARCH_ORDERS.join(' or ')}, got "${values.order}".`);
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
    if (queries[0]!.trim() === '')
      throw new UsageError(`search needs a query: the one given is empty.\n${USAGE}`);
  }
  if (queries.length === 0) {
    throw new UsageError(`The queries file ${field(values.queries ?? '')} has no queries (one a line).`);
  }

  const root = resolve(io.cwd, dir);
  const missing = await folderNotFound(root);
  if (missing) {
    io.err(`${field(missing)}\n`);
    return 1;
  }
  const dataDir = values['data-dir'] ? resolve(io.cwd, values['data-dir']) : defaultDataDir(io.env);
  const { db, summary } = await openUpdatedDb(io, dataDir, [root], { progress: false });
  try {
    for (const p of summary.folderProblems) io.err(`${field(p.path)}: ${field(p.message)}\n`);
    if (!summary.complete && io.signal.aborted) {
      io.err('Search interrupted while bringing the library database up to date.\n');
      return 130;
    }
    const results = [];
    for (const text of queries) {
      const started = performance.now();
      const result = db.search(
        {
          text,
          limit: limit ?? Number.MAX_SAFE_INTEGER,
          exactCharacters: values['exact-characters'] === true,
        },
        { within: [root], snippets: !values.json, exactTotal: values['exact-total'] === true },
      );
      const elapsedMs = Math.round((performance.now() - started) * 1000) / 1000;
      results.push({ ...result, elapsedMs });
    }
    if (values.json) {
      io.out(
        jsonLine({
          results: results.map((r) => ({
            query: r.query,
            total: r.total,
            ...(r.totalEstimated ? { totalEstimated: true } : {}),
            elapsedMs: r.elapsedMs,
            ...(r.notices ? { notices: r.notices.map(noticeText) } : {}),
            matches: r.matches.map((m) => ({ id: m.id, path: m.path, title: m.title, date: m.date })),
          })),
        }),
      );
    } else {
      for (const r of results) {
        for (const notice of r.notices ?? []) io.err(`${field(noticeText(notice))}\n`);
        printHuman(io, r.query, r.total, r.totalEstimated === true, r.elapsedMs, r.matches);
      }
    }
    return 0;
  } finally {
    db.close();
  }
};

function printHuman(
  io: CliIO,
  query: string,
  total: number,
  estimated: boolean,
  elapsedMs: number,
  matches: { title: string; date: string; path: string; snippet: string }[],
): void {
  const count = estimated
    ? `about ${total.toLocaleString('en-US')} matches`
    : `${total} match${total === 1 ? '' : 'es'}`;
  io.out(`${count} for ${quoted(query)} (${elapsedMs.toFixed(1)} ms)\n`);
  for (const m of matches) {
    io.out(`  ${field(m.date.slice(0, 10))}  ${field(m.title)}\n      ${field(m.path)}\n`);
    if (m.snippet) io.out(`      ${field(m.snippet)}\n`);
  }
}

/** The query as typed, in quotes unless it has its own (a phrase query is not quoted twice). */
function quoted(query: string): string {
  return query.includes('"') ? field(query) : `"${field(query)}"`;
}
