import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyArchive, LIBRARY_ARCHIVE } from '../testing/seeds';
import { LibraryDb } from './LibraryDb';
import { updateLibraryDb } from './updateLibraryDb';

const base = mkdtempSync(join(tmpdir(), 'broadsheet-dbupdate-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function article(title: string, body: string, date = '2024-01-02'): string {
  return `---\ntitle: "${title}"\ndate: "${date}"\n---\n\n${body}\n`;
}

describe('updateLibraryDb', () => {
  it('adds, skips unchanged, re-reads changed, records broken and removes deleted files', async () => {
    const root = join(base, 'archive');
    copyArchive(LIBRARY_ARCHIVE, root);
    const db = LibraryDb.open(join(base, 'a.db'), 'test');
    const first = await updateLibraryDb(db, [root]);
    expect(first).toMatchObject({ added: 4, changed: 0, unchanged: 0, removed: 0, complete: true });
    expect(db.search({ text: '申訴專員' }).total).toBe(1);
    expect(db.search({ text: 'Lavrov' }).total).toBe(1);

    const again = await updateLibraryDb(db, [root]);
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 4, removed: 0 });

    writeFileSync(join(root, 'new.md'), article('全新文章', '量子计算 breakthrough'));
    const changed = join(root, 'article_2454.md');
    writeFileSync(changed, article('改过的文章', '内容已经改写 rewritten'));
    utimesSync(changed, new Date('2030-01-01'), new Date('2030-01-01'));
    unlinkSync(join(root, 'Lavrov calls for high-level cooperation with China.md'));
    writeFileSync(join(root, 'broken.md'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]));
    const update = await updateLibraryDb(db, [root]);
    expect(update).toMatchObject({
      added: 1,
      changed: 1,
      unchanged: 2,
      removed: 1,
      failed: 1,
      complete: true,
    });
    expect(db.search({ text: '申訴專員' }).total).toBe(0);
    expect(db.search({ text: 'rewritten' }).total).toBe(1);
    expect(db.search({ text: '量子' }).total).toBe(1);
    expect(db.search({ text: 'Lavrov' }).total).toBe(0);
    expect(db.failures(root).map((f) => f.path)).toEqual([join(root, 'broken.md')]);
    expect(db.articleCount).toBe(4);

    // The broken file is not read again while it stays the same; gone, it is forgotten.
    expect(await updateLibraryDb(db, [root])).toMatchObject({ unchanged: 5, failed: 0, removed: 0 });
    unlinkSync(join(root, 'broken.md'));
    expect(await updateLibraryDb(db, [root])).toMatchObject({ removed: 1 });
    expect(db.failures(root)).toEqual([]);
    db.close();
  });

  it('keeps what it wrote when interrupted and carries on from there', async () => {
    const root = join(base, 'big');
    for (let f = 0; f < 4; f++) mkdirSync(join(root, `f${f}`), { recursive: true });
    for (let i = 0; i < 1600; i++) {
      writeFileSync(join(root, `f${i % 4}`, `${i}.md`), article(`第${i}篇`, `正文 word${i} 共同的词`));
    }
    const db = LibraryDb.open(join(base, 'b.db'), 'test');
    const controller = new AbortController();
    const partial = await updateLibraryDb(db, [root], {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(partial.complete).toBe(false);
    const written = db.articleCount;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(1600);

    const rest = await updateLibraryDb(db, [root]);
    expect(rest.complete).toBe(true);
    expect(rest.unchanged).toBe(written);
    expect(rest.added).toBe(1600 - written);
    expect(db.search({ text: '共同的词', limit: 0 }).total).toBe(1600);
    db.close();
  });

  it('does not remove the articles of a folder that is missing', async () => {
    const root = join(base, 'vanishing');
    copyArchive(LIBRARY_ARCHIVE, root);
    const db = LibraryDb.open(join(base, 'c.db'), 'test');
    await updateLibraryDb(db, [root]);
    rmSync(root, { recursive: true });
    const summary = await updateLibraryDb(db, [root]);
    expect(summary.removed).toBe(0);
    expect(summary.folderProblems.length).toBeGreaterThan(0);
    expect(db.articleCount).toBe(4);
    db.close();
  });
});
