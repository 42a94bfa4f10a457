// A library killed (SIGKILL) in the middle of its first scan: the next open lists what the killed
// one had listed without parsing it again, carries on with the rest, and the database is sound.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIBRARY_DB_FILE, LibraryDb } from '../db/LibraryDb';
import { runAndKill } from '../testing/killChild';
import { Library } from './Library';
import { ENGINE_VERSION } from './parseSettings';

const FILES = 1200;
const work = mkdtempSync(join(tmpdir(), 'bs-resume-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Library killed during its first scan', () => {
  it('carries on where it was killed: listed articles are not parsed again, none is lost', async () => {
    const archive = join(work, 'archive');
    const dataDir = join(work, 'data');
    for (let f = 0; f < 10; f++) mkdirSync(join(archive, `f${f}`), { recursive: true });
    for (let i = 0; i < FILES; i++) {
      writeFileSync(
        join(archive, `f${i % 10}`, `${i}.md`),
        `---\ntitle: 第${i}篇 article ${i}\ndate: 2024-01-${String(1 + (i % 28)).padStart(2, '0')}\n---\n\n` +
          `中国与东盟合作发展 resume${i} common words here. ${'新闻内容，'.repeat(40)}\n`,
      );
    }
    const report = await runAndKill(join(import.meta.dirname, 'resumeChild.ts'), [archive, dataDir], 64, 0);
    const listedBeforeKill = report.lastOk;
    expect(listedBeforeKill).toBeGreaterThanOrEqual(64);

    const db = LibraryDb.open(join(dataDir, LIBRARY_DB_FILE), ENGINE_VERSION);
    expect(db.integrityProblems()).toEqual([]);
    expect(db.report.rebuildReason).toBeUndefined();
    const committed = db.articleCount;
    db.close();
    expect(committed).toBeGreaterThanOrEqual(listedBeforeKill);

    const library = await Library.open({ dataDir, roots: [archive], watch: false });
    try {
      expect(library.scanStats.unchanged).toBe(committed);
      expect(library.scanStats.parsed + library.scanStats.unchanged).toBe(FILES);
      expect(library.articles()).toHaveLength(FILES);
      expect((await library.call('search', { text: '东盟合作' })).total).toBe(FILES);
      expect((await library.call('search', { text: '"resume7"' })).matches.map((m) => m.title)).toEqual([
        '第7篇 article 7',
      ]);
    } finally {
      await library.close();
    }
  }, 180_000);
});
