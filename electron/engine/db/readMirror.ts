// The read marks in the library database: a mirror of the read-marks store (the user's data stays
// there, store/ReadStore.ts), so the Unread view and the unread counts are queries. read_marks holds
// the read ids; list_entries.read is 1 for an article whose id is in it (schema.ts LIST_SCHEMA: the
// trigger sets it for an article written later). Refreshed whole when the store is opened or its
// marks followed moved articles, and by the ids when marks are set.

import type Database from 'better-sqlite3';

/** Makes the mirror say exactly `readIds` (writes only what differs). */
export function refreshReadMirror(db: Database.Database, readIds: Iterable<string>): void {
  db.transaction(() => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS read_next (id TEXT PRIMARY KEY) WITHOUT ROWID');
    db.exec('DELETE FROM temp.read_next');
    const add = db.prepare('INSERT OR IGNORE INTO temp.read_next (id) VALUES (?)');
    for (const id of readIds) add.run(id);
    db.exec(`
      DELETE FROM read_marks WHERE id NOT IN (SELECT id FROM temp.read_next);
      INSERT OR IGNORE INTO read_marks (id) SELECT id FROM temp.read_next;
      UPDATE list_entries SET read = 0 WHERE read = 1 AND id NOT IN (SELECT id FROM read_marks);
      UPDATE list_entries SET read = 1 WHERE read = 0 AND id IN (SELECT id FROM read_marks);
      DELETE FROM temp.read_next;
    `);
  })();
}

/** Marks these ids read or unread in the mirror (what the store just did). */
export function setReadMirror(db: Database.Database, ids: readonly string[], read: boolean): void {
  const mark = read
    ? db.prepare('INSERT OR IGNORE INTO read_marks (id) VALUES (?)')
    : db.prepare('DELETE FROM read_marks WHERE id = ?');
  const entry = db.prepare(
    'UPDATE list_entries SET read = ? WHERE key = (SELECT key FROM articles WHERE id = ?)',
  );
  db.transaction(() => {
    for (const id of ids) {
      mark.run(id);
      entry.run(read ? 1 : 0, id);
    }
  })();
}
