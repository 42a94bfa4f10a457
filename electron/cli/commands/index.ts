// `broadsheet index DIR... [--data-dir DIR] [--json]`: brings the library database up to date with
// the folders (new and changed files read, removed ones dropped), progress on stderr, a summary at
// the end. Interrupted, it keeps what it wrote: the next run carries on.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDataDir } from '../../engine/dataDir';
import { field, jsonLine } from '../cleanOutput';
import { type Command, parseCommandArgs, UsageError } from '../io';
import { openUpdatedDb } from '../libraryDatabase';

const USAGE = 'usage: broadsheet index DIR... [--data-dir DIR] [--json]';

export const index: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
    USAGE,
  );
  if (positionals.length === 0) throw new UsageError(`index needs at least one folder.\n${USAGE}`);
  const roots = positionals.map((dir) => resolve(io.cwd, dir));
  const dataDir = values['data-dir'] ? resolve(io.cwd, values['data-dir']) : defaultDataDir(io.env);
  const started = performance.now();
  const { db, path, summary } = await openUpdatedDb(io, dataDir, roots, { progress: true });
  try {
    const seconds = (performance.now() - started) / 1000;
    const articles = db.articleCount;
    const bytes = fileBytes(path) + fileBytes(`${path}-wal`);
    for (const p of summary.folderProblems) io.err(`${field(p.path)}: ${field(p.message)}\n`);
    if (values.json) {
      io.out(
        jsonLine({
          database: path,
          bytes,
          articles,
          added: summary.added,
          changed: summary.changed,
          removed: summary.removed,
          unchanged: summary.unchanged,
          failed: summary.failed,
          complete: summary.complete,
          seconds: Math.round(seconds * 10) / 10,
        }),
      );
    } else {
      const n = (x: number) => x.toLocaleString('en-US');
      io.out(
        `${n(summary.added)} added, ${n(summary.changed)} changed, ${n(summary.removed)} removed, ` +
          `${n(summary.unchanged)} unchanged${summary.failed ? `, ${n(summary.failed)} could not be read (broadsheet scan lists why)` : ''} ` +
          `in ${seconds.toFixed(1)} s.\n` +
          `${field(path)}: ${n(articles)} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB.\n`,
      );
    }
    if (!summary.complete) {
      io.err('Indexing interrupted: what was read is kept; run the same command again to carry on.\n');
      return 130;
    }
    const failedRoots = summary.folderProblems.filter(
      (p) => roots.includes(p.path) && p.severity === 'error',
    );
    return failedRoots.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
};

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
