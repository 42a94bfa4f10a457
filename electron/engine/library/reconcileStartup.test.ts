import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/types';
import type { FileStat } from '../watch/fileStat';
import { reconcileStartup } from './reconcileStartup';

const root = '/lib';
const article = (name: string, mtimeMs: number, size = 100) =>
  ({ path: `${root}/${name}`, mtimeMs, size }) as ArticleSummary;
const stat = (mtimeMs: number, size = 100): FileStat => ({ mtimeMs, size });

function views(
  articles: ArticleSummary[],
  baseline: Record<string, FileStat>,
  disk: Record<string, FileStat | null>,
  problems: string[] = [],
) {
  const asked: string[] = [];
  return {
    asked,
    views: {
      articles,
      baseline: new Map(Object.entries(baseline).map(([name, s]) => [`${root}/${name}`, s])),
      hasProblems: (path: string) => problems.includes(path),
      statNow: async (path: string) => {
        asked.push(path);
        return disk[path.slice(root.length + 1)] ?? null;
      },
    },
  };
}

describe('reconcileStartup', () => {
  it('finds nothing, and stats nothing, when the scan and the baseline agree', async () => {
    const v = views([article('a.md', 1), article('b.md', 2)], { 'a.md': stat(1), 'b.md': stat(2) }, {});
    expect(await reconcileStartup(root, v.views)).toEqual([]);
    expect(v.asked).toEqual([]);
  });

  it('reports a file written after the scan passed its folder', async () => {
    const v = views([article('a.md', 1)], { 'a.md': stat(1), 'new.md': stat(5) }, {});
    expect(await reconcileStartup(root, v.views)).toEqual([{ type: 'added', path: '/lib/new.md', root }]);
  });

  it('leaves alone a file the scan saw and reported as a problem', async () => {
    const v = views([], { 'broken.md': stat(1) }, {}, ['/lib/broken.md']);
    expect(await reconcileStartup(root, v.views)).toEqual([]);
  });

  it('reports a file changed after the scan read it, as the disk says', async () => {
    const v = views([article('a.md', 1)], { 'a.md': stat(3, 120) }, { 'a.md': stat(3, 120) });
    expect(await reconcileStartup(root, v.views)).toEqual([{ type: 'changed', path: '/lib/a.md', root }]);
  });

  it('reports a file deleted after the scan read it', async () => {
    const v = views([article('gone.md', 1)], {}, { 'gone.md': null });
    expect(await reconcileStartup(root, v.views)).toEqual([{ type: 'removed', path: '/lib/gone.md', root }]);
  });

  it('trusts the disk over a stale baseline, and keeps a linked file the baseline does not hold', async () => {
    // The baseline reused a cached stat (older); the scan re-read the file: nothing to do.
    // The link's target is not in the baseline (links are not watched) but is on disk unchanged.
    const v = views(
      [article('edited.md', 9), article('link.md', 4)],
      { 'edited.md': stat(1) },
      { 'edited.md': stat(9), 'link.md': stat(4) },
    );
    expect(await reconcileStartup(root, v.views)).toEqual([]);
    expect(v.asked.sort()).toEqual(['/lib/edited.md', '/lib/link.md']);
  });
});
