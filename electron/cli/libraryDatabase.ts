// The CLI's way to the library database: open `<data dir>/library.db` and bring it up to date with
// the folders asked about, telling the user on stderr what happened to the file (rebuilt, damaged and
// kept aside) and, when asked, how far the update is. A database found damaged during the update is
// kept aside and rebuilt once. Files are parsed as the app parses them for the same data folder (its
// settings and clean-up rules), and the database carries the same version (libraryVersionFor), so
// the app and the CLI share one database instead of rebuilding it for each other.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DamagedDatabaseError, LIBRARY_DB_FILE, LibraryDb } from '../engine/db/LibraryDb';
import { type UpdateProgress, type UpdateSummary, updateLibraryDb } from '../engine/db/updateLibraryDb';
import { libraryVersionFor, parseOptionsFor } from '../engine/library/parseSettings';
import { loadUserCleanRules } from '../engine/store/cleanRulesFile';
import { SettingsStore } from '../engine/store/SettingsStore';
import { field } from './cleanOutput';
import type { CliIO } from './io';

export interface UpdatedDb {
  db: LibraryDb;
  path: string;
  summary: UpdateSummary;
}

/** How often progress lines are written (stderr is often a log file: lines, not a redrawn bar). */
const PROGRESS_EVERY_MS = 2000;

export async function openUpdatedDb(
  io: CliIO,
  dataDir: string,
  roots: string[],
  options: { progress: boolean },
): Promise<UpdatedDb> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LIBRARY_DB_FILE);
  const settings = (await SettingsStore.open(dataDir)).get();
  const rules = await loadUserCleanRules(dataDir);
  for (const problem of rules.problems) io.err(`${field(problem.message)}\n`);
  const version = libraryVersionFor(settings, rules.rules);
  const parse = parseOptionsFor(settings, rules.rules);
  for (let attempt = 0; ; attempt++) {
    const db = LibraryDb.open(path, version);
    if (db.report.rebuildReason) io.err(`${field(db.report.rebuildReason)}\n`);
    let last = performance.now();
    const onProgress = (p: UpdateProgress) => {
      if (!options.progress || p.done || performance.now() - last < PROGRESS_EVERY_MS) return;
      last = performance.now();
      io.err(
        `Indexing: ${p.parsed.toLocaleString('en-US')} of ${p.found.toLocaleString('en-US')} files checked, ${p.added + p.changed} read…\n`,
      );
    };
    try {
      const summary = await updateLibraryDb(db, roots, { signal: io.signal, onProgress, parse });
      return { db, path, summary };
    } catch (error) {
      db.close();
      if (!(error instanceof DamagedDatabaseError) || attempt > 0) throw error;
      const backup = LibraryDb.setAside(path);
      io.err(
        `The library database was damaged (${field(error.message)}); it was moved to ${field(backup)} and is rebuilt from the files.\n`,
      );
    }
  }
}
