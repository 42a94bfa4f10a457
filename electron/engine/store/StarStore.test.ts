import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StarStore } from './StarStore';
import { fixedNow, lookupOf, summary, tempDataDirPerTest } from './storeTestKit';
import { faultyFs } from './testFs';

const dir = tempDataDirPerTest('broadsheet-stars-');
const starsPath = () => join(dir(), 'stars.json');

describe('StarStore basics', () => {
  it('stars and unstars, each change on disk when the promise resolves', async () => {
    const store = await StarStore.open(dir(), fixedNow);
    expect(store.warnings).toEqual([]);
    await store.star(summary('a'));
    await store.star(summary('b'));
    expect(JSON.parse(readFileSync(starsPath(), 'utf8'))).toEqual({
      version: 1,
      stars: ['a', 'b'].map((id) => ({
        id,
        contentHash: `hash-${id}`,
        path: `/lib/${id}.md`,
        title: `Title ${id}`,
        date: '2022-08-06T04:07:06.000Z',
        starredAt: '2026-11-05T10:20:30.123Z',
      })),
    });
    await store.unstar('a');
    await store.unstar('hash-b'); // by content hash
    expect(store.isStarred('a')).toBe(false);
    expect(JSON.parse(readFileSync(starsPath(), 'utf8')).stars).toEqual([]);
  });

  it('reopens with the same stars; starring twice keeps one entry and its first date', async () => {
    const first = await StarStore.open(dir(), { now: () => new Date('2020-01-01T00:00:00Z') });
    await first.star(summary('a'));
    const second = await StarStore.open(dir(), fixedNow);
    await second.star(summary('a', { title: 'Renamed' }));
    expect(second.entries()).toEqual([
      expect.objectContaining({ id: 'a', title: 'Renamed', starredAt: '2020-01-01T00:00:00.000Z' }),
    ]);
    expect(second.isStarred('a')).toBe(true);
  });

  it('saves every one of many concurrent changes', async () => {
    const store = await StarStore.open(dir());
    const ids = Array.from({ length: 25 }, (_, i) => `id${i}`);
    await Promise.all(ids.map((id) => store.star(summary(id))));
    await Promise.all([store.unstar('id3'), store.unstar('id7')]);
    const onDisk = JSON.parse(readFileSync(starsPath(), 'utf8')).stars.map((s: { id: string }) => s.id);
    expect(onDisk).toEqual(ids.filter((id) => id !== 'id3' && id !== 'id7'));
  });

  it('picks up stars another process (the CLI) wrote meanwhile instead of overwriting them', async () => {
    const app = await StarStore.open(dir());
    const cli = await StarStore.open(dir());
    await app.star(summary('a'));
    await cli.star(summary('b'));
    await app.star(summary('c'));
    const onDisk = JSON.parse(readFileSync(starsPath(), 'utf8')).stars.map((s: { id: string }) => s.id);
    expect(onDisk).toEqual(['a', 'b', 'c']);
  });

  it('on a full disk rejects, keeps the old file, and does not pretend the star exists', async () => {
    const fs = faultyFs();
    const store = await StarStore.open(dir(), { fs });
    await store.star(summary('a'));
    const before = readFileSync(starsPath(), 'utf8');
    fs.fail('write', 'ENOSPC');
    await expect(store.star(summary('b'))).rejects.toThrow(
      /stars\.json\. The disk is full: free some space and try again; your previous stars are kept\./,
    );
    expect(store.isStarred('b')).toBe(false);
    expect(readFileSync(starsPath(), 'utf8')).toBe(before);
    fs.heal();
    await store.star(summary('c'));
    expect(store.entries().map((s) => s.id)).toEqual(['a', 'c']);
  });
});

describe('StarStore with a damaged file', () => {
  it.each([
    ['not JSON', 'this is not json'],
    ['truncated', '{"version":1,"stars":[{"id":"a","contentHash":"h'],
    ['wrong shape', '[1,2,3]'],
    ['no stars list', '{"version":1,"stars":{}}'],
    ['unknown old version', '{"version":0,"stars":[]}'],
  ])('%s: keeps it aside, reports where, and starts empty', async (_, content) => {
    writeFileSync(starsPath(), content);
    const store = await StarStore.open(dir(), fixedNow);
    const backup = join(dir(), 'stars.json.damaged-2026-11-05T10-20-30-123Z');
    expect(readFileSync(backup, 'utf8')).toBe(content);
    expect(store.entries()).toEqual([]);
    expect(store.warnings).toHaveLength(1);
    expect(store.damage).toMatchObject({ code: 'damaged', backupPath: backup });
    expect(store.damage?.message).toMatch(
      /^Your stars file was damaged \(.+\); it was kept as .+ and a new one started\.$/,
    );
    await store.star(summary('a'));
    expect(existsSync(starsPath())).toBe(true);
    expect(readFileSync(backup, 'utf8')).toBe(content);
  });

  it('never overwrites an earlier backup', async () => {
    writeFileSync(starsPath(), 'broken once');
    await StarStore.open(dir(), fixedNow);
    writeFileSync(starsPath(), 'broken twice');
    const store = await StarStore.open(dir(), fixedNow);
    expect(store.damage?.backupPath).toBe(join(dir(), 'stars.json.damaged-2026-11-05T10-20-30-123Z-1'));
    expect(readFileSync(join(dir(), 'stars.json.damaged-2026-11-05T10-20-30-123Z'), 'utf8')).toBe(
      'broken once',
    );
  });

  it('drops bad entries one by one, keeps the good ones and a copy of the original', async () => {
    const good = {
      id: 'a',
      contentHash: 'h',
      path: '/lib/a.md',
      title: 'A',
      date: '2022',
      starredAt: '2026-01-01T00:00:00Z',
    };
    const content = JSON.stringify({
      version: 1,
      stars: [
        good,
        { ...good, id: 'b', contentHash: 5 },
        'junk',
        { ...good, id: 'c', starredAt: 'never' },
        good,
      ],
    });
    writeFileSync(starsPath(), content);
    const store = await StarStore.open(dir(), fixedNow);
    expect(store.entries()).toEqual([good]);
    expect(store.damage?.code).toBe('entries-dropped');
    expect(store.damage?.message).toMatch(
      /^4 damaged entries were left out of your stars file \(entry 2: "contentHash"/,
    );
    expect(readFileSync(store.damage!.backupPath!, 'utf8')).toBe(content);
  });

  it('refuses to overwrite a file from a newer version, but still shows its stars', async () => {
    const content = JSON.stringify({
      version: 2,
      stars: [
        {
          id: 'a',
          contentHash: 'h',
          path: '/a.md',
          title: 'A',
          date: 'x',
          starredAt: '2026-01-01T00:00:00Z',
          tags: [],
        },
      ],
    });
    writeFileSync(starsPath(), content);
    const store = await StarStore.open(dir());
    expect(store.readOnly).toMatch(/newer version of Broadsheet/);
    expect(store.warnings[0]?.code).toBe('newer-version');
    expect(store.isStarred('a')).toBe(true);
    await expect(store.star(summary('b'))).rejects.toThrow(/newer version/);
    await store.resolve(lookupOf([summary('a', { contentHash: 'h', path: '/moved.md' })]));
    expect(readFileSync(starsPath(), 'utf8')).toBe(content);
    expect(readdirSync(dir())).toEqual(['stars.json']);
  });
});

describe('StarStore.resolve', () => {
  it('follows a moved article and saves its new id and path', async () => {
    const store = await StarStore.open(dir());
    const original = summary('a');
    await store.star(original);
    const moved = { ...original, id: 'z', path: '/lib/sub/renamed.md', title: 'New title' };
    const entries = await store.resolve(lookupOf([moved, summary('b')]));
    expect(entries).toEqual([
      expect.objectContaining({ id: 'z', path: '/lib/sub/renamed.md', title: 'New title', missing: false }),
    ]);
    const reopened = await StarStore.open(dir());
    expect(reopened.isStarred('z')).toBe(true);
  });

  it('follows an article edited in place when its old content is nowhere', async () => {
    const store = await StarStore.open(dir());
    await store.star(summary('a'));
    const edited = summary('a', { contentHash: 'hash-new', title: 'Corrected' });
    expect(await store.resolve(lookupOf([edited]))).toEqual([
      expect.objectContaining({ id: 'a', contentHash: 'hash-new', title: 'Corrected', missing: false }),
    ]);
    expect(store.entries()[0]?.contentHash).toBe('hash-new');
  });

  it('waits with "edited in place" while a scan is incomplete (the original may yet turn up elsewhere)', async () => {
    const store = await StarStore.open(dir());
    await store.star(summary('a'));
    const newcomer = summary('a', { contentHash: 'hash-other' });
    expect((await store.resolve(lookupOf([newcomer], false)))[0]?.missing).toBe(true);
    const movedOriginal = summary('m', { contentHash: 'hash-a' });
    expect(await store.resolve(lookupOf([newcomer, movedOriginal], true))).toEqual([
      expect.objectContaining({ id: 'm', contentHash: 'hash-a', missing: false }),
    ]);
  });

  it('never moves a star to another article that only shares its title', async () => {
    const store = await StarStore.open(dir());
    // Like the two seeds: same title, different date and body, so different content hashes.
    const first = summary('seed1', { title: 'Same headline', date: '2021-03-22T05:05:06.000Z' });
    const second = summary('seed2', { title: 'Same headline', date: '2022-08-06T04:07:06.000Z' });
    await store.star(first);
    const entries = await store.resolve(lookupOf([second]));
    expect(entries).toEqual([
      expect.objectContaining({ id: 'seed1', contentHash: 'hash-seed1', missing: true }),
    ]);
    expect(store.isStarred('seed2')).toBe(false);
  });

  it('keeps a star whose file is gone, marked missing, and revives it when the file returns', async () => {
    const store = await StarStore.open(dir());
    const a = summary('a');
    await store.star(a);
    const stored = readFileSync(starsPath(), 'utf8');
    expect((await store.resolve(lookupOf([])))[0]).toMatchObject({
      id: 'a',
      title: 'Title a',
      missing: true,
    });
    expect(readFileSync(starsPath(), 'utf8')).toBe(stored); // nothing to save for a missing star
    expect((await StarStore.open(dir())).entries()).toHaveLength(1);
    expect((await store.resolve(lookupOf([a])))[0]).toMatchObject({ id: 'a', missing: false });
  });

  it('does not let an edited file take over content another star owns', async () => {
    const store = await StarStore.open(dir());
    await store.star(summary('a'));
    await store.star(summary('b'));
    // b's file was moved over a's path: the star on b follows; a's own content is gone.
    const overwritten = summary('a', { contentHash: 'hash-b', title: 'Title b' });
    const entries = await store.resolve(lookupOf([overwritten]));
    expect(entries.map((e) => [e.id, e.contentHash, e.missing])).toEqual([
      ['a', 'hash-a', true],
      ['a', 'hash-b', false],
    ]);
  });

  it('keeps two starred copies of the same article on their own files', async () => {
    const store = await StarStore.open(dir());
    const one = summary('one', { contentHash: 'same' });
    const two = summary('two', { contentHash: 'same' });
    await store.star(one);
    await store.star(two);
    const three = { ...two, id: 'three', path: '/lib/three.md' };
    const entries = await store.resolve(lookupOf([one, three]));
    expect(entries.map((e) => [e.id, e.missing])).toEqual([
      ['one', false],
      ['three', false],
    ]);
  });

  it('reports, without throwing, a failure to save what it learned', async () => {
    const fs = faultyFs();
    const store = await StarStore.open(dir(), { fs });
    await store.star(summary('a'));
    fs.fail('rename', 'EROFS');
    const entries = await store.resolve(lookupOf([summary('moved', { contentHash: 'hash-a' })]));
    expect(entries[0]).toMatchObject({ id: 'moved', missing: false });
    expect(store.warnings.at(-1)).toMatchObject({ code: 'save-failed' });
    expect(store.warnings.at(-1)?.message).toMatch(/read-only/);
  });
});
