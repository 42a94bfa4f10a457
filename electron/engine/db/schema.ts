// The library database's tables. Everything in it can be rebuilt from the archive's files: user data
// (stars, settings) lives in its own stores and never only here.
//
//   articles        one row per readable article file: what the headline list and `show` need, the
//                   file's mtime/size (change detection) and its text, deflated (storedText.ts).
//                   `key` is date-ordered (dateKey.ts) and is the rowid of the FTS tables too.
//   categories      (category, key): the category filter without reading articles.
//   failed_files    files that could not be read, with mtime/size, so an unchanged broken file is not
//                   parsed again at every update, and its problems can still be listed.
//   text_index      FTS5, contentless: bigrams, words and gaps of each field, one column a field
//                   (ftsTokens.ts), so field clauses are column filters and bm25() weighs titles.
//   char_index      FTS5, contentless, detail=none: each distinct CJK unit of an article, for
//                   1-character queries (a prefix query over bigrams misses a character ending a run),
//                   and those of its title, author and categories marked again (relevance's title
//                   tier; single-character author:, category: and source: clauses).
//   meta            schema and engine version (a different engine parses differently: rebuild).
//   list_entries    the headline list's part of each article (LIST_SCHEMA), kept by triggers.
//   read_marks      a mirror of the read ids of the read-marks store (rebuildable; listMirror.ts).

/**
 * Bump when the tables or what goes into them change: an older database is then rebuilt.
 * 2: tokens fold Traditional Chinese to Simplified (charClass.ts FOLD).
 * 3: text_index has a column per field (title, author, categories, text).
 * 4: char_index also holds the title's units, marked (ftsTokens.ts TITLE_UNIT).
 * 5: ... and the author's and the categories' (single-character field clauses).
 */
export const SCHEMA_VERSION = 5;

export const SCHEMA = `
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE articles (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL UNIQUE,
  root TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  date_source TEXT NOT NULL,
  author TEXT,
  categories TEXT NOT NULL,
  images TEXT NOT NULL,
  chars INTEGER NOT NULL,
  excerpt TEXT NOT NULL,
  body_format TEXT NOT NULL,
  mtime_ms REAL NOT NULL,
  size INTEGER NOT NULL,
  degraded INTEGER NOT NULL,
  problems TEXT NOT NULL,
  body BLOB NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE TABLE categories (
  category TEXT NOT NULL,
  key INTEGER NOT NULL,
  PRIMARY KEY (category, key)
) WITHOUT ROWID;
CREATE TABLE failed_files (
  path TEXT PRIMARY KEY,
  root TEXT NOT NULL,
  mtime_ms REAL NOT NULL,
  size INTEGER NOT NULL,
  problems TEXT NOT NULL
) WITHOUT ROWID;
CREATE VIRTUAL TABLE text_index USING fts5(
  title, author, categories, text, content='', contentless_delete=1, tokenize='ascii'
);
CREATE VIRTUAL TABLE char_index USING fts5(
  units, content='', contentless_delete=1, detail=none, tokenize='ascii'
);
`;

/**
 * The headline list's tables (db/sqlListSource.ts), added to a database of this schema version
 * without a rebuild: run at every open, tables and indexes IF NOT EXISTS, triggers made anew; they keep
 * list_entries equal to articles (writes never update an article row: they delete and insert), and
 * an older file is filled in once (LibraryDb addListTables: FILL_LIST_ENTRIES, FILL_LIST_TALLIES).
 *
 *   list_entries    per article (same key): undated (dateSource 'file-mtime'), date (ISO, UTC: string
 *                   order is time order), id, ms (the date in ms, NULL where SQLite cannot read the
 *                   year: past 9999), author trimmed as the facet compares it (JS trim's white space;
 *                   NULL when none), root, folder (shared/folders folderPath of its FolderRef), read
 *                   (a mirror of the read-marks store: 1 when its id is in read_marks).
 *   list_order      (undated, date DESC, id, ...): newest first is a forward walk, oldest first a
 *                   backward one (shared/articleOrder), and day counts read nothing but the index.
 *   list_author, list_folder: the same order within one author or folder (an id is found through
 *                   articles' own index on id).
 *   read_marks      ids the read-marks store says are read (user data stays in the store).
 *   list_tallies    the sidebar's counts per root: (kind 'all' | 'author' | 'folder' | 'category',
 *                   value, root) -> articles, read ones; kept by the triggers (a category is counted
 *                   when its categories row is written, and uncounted when its article's entry goes:
 *                   LibraryDb deletes the article before its categories rows).
 */
const JS_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** The list_entries values of the articles row `r` (NEW in a trigger, an alias in a SELECT). */
function entryValues(r: string): string {
  // shared/folders: the separator of the root's paths, the root ending in it, the path inside it,
  // and the folder listed (topFolderName + folderPath; the root itself for a file directly in it).
  const sep = `(CASE WHEN instr(${r}.root, '\\') > 0 AND instr(${r}.root, '/') = 0 THEN '\\' ELSE '/' END)`;
  const prefix = `(CASE WHEN substr(${r}.root, -1) = ${sep} THEN ${r}.root ELSE ${r}.root || ${sep} END)`;
  const rest = `(CASE WHEN substr(${r}.path, 1, length(${prefix})) = ${prefix} THEN substr(${r}.path, length(${prefix}) + 1) END)`;
  const folder = `(CASE WHEN instr(${rest}, ${sep}) > 1 THEN ${prefix} || substr(${rest}, 1, instr(${rest}, ${sep}) - 1) ELSE ${r}.root END)`;
  return [
    `${r}.key`,
    `${r}.date_source = 'file-mtime'`,
    `${r}.date`,
    `${r}.id`,
    `CAST(round(unixepoch(${r}.date, 'subsec') * 1000) AS INTEGER)`,
    `CASE WHEN ${r}.author IS NULL THEN NULL ELSE trim(${r}.author, '${JS_SPACE}') END`,
    `${r}.root`,
    folder,
    `EXISTS (SELECT 1 FROM read_marks WHERE id = ${r}.id)`,
  ].join(', ');
}

/** One tally up by an entry (`row`: NEW), when `when` holds. */
function tally(kind: string, value: string, row: string, by: 1, when = '1'): string {
  return `INSERT INTO list_tallies (kind, value, root, count, read) SELECT ${kind}, ${value}, ${row}.root, ${by}, ${row}.read WHERE ${when}
    ON CONFLICT (kind, value, root) DO UPDATE SET count = count + 1, read = read + excluded.read;`;
}

/**
 * One change to every tally of an entry (`row`: OLD or NEW), each statement on the tallies' key (one
 * OR over them would walk the whole table per row); its categories through categories_key.
 */
function tallyBy(set: string, row: string): string {
  const where = [
    `kind = 'all' AND value = ''`,
    `kind = 'folder' AND value = ${row}.folder`,
    `kind = 'author' AND value = ${row}.author`,
    `kind = 'category' AND value IN (SELECT category FROM categories WHERE key = ${row}.key)`,
  ];
  return where.map((w) => `UPDATE list_tallies SET ${set} WHERE ${w} AND root = ${row}.root;`).join('\n  ');
}

const ENTRY_INSERT =
  'INSERT OR REPLACE INTO list_entries (key, undated, date, id, ms, author, root, folder, read)';

export const LIST_SCHEMA = `
DROP TRIGGER IF EXISTS list_entry_add;
DROP TRIGGER IF EXISTS list_entry_drop;
DROP TRIGGER IF EXISTS list_tally_add;
DROP TRIGGER IF EXISTS list_tally_drop;
DROP TRIGGER IF EXISTS list_tally_read;
DROP TRIGGER IF EXISTS list_tally_category;
CREATE TABLE IF NOT EXISTS list_entries (
  key INTEGER PRIMARY KEY,
  undated INTEGER NOT NULL,
  date TEXT NOT NULL,
  id TEXT NOT NULL,
  ms INTEGER,
  author TEXT,
  root TEXT NOT NULL,
  folder TEXT NOT NULL,
  read INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS list_order ON list_entries (undated, date DESC, id, ms, read);
CREATE INDEX IF NOT EXISTS list_author ON list_entries (author, undated, date DESC, id, ms, read);
CREATE INDEX IF NOT EXISTS list_folder ON list_entries (folder, undated, date DESC, id, ms, read);
CREATE TABLE IF NOT EXISTS read_marks (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS categories_key ON categories (key);
DROP INDEX IF EXISTS list_id; -- indexes of the first build of these tables (9c67d87), not used since
DROP INDEX IF EXISTS list_root;
CREATE TABLE IF NOT EXISTS list_tallies (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  root TEXT NOT NULL,
  count INTEGER NOT NULL,
  read INTEGER NOT NULL,
  PRIMARY KEY (kind, value, root)
) WITHOUT ROWID;
CREATE TRIGGER list_tally_add AFTER INSERT ON list_entries BEGIN
  ${tally("'all'", "''", 'NEW', 1)}
  ${tally("'folder'", 'NEW.folder', 'NEW', 1)}
  ${tally("'author'", 'NEW.author', 'NEW', 1, "NEW.author IS NOT NULL AND NEW.author != ''")}
END;
CREATE TRIGGER list_tally_drop AFTER DELETE ON list_entries BEGIN
  ${tallyBy('count = count - 1, read = read - OLD.read', 'OLD')}
  DELETE FROM list_tallies WHERE count <= 0 AND root = OLD.root;
END;
CREATE TRIGGER list_tally_read AFTER UPDATE OF read ON list_entries WHEN OLD.read != NEW.read BEGIN
  ${tallyBy('read = read + NEW.read - OLD.read', 'NEW')}
END;
CREATE TRIGGER list_tally_category AFTER INSERT ON categories BEGIN
  INSERT INTO list_tallies (kind, value, root, count, read)
    SELECT 'category', NEW.category, e.root, 1, e.read FROM list_entries e WHERE e.key = NEW.key
    ON CONFLICT (kind, value, root) DO UPDATE SET count = count + 1, read = read + excluded.read;
END;
CREATE TRIGGER list_entry_add AFTER INSERT ON articles BEGIN
  ${ENTRY_INSERT} VALUES (${entryValues('NEW')});
END;
CREATE TRIGGER list_entry_drop AFTER DELETE ON articles BEGIN
  DELETE FROM list_entries WHERE key = OLD.key;
END;
`;

/** The tallies counted again from list_entries and categories (a database from before them). */
export const FILL_LIST_TALLIES = `
DELETE FROM list_tallies;
INSERT INTO list_tallies (kind, value, root, count, read)
  SELECT 'all', '', root, count(*), sum(read) FROM list_entries GROUP BY root;
INSERT INTO list_tallies (kind, value, root, count, read)
  SELECT 'folder', folder, root, count(*), sum(read) FROM list_entries GROUP BY folder, root;
INSERT INTO list_tallies (kind, value, root, count, read)
  SELECT 'author', author, root, count(*), sum(read) FROM list_entries
  WHERE author IS NOT NULL AND author != '' GROUP BY author, root;
INSERT INTO list_tallies (kind, value, root, count, read)
  SELECT 'category', c.category, e.root, count(*), sum(e.read) FROM categories c JOIN list_entries e ON e.key = c.key
  GROUP BY c.category, e.root;
`;

/** The list_entries row of every article that has none (a database from before LIST_SCHEMA). */
export const FILL_LIST_ENTRIES = `${ENTRY_INSERT} SELECT ${entryValues('a')} FROM articles a WHERE a.key NOT IN (SELECT key FROM list_entries)`;
