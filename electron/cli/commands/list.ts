// `broadsheet list DIR [--from DATE] [--to DATE] [--unread | --starred] [--source S | --category C |
// --folder F] [--oldest-first] [--limit N] [--json]`: the headline list the window shows for those choices, from
// the library database brought up to date with DIR (only new and changed files are read), through the
// window's selection (shared/listSelection.ts): same order, same day groups ("undated" last), so
// scripts and checks see what the user sees. Stars and read marks come from their own stores.

import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isUndated } from '../../../shared/articleOrder';
import {
  type DayKey,
  dayKeyToIso,
  type FacetChoice,
  groupDays,
  type ListFilter,
  makeDayKey,
  parseDay,
  selectList,
} from '../../../shared/listSelection';
import { isKnownTimeZone } from '../../../shared/settingsRules';
import { monthCounts, monthKeyToIso } from '../../../shared/timeline';
import type { ListedArticle, StarredEntry } from '../../../shared/types';
import { FolderTable } from '../../engine/library/FolderTable';
import { toListed } from '../../engine/parse/ids';
import { field, jsonLine } from '../cleanOutput';
import { withFolderLibrary } from '../folderLibrary';
import { type Command, parseCommandArgs, UsageError } from '../io';
import { formatLocalDateTime } from '../terminalText';

const USAGE =
  'usage: broadsheet list DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unread | --starred]\n' +
  '                           [--source S | --category C | --folder F] [--oldest-first] [--limit N] [--json]\n' +
  '                           [--time-zone ZONE] [--data-dir DIR]\n' +
  "  --folder F: DIR itself or one of its top-level folders (the window's Folders list), by name or path";

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  starred: { type: 'boolean' },
  unread: { type: 'boolean' },
  source: { type: 'string' },
  category: { type: 'string' },
  folder: { type: 'string' },
  'oldest-first': { type: 'boolean' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  'time-zone': { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** One listed row, as printed and as written in the JSON. */
interface Row {
  id: string;
  title: string;
  date: string;
  undated?: true;
  author?: string;
  categories: string[];
  path?: string;
  /** A star whose file is not in the open folders. */
  missing?: true;
}

function dayOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (parseDay(value) === null)
    throw new UsageError(
      `--${name} takes a calendar date as YYYY-MM-DD (such as 2024-03-01), got "${value}".`,
    );
  return value.trim();
}

export const list: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, USAGE);
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new UsageError(`list needs one folder.\n${USAGE}`);
  const from = dayOption('from', values.from);
  const to = dayOption('to', values.to);
  if (from && to && from > to)
    throw new UsageError(`--from ${from} is after --to ${to}: nothing is between them.`);
  if (values.unread && values.starred)
    throw new UsageError(
      'Choose --unread or --starred: they are two views of the window, shown one at a time.',
    );
  if ([values.source, values.category, values.folder].filter((v) => v !== undefined).length > 1)
    throw new UsageError(
      'Choose one of --source, --category and --folder: the list is narrowed by one of them, as in the window.',
    );
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit.trim()) || !Number.isSafeInteger(limit))
      throw new UsageError(`--limit takes a whole number of articles (0 or more), got "${values.limit}".`);
  }
  const zone = values['time-zone'] || io.env.TZ || undefined;
  if (zone && !isKnownTimeZone(zone))
    throw new UsageError(
      `--time-zone takes an IANA zone such as Asia/Shanghai or Europe/Berlin, got "${zone}".`,
    );
  const root = resolve(io.cwd, dir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    io.err(`Folder not found: ${field(root)}\n`);
    return 1;
  }

  let facet: FacetChoice | null = null;
  if (values.source !== undefined) facet = { kind: 'author', value: values.source.trim() };
  else if (values.category !== undefined) facet = { kind: 'category', value: values.category };
  else if (values.folder !== undefined) {
    const folder = resolve(root, values.folder);
    if (folder !== root && dirname(folder) !== root)
      throw new UsageError(
        `--folder takes ${field(root)} or one of its top-level folders (the window's Folders list), got ${field(folder)}.`,
      );
    facet = { kind: 'folder', value: folder };
  }
  const filter: ListFilter = {
    facet,
    range: from || to ? 'between' : 'any',
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const dayKey = makeDayKey(zone);

  return withFolderLibrary(io, dir, values['data-dir'], async (library) => {
    const articles = library.articles();
    const folders = new FolderTable();
    const listed = articles.map((a) => toListed(a, folders.of(a)));
    const pathOf = new Map(articles.map((a) => [a.id, a.path]));
    const byId = new Map(listed.map((a) => [a.id, a]));
    const byHash = new Map(listed.map((a) => [a.contentHash, a]));
    const rowOf = (a: ListedArticle): Row => {
      const row: Row = { id: a.id, title: a.title, date: a.date, categories: a.categories };
      if (a.undated) row.undated = true;
      if (a.author !== undefined) row.author = a.author;
      const path = pathOf.get(a.id);
      if (path) row.path = path;
      return row;
    };
    const rowOfStar = (s: StarredEntry, present: ListedArticle | undefined): Row =>
      present
        ? rowOf(present)
        : { id: s.id, title: s.title, date: s.date, categories: [], path: s.path, missing: true };
    const read = values.unread ? await library.readIds() : new Set<string>();
    const rows = selectList<Row>({
      choice: {
        view: values.starred ? 'starred' : values.unread ? 'unread' : 'all',
        filter,
        order: values['oldest-first'] ? 'oldest' : 'newest',
      },
      now: Date.now(),
      dayKey,
      articles: listed,
      folders: folders.list(),
      starred: values.starred ? await library.starred() : [],
      presentOf: (s) => byId.get(s.id) ?? byHash.get(s.contentHash),
      unread: (a) => !read.has(a.id),
      fromArticle: rowOf,
      fromStar: rowOfStar,
    });
    const shown = limit === undefined ? rows : rows.slice(0, limit);
    const days = groupDays(shown, dayKey);
    if (values.json) {
      io.out(
        jsonLine({
          total: rows.length,
          shown: shown.length,
          order: values['oldest-first'] ? 'oldest' : 'newest',
          // The window's timeline: every listed article (before --limit) counted by month, in list order.
          months: monthCounts(rows, values['oldest-first'] ? 'oldest' : 'newest', dayKey).map((m) => ({
            month: monthKeyToIso(m.key),
            count: m.count,
          })),
          days: days.map((d) => ({ day: dayKeyToIso(d.day), count: d.entries.length, articles: d.entries })),
        }),
      );
      return 0;
    }
    if (rows.length === 0) {
      io.out(listed.length === 0 ? `No articles in ${field(root)}.\n` : 'No articles match these choices.\n');
      return 0;
    }
    for (const d of days) io.out(formatDay(d.day, d.entries, zone));
    io.out(
      shown.length < rows.length
        ? `${shown.length} of ${rows.length} articles shown (--limit ${limit})\n`
        : `${rows.length} ${rows.length === 1 ? 'article' : 'articles'}\n`,
    );
    return 0;
  });
};

function formatDay(day: DayKey, entries: readonly Row[], zone: string | undefined): string {
  const lines = [`${dayKeyToIso(day) === 'undated' ? 'Undated' : dayKeyToIso(day)} (${entries.length})`];
  for (const row of entries) {
    // An undated article's time is its file's: no time is shown, as in the window.
    const time = isUndated(row) ? '     ' : formatLocalDateTime(row.date, zone).slice(11);
    const source = row.author?.trim() || row.categories[0] || '';
    lines.push(
      `  ${time}  ${field(row.title)}${source ? `  · ${field(source)}` : ''}${row.missing ? '  (file not in this folder)' : ''}`,
    );
    if (row.path) lines.push(`         ${field(row.path)}`);
  }
  return `${lines.join('\n')}\n`;
}
