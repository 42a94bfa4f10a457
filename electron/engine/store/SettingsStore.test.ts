import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './SettingsStore';
import { SettingsError } from './settingsFile';
import { faultyFs } from './testFs';

let dir: string;
const settingsPath = () => join(dir, 'settings.json');
const fixedNow = { now: () => new Date('2026-11-05T10:20:30.123Z') };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DEFAULTS = {
  roots: [],
  recentRoots: [],
  theme: 'system',
  language: 'system',
  textSize: 17,
  dateTimeZone: '',
  cleanUp: true,
  imageCacheMB: 4096,
  prefetchScope: 'off',
  prefetchFolders: [],
  prefetchKBps: 0,
  readingFont: 'auto',
  columnWidth: 'medium',
  lineHeight: 17,
  listDensity: 'comfortable',
};

describe('SettingsStore', () => {
  it('starts with the defaults and writes nothing until something changes', async () => {
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULTS);
    expect(() => readFileSync(settingsPath())).toThrow();
  });

  it('saves a validated patch, ignoring unknown keys', async () => {
    const store = await SettingsStore.open(dir);
    const after = await store.update({
      theme: 'dark',
      textSize: 20,
      dateTimeZone: 'Asia/Hong_Kong',
      bogus: 1,
    } as never);
    expect(after).toEqual({ ...DEFAULTS, theme: 'dark', textSize: 20, dateTimeZone: 'Asia/Hong_Kong' });
    expect(JSON.parse(readFileSync(settingsPath(), 'utf8'))).toEqual({ version: 1, ...after });
    expect((await SettingsStore.open(dir)).get()).toEqual(after);
  });

  it.each([
    [{ theme: 'purple' }, /theme must be one of system, light, dark/],
    [{ language: 'fr' }, /language must be one of/],
    [{ textSize: 9 }, /textSize must be a whole number from 12 to 32 \(got 9\)/],
    [{ textSize: 33 }, /textSize must be a whole number from 12 to 32 \(got 33\)/],
    [{ textSize: 17.5 }, /textSize/],
    [{ dateTimeZone: 'Mars/Olympus' }, /dateTimeZone must be empty .* \(got "Mars\/Olympus"\)/],
    [{ roots: ['relative/folder'] }, /roots must hold absolute folder paths/],
    [{ roots: 'not a list' }, /roots must be a list of folders/],
    [{ imageCacheMB: 1 }, /imageCacheMB must be a whole number of megabytes from 64 to 1048576 \(got 1\)/],
    [{ imageCacheMB: '4096' }, /imageCacheMB/],
  ])('rejects %j with a message and changes nothing', async (patch, message) => {
    const store = await SettingsStore.open(dir);
    await store.update({ theme: 'light' });
    const error = await store.update({ textSize: 30, ...patch } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toMatch(message);
    expect(store.get()).toEqual({ ...DEFAULTS, theme: 'light' });
  });

  it('keeps recentRoots most recent first, without repeats, at most ten', async () => {
    const store = await SettingsStore.open(dir);
    await store.addRoots(['/a', '/b']);
    await store.addRoots(['/c', '/a']);
    expect(store.get()).toMatchObject({ roots: ['/a', '/b', '/c'], recentRoots: ['/c', '/a', '/b'] });
    await store.removeRoot('/b');
    expect(store.get()).toMatchObject({ roots: ['/a', '/c'], recentRoots: ['/b', '/c', '/a'] });
    for (let i = 0; i < 12; i++) await store.addRoots([`/r${i}`]);
    const recent = store.get().recentRoots;
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe('/r11');
    expect(new Set(recent).size).toBe(10);
  });

  it('keeps a damaged file aside, reports it, and uses the defaults', async () => {
    writeFileSync(settingsPath(), '{"version":1,"theme":');
    const store = await SettingsStore.open(dir, fixedNow);
    const backup = join(dir, 'settings.json.damaged-2026-11-05T10-20-30-123Z');
    expect(store.get()).toEqual(DEFAULTS);
    expect(store.damage).toMatchObject({ code: 'damaged', backupPath: backup });
    expect(store.damage?.message).toMatch(
      /Your settings file was damaged .* kept as .*settings\.json\.damaged-/,
    );
    expect(readFileSync(backup, 'utf8')).toBe('{"version":1,"theme":');
  });

  it('resets only the bad values of a file, keeping the rest and a copy', async () => {
    const content = JSON.stringify({
      version: 1,
      roots: ['/lib'],
      theme: 'neon',
      textSize: 'huge',
      language: 'en',
    });
    writeFileSync(settingsPath(), content);
    const store = await SettingsStore.open(dir, fixedNow);
    expect(store.get()).toEqual({ ...DEFAULTS, roots: ['/lib'], language: 'en' });
    expect(store.damage?.code).toBe('entries-dropped');
    expect(store.damage?.message).toMatch(/theme must be one of .* textSize must be/);
    expect(readFileSync(store.damage!.backupPath!, 'utf8')).toBe(content);
  });

  it('reads but never overwrites a file from a newer version', async () => {
    const content = JSON.stringify({ version: 7, roots: ['/lib'], theme: 'dark', newThing: true });
    writeFileSync(settingsPath(), content);
    const store = await SettingsStore.open(dir);
    expect(store.get()).toMatchObject({ roots: ['/lib'], theme: 'dark' });
    expect(store.readOnly).toMatch(/newer version of Broadsheet/);
    await expect(store.update({ theme: 'light' })).rejects.toThrow(/newer version/);
    expect(readFileSync(settingsPath(), 'utf8')).toBe(content);
  });

  it('on a read-only disk rejects with a message and keeps the old settings', async () => {
    const fs = faultyFs();
    const store = await SettingsStore.open(dir, { fs });
    await store.update({ theme: 'dark' });
    fs.fail('create', 'EROFS');
    await expect(store.update({ theme: 'light' })).rejects.toThrow(
      /The disk is read-only.*your previous settings are kept/,
    );
    expect(store.get().theme).toBe('dark');
    expect(JSON.parse(readFileSync(settingsPath(), 'utf8')).theme).toBe('dark');
  });
});
