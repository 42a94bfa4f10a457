import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { librariesFromInstanceData, parseLaunchArgs } from './commandLine';

const CWD = resolve('/home/reader');

describe('parseLaunchArgs', () => {
  it('reads --library in both spellings, repeated, resolved against the working folder', () => {
    expect(parseLaunchArgs(['.', '--library', 'news', '--library=/mnt/archive'], CWD)).toEqual({
      libraries: [resolve(CWD, 'news'), resolve('/mnt/archive')],
    });
  });

  it('reads --data-dir', () => {
    expect(parseLaunchArgs(['--data-dir', '/tmp/bs-data'], CWD)).toEqual({
      libraries: [],
      dataDir: resolve('/tmp/bs-data'),
    });
    expect(parseLaunchArgs(['--data-dir=rel'], CWD).dataDir).toBe(resolve(CWD, 'rel'));
  });

  it('ignores a flag with no value and unrelated Chromium switches', () => {
    expect(parseLaunchArgs(['--library', '--no-sandbox', '--library=', '--inspect=0'], CWD)).toEqual({
      libraries: [],
    });
    expect(parseLaunchArgs(['--libraryX=/a', 'news'], CWD)).toEqual({ libraries: [] });
  });

  it('keeps folder names with spaces and CJK characters whole', () => {
    expect(parseLaunchArgs(['--library', '新闻 存档'], CWD).libraries).toEqual([resolve(CWD, '新闻 存档')]);
  });
});

describe('librariesFromInstanceData', () => {
  it('takes only string folders from the second instance’s data', () => {
    expect(librariesFromInstanceData({ libraries: ['/a', 3, '', null, '/b'] })).toEqual(['/a', '/b']);
    expect(librariesFromInstanceData({ libraries: '/a' })).toEqual([]);
    expect(librariesFromInstanceData(null)).toEqual([]);
    expect(librariesFromInstanceData(undefined)).toEqual([]);
    expect(librariesFromInstanceData({ libraries: ['x'.repeat(5000)] })).toEqual([]);
    expect(
      librariesFromInstanceData({ libraries: Array.from({ length: 300 }, (_, i) => `/f${i}`) }),
    ).toHaveLength(100);
  });
});
