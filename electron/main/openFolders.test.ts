import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Library } from '../engine/library/Library';
import { describeRejections, openFolders } from './openFolders';

// Against the real engine (a Library in this process, no watcher): what it adds, refuses and says.
describe('openFolders', () => {
  let base: string;
  let library: Library;
  let news: string;
  let more: string;
  beforeAll(async () => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'open-folders-')));
    news = join(base, 'news');
    more = join(base, 'more');
    for (const dir of [news, more]) mkdirSync(dir);
    writeFileSync(join(more, 'a.md'), '---\ntitle: In more\ndate: 2020-01-01\n---\nbody');
    writeFileSync(join(base, 'file.md'), 'not a folder');
    library = await Library.open({
      dataDir: join(base, 'data'),
      roots: [news],
      persistRoots: true,
      watch: false,
    });
  });
  afterAll(async () => {
    await library.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('adds new folders once each, skips those already open, and reports what the engine refused', async () => {
    const call = vi.spyOn(library, 'call');
    const gone = join(base, 'gone');
    const file = join(base, 'file.md');
    const result = await openFolders(library, [news, more, more, gone, file]);
    expect(result.added).toEqual([more]);
    expect(result.rejected.map((r) => r.path).sort()).toEqual([file, gone].sort());
    // The folder already open never reached the engine; the repeated one reached it once.
    expect(call).toHaveBeenCalledWith('addFolders', [more, gone, file]);
    expect((await library.call('getSettings')).roots).toEqual([news, more]);
    const message = describeRejections(result)!;
    for (const r of result.rejected) expect(message).toContain(`${r.path}\n${r.reason}`);
    call.mockRestore();
  });

  it('does not call the engine when every folder is already open', async () => {
    const call = vi.spyOn(library, 'call');
    expect(await openFolders(library, [news, more])).toEqual({ added: [], rejected: [] });
    expect(call.mock.calls.map(([method]) => method)).toEqual(['getSettings']);
    call.mockRestore();
  });
});

describe('describeRejections', () => {
  it('lists each refused folder with its reason, or nothing', () => {
    expect(describeRejections({ added: ['/a'], rejected: [] })).toBeNull();
    expect(
      describeRejections({
        added: [],
        rejected: [
          { path: '/gone', reason: 'The folder does not exist.' },
          { path: '/f.md', reason: 'This is a file, not a folder.' },
        ],
      }),
    ).toBe('/gone\nThe folder does not exist.\n\n/f.md\nThis is a file, not a folder.');
  });
});
