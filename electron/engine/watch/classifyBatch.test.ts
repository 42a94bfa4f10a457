import { describe, expect, it } from 'vitest';
import { applyDeltas, classifyBatch, type Observation, type ObservedPath } from './classifyBatch';
import type { FileStat } from './fileStat';

const root = '/lib';
const s = (mtimeMs: number, size = 10): FileStat => ({ mtimeMs, size });
const look = (observation: Observation, sawDelete = false): ObservedPath => ({
  root,
  sawDelete,
  observation,
});
const batch = (entries: [string, ObservedPath][]) => new Map(entries);
const changesOf = (observed: Map<string, ObservedPath>, known: Map<string, FileStat>) =>
  classifyBatch(observed, known).deltas.map((d) => `${d.change.type} ${d.change.path}`);

describe('classifyBatch', () => {
  it('reports a new file as added and a known file with another stat as changed', () => {
    const known = new Map([
      ['/lib/a.md', s(1)],
      ['/lib/b.md', s(1)],
    ]);
    const observed = batch([
      ['/lib/new.md', look({ kind: 'file', stat: s(5) })],
      ['/lib/a.md', look({ kind: 'file', stat: s(2) })],
      ['/lib/b.md', look({ kind: 'file', stat: s(1) })],
    ]);
    expect(changesOf(observed, known)).toEqual(['added /lib/new.md', 'changed /lib/a.md']);
  });

  it('reports a known file deleted and recreated in one batch as changed even with the same stat', () => {
    const known = new Map([['/lib/a.md', s(1)]]);
    expect(changesOf(batch([['/lib/a.md', look({ kind: 'file', stat: s(1) }, true)]]), known)).toEqual([
      'changed /lib/a.md',
    ]);
  });

  it('reports nothing for a path that came and went, and removal for a known one that went', () => {
    const known = new Map([['/lib/old.md', s(1)]]);
    const observed = batch([
      ['/lib/fleeting.md', look({ kind: 'gone' }, true)],
      ['/lib/old.md', look({ kind: 'gone' }, true)],
    ]);
    expect(changesOf(observed, known)).toEqual(['removed /lib/old.md']);
  });

  it('removes every known file under a folder that is gone, and only those', () => {
    const known = new Map([
      ['/lib/sec/a.md', s(1)],
      ['/lib/sec/deep/b.md', s(1)],
      ['/lib/section2/c.md', s(1)],
      ['/lib/d.md', s(1)],
    ]);
    expect(changesOf(batch([['/lib/sec', look({ kind: 'gone' })]]), known)).toEqual([
      'removed /lib/sec/a.md',
      'removed /lib/sec/deep/b.md',
    ]);
  });

  it('diffs a walked folder against the known files under it', () => {
    const known = new Map([
      ['/lib/sec/same.md', s(1)],
      ['/lib/sec/edited.md', s(1)],
      ['/lib/sec/deleted.md', s(1)],
      ['/lib/elsewhere.md', s(1)],
    ]);
    const files = new Map([
      ['/lib/sec/same.md', s(1)],
      ['/lib/sec/edited.md', s(3)],
      ['/lib/sec/sub/new.md', s(1)],
    ]);
    expect(changesOf(batch([['/lib/sec', look({ kind: 'folder', files })]]), known)).toEqual([
      'changed /lib/sec/edited.md',
      'added /lib/sec/sub/new.md',
      'removed /lib/sec/deleted.md',
    ]);
  });

  it('removes a known file that is now a folder, a link or another kind of file', () => {
    const known = new Map([
      ['/lib/x.md', s(1)],
      ['/lib/y.md', s(1)],
    ]);
    const observed = batch([
      ['/lib/x.md', look({ kind: 'folder', files: new Map() })],
      ['/lib/y.md', look({ kind: 'other' })],
    ]);
    expect(changesOf(observed, known)).toEqual(['removed /lib/x.md', 'removed /lib/y.md']);
  });

  it('holds back files still being written and reports them later', () => {
    const known = new Map<string, FileStat>();
    const observed = batch([
      ['/lib/writing.md', look({ kind: 'file', stat: s(100, 0) })],
      ['/lib/done.md', look({ kind: 'file', stat: s(1) })],
    ]);
    const result = classifyBatch(observed, known, (_path, stat) => stat.size === 0);
    expect(result.deltas.map((d) => d.change.path)).toEqual(['/lib/done.md']);
    expect(result.deferred).toEqual(['/lib/writing.md']);
  });

  it('applies deltas to the known set so a second look at the same state reports nothing', () => {
    const known = new Map([['/lib/gone.md', s(1)]]);
    const observed = batch([
      ['/lib/new.md', look({ kind: 'file', stat: s(2) })],
      ['/lib/gone.md', look({ kind: 'gone' })],
    ]);
    applyDeltas(known, classifyBatch(observed, known).deltas);
    expect(known).toEqual(new Map([['/lib/new.md', s(2)]]));
    expect(changesOf(observed, known)).toEqual([]);
  });
});
