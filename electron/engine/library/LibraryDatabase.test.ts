import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/types';
import { LIBRARY_DB_FILE } from '../db/LibraryDb';
import { storedArticle } from '../db/testing/dbArticles';
import { LibraryDatabase, type LibraryDatabaseOptions } from './LibraryDatabase';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'bs-librarydb-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const article = (n: number, text: string) =>
  storedArticle({
    id: `a${n}`,
    path: `/lib/${n}.md`,
    title: `title ${n}`,
    text,
    categories: [],
    dateMs: Date.UTC(2024, 0, n),
  });

function open(over: Partial<LibraryDatabaseOptions> = {}) {
  const warnings: Problem[] = [];
  let rebuilt = 0;
  let version = 'v1';
  const database = new LibraryDatabase({
    dataDir,
    persistent: true,
    version: () => version,
    warn: (p) => warnings.push(p),
    rebuilt: () => void rebuilt++,
    ...over,
  });
  database.open();
  return {
    database,
    warnings,
    rebuilt: () => rebuilt,
    setVersion: (v: string) => {
      version = v;
    },
  };
}

describe('LibraryDatabase', () => {
  it('keeps what was written for the next open, lists it newest first and answers searches', async () => {
    let { database } = open();
    const committed: number[] = [];
    await database.write(
      { articles: [article(1, '合作 old'), article(2, '合作 new')], failed: [], removed: [] },
      { committed: (slice) => void committed.push(slice.articles.length) },
    );
    expect(committed).toEqual([2]);
    database.close();
    ({ database } = open());
    expect(database.headlines(['/lib']).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(database.headlines(['/elsewhere'])).toEqual([]);
    const found = database.search({ text: '合作', order: 'newest' }, () => false, ['/lib']);
    expect(found.total).toBe(2);
    expect(found.matches[0]?.snippetHighlights.length).toBeGreaterThan(0);
    expect(database.search({ text: '合作' }, () => false, ['/other']).total).toBe(0);
    const a1 = article(1, '');
    expect(database.isUnchanged(a1.path, a1.mtimeMs, a1.size)).toBe(false);
    const stored = database.summaryByPath('/lib/1.md')!;
    expect(database.isUnchanged(stored.path, stored.mtimeMs, stored.size)).toBe(true);
    expect(database.isUnchanged(stored.path, stored.mtimeMs + 1, stored.size)).toBe(false);
    database.close();
  });

  it('starts over when the parse settings need another version', async () => {
    const { database, setVersion } = open();
    await database.write({ articles: [article(1, 'kept')], failed: [], removed: [] });
    expect(database.settingsChanged()).toBe(false);
    expect(database.stats().articles).toBe(1);
    setVersion('v2');
    expect(database.settingsChanged()).toBe(true);
    expect(database.stats().articles).toBe(0);
    database.close();
  });

  it('keeps a damaged file aside, tells the user where, and starts empty', () => {
    writeFileSync(
      join(dataDir, LIBRARY_DB_FILE),
      'this is not a database, but it is long enough to look like one. '.repeat(80),
    );
    const { database, warnings } = open();
    expect(database.stats().articles).toBe(0);
    const aside = readdirSync(dataDir).filter((name) => name.startsWith(`${LIBRARY_DB_FILE}.damaged-`));
    expect(aside).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain(aside[0]);
    expect(warnings[0]?.message).toContain('rebuilt from the files');
    database.close();
  });

  it('keeps nothing on disk when not persistent', async () => {
    const { database } = open({ persistent: false });
    await database.write({ articles: [article(1, 'x')], failed: [], removed: [] });
    expect(database.stats().articles).toBe(1);
    database.close();
    expect(existsSync(join(dataDir, LIBRARY_DB_FILE))).toBe(false);
  });
});
