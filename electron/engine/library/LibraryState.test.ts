import { describe, expect, it } from 'vitest';
import type { ArticleSummary, Problem } from '../../../shared/types';
import { LibraryState } from './LibraryState';

function article(id: string, date: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    contentHash: `h-${id}`,
    path: `/lib/${id}.md`,
    root: '/lib',
    title: `Title ${id}`,
    date,
    dateSource: 'front-matter',
    categories: [],
    images: {},
    chars: 10,
    excerpt: '',
    bodyFormat: 'html',
    mtimeMs: 0,
    size: 10,
    degraded: false,
    ...extra,
  };
}

describe('LibraryState', () => {
  it('lists in the shared order: newest first, ties by id, undated (file time) last', () => {
    const s = new LibraryState();
    s.upsert(article('b', '2022-01-01T00:00:00.000Z', { path: '/lib/0.md' }));
    s.upsert(article('a', '2022-01-01T00:00:00.000Z', { path: '/lib/1.md' }));
    s.upsert(article('u', '2030-01-01T00:00:00.000Z', { dateSource: 'file-mtime' }));
    s.upsert(article('c', '2023-01-01T00:00:00.000Z'));
    expect(s.list().map((a) => a.id)).toEqual(['c', 'a', 'b', 'u']);
  });

  it('replaces an article on upsert and re-sorts', () => {
    const s = new LibraryState();
    s.upsert(article('a', '2022-01-01T00:00:00.000Z'));
    s.upsert(article('b', '2021-01-01T00:00:00.000Z'));
    expect(s.list()[0]?.id).toBe('a');
    s.upsert(article('b', '2024-01-01T00:00:00.000Z', { contentHash: 'new' }));
    expect(s.list().map((a) => a.id)).toEqual(['b', 'a']);
    expect(s.byContentHash('h-b')).toBeUndefined();
    expect(s.byContentHash('new')?.id).toBe('b');
  });

  it('finds duplicates of one content deterministically, by path', () => {
    const s = new LibraryState();
    s.upsert(article('z', '2022-01-01T00:00:00.000Z', { contentHash: 'same', path: '/lib/z.md' }));
    s.upsert(article('y', '2022-01-01T00:00:00.000Z', { contentHash: 'same', path: '/lib/y.md' }));
    expect(s.byContentHash('same')?.id).toBe('y');
    s.remove('y');
    expect(s.byContentHash('same')?.id).toBe('z');
  });

  it('keeps problems per file, errors first, and clears them per root', () => {
    const s = new LibraryState();
    const p = (path: string, severity: Problem['severity']): Problem => ({
      path,
      severity,
      message: 'm',
      code: 'binary',
    });
    s.addProblem(p('/lib/b.md', 'warning'));
    s.addProblem(p('/lib/a.md', 'error'));
    s.addProblem(p('/other/c.md', 'error'));
    expect(s.problems().map((x) => x.path)).toEqual(['/lib/a.md', '/other/c.md', '/lib/b.md']);
    s.clearProblemsUnder('/lib');
    expect(s.problems().map((x) => x.path)).toEqual(['/other/c.md']);
    expect(s.problems(0)).toEqual([]);
  });

  it('tells what lies under a root without matching a sibling with the same prefix', () => {
    const s = new LibraryState();
    s.upsert(article('a', '2022-01-01T00:00:00.000Z'));
    s.upsert(article('x', '2022-01-01T00:00:00.000Z', { path: '/library/x.md', root: '/library' }));
    expect(s.idsUnder('/lib')).toEqual(['a']);
    expect(s.countUnder('/library')).toBe(1);
  });
});
