// The library database's tables. Everything in it can be rebuilt from the archive's files: user data
// (stars, settings) lives in its own stores and never only here.
//
//   articles        one row per readable article file: what the headline list and `show` need, the
//                   file's mtime/size (change detection) and its text, deflated (storedText.ts).
//                   `key` is date-ordered (dateKey.ts) and is the rowid of the FTS tables too.
//   categories      (category, key): the category filter without reading articles.
//   failed_files    files that could not be read, with mtime/size, so an unchanged broken file is not
//                   parsed again at every update, and its problems can still be listed.
//   text_index      FTS5, contentless: bigrams, words and gaps of every field (ftsTokens.ts).
//   char_index      FTS5, contentless, detail=none: each distinct CJK unit of an article, for
//                   1-character queries (a prefix query over bigrams misses a character ending a run).
//   meta            schema and engine version (a different engine parses differently: rebuild).

/**
 * Bump when the tables or what goes into them change: an older database is then rebuilt.
 * 2: tokens fold Traditional Chinese to Simplified (charClass.ts FOLD).
 */
export const SCHEMA_VERSION = 2;

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
  tokens, content='', contentless_delete=1, tokenize='ascii'
);
CREATE VIRTUAL TABLE char_index USING fts5(
  units, content='', contentless_delete=1, detail=none, tokenize='ascii'
);
`;
