// The sidebar's counts (shared/listQuery SidebarCounts) from the library database: read from the
// tallies the triggers keep per root (schema.ts list_tallies: a few hundred rows, whatever the size of
// the library), summed over the roots the library lists; counted from list_entries only when a root
// in the database is cut by the library's folders (the CLI asked about a folder inside a root
// scanned before), where no tally says how many of its articles are inside.

import type Database from 'better-sqlite3';
import { baseName } from '../../../shared/folders';
import { byCountThenName, compareNames } from '../../../shared/listAnswers';
import type { FacetTally, SidebarCounts } from '../../../shared/listQuery';
import { isInsideFolder } from '../common/pathContainment';
import type { Where } from './listWhere';

interface Tally {
  value: string;
  root: string;
  n: number;
  r: number;
}

interface Counted {
  all: { n: number; r: number };
  categories: Tally[];
  authors: Tally[];
  /** Articles per (root, folder listed); `value` is the folder. */
  folders: Tally[];
}

/** The counts over the library's folders (`scope` is their SQL test, for the counting path). */
export function sidebarCounts(
  db: Database.Database,
  folders: readonly string[],
  scope: Where,
  version: number,
): SidebarCounts {
  const counted = fromTallies(db, folders) ?? byScan(db, scope);
  return {
    version,
    total: counted.all.n,
    unread: counted.all.n - counted.all.r,
    categories: facetList(counted.categories),
    authors: facetList(counted.authors),
    folders: folderList(counted.folders),
  };
}

function fromTallies(db: Database.Database, folders: readonly string[]): Counted | null {
  const rows = db
    .prepare('SELECT kind, value, root, count AS n, read AS r FROM list_tallies WHERE count > 0')
    .all() as (Tally & { kind: string })[];
  const inside = new Map<string, boolean>();
  for (const t of rows) {
    if (inside.has(t.root)) continue;
    const listed = folders.some((f) => isInsideFolder(t.root, f));
    if (!listed && folders.some((f) => isInsideFolder(f, t.root))) return null;
    inside.set(t.root, listed);
  }
  const out: Counted = { all: { n: 0, r: 0 }, categories: [], authors: [], folders: [] };
  for (const t of rows) {
    if (!inside.get(t.root)) continue;
    if (t.kind === 'all') {
      out.all.n += t.n;
      out.all.r += t.r;
    } else if (t.kind === 'category') out.categories.push(t);
    else if (t.kind === 'author') out.authors.push(t);
    else if (t.kind === 'folder') out.folders.push(t);
  }
  return out;
}

function byScan(db: Database.Database, scope: Where): Counted {
  const all = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(e.read), 0) AS r FROM list_entries e WHERE ${scope.sql}`)
    .get(...scope.params) as { n: number; r: number };
  const tallies = (sql: string) => db.prepare(sql).all(...scope.params) as Tally[];
  return {
    all,
    categories: tallies(
      `SELECT c.category AS value, e.root AS root, count(*) AS n, sum(e.read) AS r FROM categories c JOIN list_entries e ON e.key = c.key WHERE ${scope.sql} GROUP BY c.category, e.root`,
    ),
    authors: tallies(
      `SELECT e.author AS value, e.root AS root, count(*) AS n, sum(e.read) AS r FROM list_entries e WHERE e.author IS NOT NULL AND e.author != '' AND ${scope.sql} GROUP BY e.author, e.root`,
    ),
    folders: tallies(
      `SELECT e.folder AS value, e.root AS root, count(*) AS n, sum(e.read) AS r FROM list_entries e WHERE ${scope.sql} GROUP BY e.root, e.folder`,
    ),
  };
}

/** Summed over the roots; most used first, then by name. */
function facetList(tallies: readonly Tally[]): FacetTally[] {
  const by = new Map<string, FacetTally>();
  for (const t of tallies) {
    const f = by.get(t.value) ?? { value: t.value, count: 0, unread: 0 };
    f.count += t.n;
    f.unread += t.n - t.r;
    by.set(t.value, f);
  }
  return [...by.values()].sort(byCountThenName);
}

/** Each root by its name then path, then its top-level folders by name (shared/listAnswers folderTallies). */
function folderList(tallies: readonly Tally[]): FacetTally[] {
  const roots = new Map<string, { tally: FacetTally; children: FacetTally[] }>();
  for (const t of tallies) {
    let root = roots.get(t.root);
    if (!root) {
      root = { tally: { value: t.root, count: 0, unread: 0 }, children: [] };
      roots.set(t.root, root);
    }
    root.tally.count += t.n;
    root.tally.unread += t.n - t.r;
    if (t.value !== t.root) root.children.push({ value: t.value, count: t.n, unread: t.n - t.r });
  }
  const out: FacetTally[] = [];
  const sorted = [...roots.values()].sort(
    (a, b) =>
      compareNames(baseName(a.tally.value), baseName(b.tally.value)) ||
      compareNames(a.tally.value, b.tally.value),
  );
  for (const root of sorted) {
    out.push(root.tally);
    out.push(...root.children.sort((a, b) => compareNames(a.value, b.value)));
  }
  return out;
}
