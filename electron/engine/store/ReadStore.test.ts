import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_MARKS_FILE, ReadStore } from './ReadStore';
import { changeLine, headerLine, parseReadMarks } from './readMarksFile';
import { fixedNow, lookupOf, summary, tempDataDirPerTest } from './storeTestKit';
import { faultyFs } from './testFs';

const dir = tempDataDirPerTest('broadsheet-read-');
const logPath = () => join(dir(), READ_MARKS_FILE);

const readIds = (store: ReadStore) =>
  [...store.all()]
    .filter((m) => m.read)
    .map((m) => m.id)
    .sort();

describe('ReadStore', () => {
  it('marks read and unread, each change on disk when the promise resolves, and reports what changed', async () => {
    const store = await ReadStore.open(dir(), fixedNow);
    expect(await store.setRead([summary('a'), summary('b'), summary('a')], true)).toEqual(['a', 'b']);
    expect(await store.setRead([summary('a'), summary('c')], true)).toEqual(['c']);
    expect(await store.setRead([summary('b'), summary('z')], false)).toEqual(['b']);
    const reopened = await ReadStore.open(dir());
    expect(readIds(reopened)).toEqual(['a', 'c']);
    expect(reopened.get('a')?.at).toBe(Date.parse('2026-11-05T10:20:30.123Z'));
  });

  it('appends one short line per change instead of rewriting the marks', async () => {
    const store = await ReadStore.open(dir());
    const many = Array.from({ length: 3000 }, (_, i) => summary(`m${i}`));
    await store.setRead(many, true);
    const before = statSync(logPath()).size;
    await store.setRead([summary('one-more')], true);
    const after = statSync(logPath()).size;
    expect(after - before).toBeLessThan(120);
    expect(readFileSync(logPath(), 'utf8').endsWith(changeLine({ set: [store.get('one-more')!] }))).toBe(
      true,
    );
  });

  it('compacts the log once it has grown well past its marks, keeping every mark', async () => {
    const store = await ReadStore.open(dir(), { compactSlackBytes: 2000 });
    for (let i = 0; i < 60; i++) await store.setRead([summary('x')], i % 2 === 0);
    await store.setRead([summary('y')], true);
    const text = readFileSync(logPath(), 'utf8');
    expect(text.length).toBeLessThan(2000 + 2 * 170 + 200);
    expect(readIds(await ReadStore.open(dir()))).toEqual(['y']);
  });

  it('keeps the place reached in an article, read or not, and drops a mark with neither', async () => {
    const store = await ReadStore.open(dir());
    await store.setProgress(summary('a'), 0.42);
    expect(store.get('a')).toMatchObject({ read: false, progress: 0.42 });
    await store.setRead([summary('a')], true);
    await store.setRead([summary('a')], false);
    expect(store.get('a')).toMatchObject({ read: false, progress: 0.42 });
    await store.setProgress(summary('a'), 0);
    expect(store.get('a')).toBeUndefined();
    expect((await ReadStore.open(dir())).size).toBe(0);
  });

  it('follows a renamed or moved article and an edited one, and never crosses to another with the same title', async () => {
    const store = await ReadStore.open(dir());
    const a = summary('a', { title: 'Same title' });
    const b = summary('b', { title: 'Same title' });
    const c = summary('c');
    await store.setRead([a, c], true);
    // a moved (new id and path, same content); b shares a's title but is another article; c was edited.
    const moved = summary('a2', {
      contentHash: a.contentHash,
      path: '/lib/elsewhere/a.md',
      title: 'Same title',
    });
    const edited = summary('c', { contentHash: 'hash-c-edited' });
    expect(await store.resolve(lookupOf([moved, b, edited]))).toBe(true);
    expect(readIds(store)).toEqual(['a2', 'c']);
    expect(store.get('c')?.contentHash).toBe('hash-c-edited');
    expect(store.isRead('b')).toBe(false);
    expect(readIds(await ReadStore.open(dir()))).toEqual(['a2', 'c']);
    // Nothing moved: nothing written.
    const size = statSync(logPath()).size;
    expect(await store.resolve(lookupOf([moved, b, edited]))).toBe(false);
    expect(statSync(logPath()).size).toBe(size);
  });

  it('keeps the mark of an article whose file is gone, for when it comes back', async () => {
    const store = await ReadStore.open(dir());
    await store.setRead([summary('a')], true);
    await store.resolve(lookupOf([]));
    expect(store.isRead('a')).toBe(true);
  });

  it('takes in what another process (the CLI) wrote before changing anything', async () => {
    const app = await ReadStore.open(dir());
    await app.setRead([summary('a')], true);
    const cli = await ReadStore.open(dir());
    await cli.setRead([summary('b')], true);
    await app.setRead([summary('c')], true);
    expect(readIds(app)).toEqual(['a', 'b', 'c']);
    expect(readIds(await ReadStore.open(dir()))).toEqual(['a', 'b', 'c']);
  });

  it('leaves out a line cut short by a crash and rewrites the log whole before the next change', async () => {
    writeFileSync(
      logPath(),
      `${headerLine()}${changeLine({ set: [{ id: 'a', contentHash: 'h', read: true, progress: 0, at: 1 }] })}{"set":[["b","h",1,0,`,
    );
    const store = await ReadStore.open(dir());
    expect(store.warnings).toEqual([]);
    expect(readIds(store)).toEqual(['a']);
    await store.setRead([summary('c')], true);
    const parsed = parseReadMarks(readFileSync(logPath(), 'utf8'));
    expect(parsed.kind === 'ok' && parsed.torn).toBe(false);
    expect(readIds(await ReadStore.open(dir()))).toEqual(['a', 'c']);
  });

  it('keeps a damaged log aside and says where', async () => {
    writeFileSync(logPath(), 'not a read-marks log\n');
    const store = await ReadStore.open(dir(), fixedNow);
    expect(store.warnings[0]).toMatchObject({ code: 'damaged' });
    expect(store.warnings[0]!.message).toContain('read-marks.jsonl.damaged-2026-11-05T10-20-30-123Z');
    expect(readdirSync(dir())).toContain('read-marks.jsonl.damaged-2026-11-05T10-20-30-123Z');
    await store.setRead([summary('a')], true);
    expect(readIds(await ReadStore.open(dir()))).toEqual(['a']);
  });

  it('drops a damaged line in the middle, keeps the rest, and a copy of the original', async () => {
    const good = changeLine({ set: [{ id: 'a', contentHash: 'h', read: true, progress: 0, at: 1 }] });
    writeFileSync(
      logPath(),
      `${headerLine()}${good}{"set":[["b"]]}\n${changeLine({ set: [{ id: 'c', contentHash: 'h', read: true, progress: 0, at: 1 }] })}`,
    );
    const store = await ReadStore.open(dir(), fixedNow);
    expect(store.warnings[0]).toMatchObject({ code: 'entries-dropped' });
    expect(store.warnings[0]!.message).toContain('line 3');
    expect(readIds(store)).toEqual(['a', 'c']);
  });

  it('never overwrites a log from a newer Broadsheet', async () => {
    writeFileSync(logPath(), '{"broadsheet":"read-marks","version":9}\n');
    const store = await ReadStore.open(dir());
    expect(store.readOnly).toContain('newer version');
    await expect(store.setRead([summary('a')], true)).rejects.toThrow(/newer version/);
    expect(readFileSync(logPath(), 'utf8')).toBe('{"broadsheet":"read-marks","version":9}\n');
  });

  it('a failed save changes neither the disk nor memory, and says what is kept', async () => {
    const fs = faultyFs();
    const store = await ReadStore.open(dir(), { fs });
    await store.setRead([summary('a')], true);
    fs.fail('append', 'ENOSPC');
    await expect(store.setRead([summary('b')], true)).rejects.toThrow(/read marks are kept/);
    expect(store.isRead('b')).toBe(false);
    fs.heal();
    await store.setRead([summary('b')], true);
    expect(readIds(await ReadStore.open(dir()))).toEqual(['a', 'b']);
  });
});

describe('SessionStore', () => {
  it('keeps the last session atomically and drops one it cannot read', async () => {
    const { SessionStore, SESSION_FILE } = await import('./SessionStore');
    const store = await SessionStore.open(dir());
    expect(store.get()).toBeNull();
    const session = { view: 'unread', filter: { range: 'week', facet: null }, query: 'q', openId: 'abc' };
    await store.save(session);
    expect((await SessionStore.open(dir())).get()).toEqual(session);
    writeFileSync(join(dir(), SESSION_FILE), '{"version":1,"session":{"view":1}}');
    expect((await SessionStore.open(dir())).get()).toBeNull();
    writeFileSync(join(dir(), SESSION_FILE), 'garbage');
    expect((await SessionStore.open(dir())).get()).toBeNull();
  });
});
