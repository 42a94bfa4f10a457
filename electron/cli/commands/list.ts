// `broadsheet list DIR [--from DATE] [--to DATE] [--unread | --starred] [--source S | --category C |
// --folder F] [--oldest-first] [--limit N] [--json]`: the headline list the window shows for those choices, from
// the library database brought up to date with DIR (only new and changed files are read), asked a page
// at a time (engine/db/sqlListSource.ts, which answers as the window's rules, shared/listSelection.ts):
// same order, same day groups ("undated" last), so scripts and checks see what the user sees, and the
// library is never loaded whole. Stars and read marks come from their own stores.

import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isUndated, type ListOrder } from '../../../shared/articleOrder';
import { LIST_ROWS_LIMIT, type ListDay, type ListQuery, type ListRow } from '../../../shared/listQuery';
import {
  type DayKey,
  dayKeyToIso,
  type FacetChoice,
  type ListFilter,
  noFilter,
  parseDay,
  UNDATED_DAY,
  type View,
} from '../../../shared/listSelection';
import { isKnownTimeZone } from '../../../shared/settingsRules';
import { monthKeyToIso, monthOfDay } from '../../../shared/timeline';
import type { ListSource } from '../../engine/list/ListSource';
import { field, jsonText } from '../cleanOutput';
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

  const order: ListOrder = values['oldest-first'] ? 'oldest' : 'newest';
  const view: View = values.starred ? 'starred' : values.unread ? 'unread' : 'all';

  return withFolderLibrary(io, dir, values['data-dir'], async (library) => {
    // Stars and read marks from their stores; the list itself from the database, a page at a time.
    const stars = view === 'starred' ? await library.starred() : [];
    if (view === 'unread') library.db.mirrorReadMarks(await library.readIds());
    const source = library.db.listSource({
      folders: () => [root],
      starred: () => stars,
      progressOf: () => undefined,
      version: () => 0,
    });
    const query: ListQuery = { view, filter, order, now: Date.now(), timeZone: zone ?? '', keptUnread: [] };
    const shape = source.shape(query);
    const shown = limit === undefined ? shape.total : Math.min(limit, shape.total);
    const starOf = new Map(stars.map((s) => [s.id, s]));
    const rowOf = (r: ListRow): Row => {
      const a = library.byId(r.id);
      if (!a)
        return {
          id: r.id,
          title: r.title,
          date: r.date,
          categories: [],
          path: starOf.get(r.id)?.path ?? '',
          missing: true,
        };
      const row: Row = { id: a.id, title: a.title, date: a.date, categories: a.categories };
      if (isUndated(a)) row.undated = true;
      if (a.author !== undefined) row.author = a.author;
      row.path = a.path;
      return row;
    };
    // The day groups of the rows shown (--limit may cut the last one short), each read when written.
    const days: { day: DayKey; rows: () => Row[] }[] = [];
    let at = 0;
    for (const d of shape.days) {
      if (at >= shown) break;
      const from = at;
      const count = Math.min(d.count, shown - at);
      days.push({ day: d.day, rows: () => rowsOf(source, query, from, count).map(rowOf) });
      at += count;
    }
    if (values.json) {
      // The window's timeline: every listed article (before --limit) counted by month, in list order.
      const months = monthsOf(shape.days).map((m) => ({ month: monthKeyToIso(m.key), count: m.count }));
      io.out(
        `{"total":${shape.total},"shown":${shown},"order":${jsonText(order)},"months":${jsonText(months)},"days":[`,
      );
      days.forEach((d, i) => {
        const rows = d.rows();
        io.out(`${i ? ',' : ''}${jsonText({ day: dayKeyToIso(d.day), count: rows.length, articles: rows })}`);
      });
      io.out(']}\n');
      return 0;
    }
    if (shape.total === 0) {
      const empty = source.shape({ ...query, view: 'all', filter: noFilter }).total === 0;
      io.out(empty ? `No articles in ${field(root)}.\n` : 'No articles match these choices.\n');
      return 0;
    }
    for (const d of days) io.out(formatDay(d.day, d.rows(), zone));
    io.out(
      shown < shape.total
        ? `${shown} of ${shape.total} articles shown (--limit ${limit})\n`
        : `${shape.total} ${shape.total === 1 ? 'article' : 'articles'}\n`,
    );
    return 0;
  });
};

/** Rows from…from+count of the list, asked a page at a time. */
function rowsOf(source: ListSource, query: ListQuery, from: number, count: number): ListRow[] {
  const out: ListRow[] = [];
  while (out.length < count) {
    const page = source.rows(query, from + out.length, Math.min(LIST_ROWS_LIMIT, count - out.length));
    if (page.length === 0) break;
    out.push(...page);
  }
  return out;
}

/** The months of the list's day groups, in list order (shared/timeline monthCounts of the whole list). */
function monthsOf(days: readonly ListDay[]): { key: number; count: number }[] {
  const out: { key: number; count: number }[] = [];
  for (const d of days) {
    if (d.day === UNDATED_DAY) continue;
    const key = monthOfDay(d.day);
    const last = out[out.length - 1];
    if (last?.key === key) last.count += d.count;
    else out.push({ key, count: d.count });
  }
  return out;
}

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
