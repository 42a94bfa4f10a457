import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_DB_FILE, LibraryDb } from '../../engine/db/LibraryDb';
import { libraryVersionFor } from '../../engine/library/parseSettings';
import { defaultSettings, serializeSettings } from '../../engine/store/settingsFile';
import { copyArchive, LIBRARY_ARCHIVE } from '../../engine/testing/seeds';
import { runCli } from '../run';
import { captureIO } from '../testIO';

let base: string;
let archive: string;
let dataDir: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bs-cli-index-')));
  archive = join(base, 'archive');
  dataDir = join(base, 'data');
  copyArchive(LIBRARY_ARCHIVE, archive);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(argv: string[]) {
  const io = captureIO(base, {});
  const code = await runCli([...argv, '--data-dir', dataDir], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('broadsheet index', () => {
  it('builds the database, then reads only what changed', async () => {
    const first = await run(['index', 'archive', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      database: join(dataDir, 'library.db'),
      articles: 4,
      added: 4,
      unchanged: 0,
      complete: true,
    });
    const again = await run(['index', 'archive']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 added, 0 changed, 0 removed, 4 unchanged');
    expect(again.out).toContain('4 articles');

    writeFileSync(
      join(archive, 'new.md'),
      '---\ntitle: "量子通信"\ndate: "2024-03-01"\n---\n\n量子通信 quantum\n',
    );
    unlinkSync(join(archive, 'article_2454.md'));
    const found = await run(['search', 'archive', '量子', '--json']);
    expect(JSON.parse(found.out).results[0].total).toBe(1);
    const gone = await run(['search', 'archive', '申訴專員', '--json']);
    expect(JSON.parse(gone.out).results[0].total).toBe(0);
    const after = JSON.parse((await run(['index', 'archive', '--json'])).out);
    expect(after).toMatchObject({ articles: 4, added: 0, removed: 0, unchanged: 4 });
  });

  it('keeps a damaged database aside and rebuilds it from the files', async () => {
    writeFileSync(join(dataDir, 'library.db'), 'not a database '.repeat(500));
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(join(dataDir, `library.db${suffix}`))) unlinkSync(join(dataDir, `library.db${suffix}`));
    }
    const { code, out, err } = await run(['index', 'archive', '--json']);
    expect(code).toBe(0);
    expect(err).toMatch(/damaged.*moved to .*library\.db\.damaged-/);
    expect(JSON.parse(out)).toMatchObject({ articles: 4, added: 4 });
    expect(readdirSync(dataDir).some((n) => n.startsWith('library.db.damaged-'))).toBe(true);
  });

  it('parses as the app does for the data folder and leaves a database the app opens without a rebuild', async () => {
    const own = join(base, 'data-zone');
    const settings = { ...defaultSettings(), dateTimeZone: 'Asia/Hong_Kong', cleanUp: false };
    mkdirSync(own);
    writeFileSync(join(own, 'settings.json'), serializeSettings(settings));
    const io = captureIO(base, {});
    expect(await runCli(['index', 'archive', '--data-dir', own], io)).toBe(0);
    const db = LibraryDb.open(join(own, LIBRARY_DB_FILE), libraryVersionFor(settings, []));
    try {
      expect(db.report.rebuildReason).toBeUndefined();
      expect(db.articleCount).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('says what is wrong with a missing folder and keeps what the database had', async () => {
    const { code, err } = await run(['index', 'no-such-folder']);
    expect(code).toBe(1);
    expect(err).toContain('no-such-folder');
    expect((await run(['index'])).code).toBe(2);
  });
});
