import { describe, expect, it } from 'vitest';
import type { ArticleSummary, SearchQuery } from '../../../shared/types';
import { type SelectionSource, selectForExport } from './libraryExport';

const article = (id: string) => ({ id, path: `/a/${id}.md` }) as ArticleSummary;
const list = [article('n3'), article('n2'), article('n1')];

function source(): SelectionSource & { searched: SearchQuery[] } {
  const searched: SearchQuery[] = [];
  return {
    searched,
    get: (id) => list.find((a) => a.id === id),
    list: () => list,
    isStarred: (id) => id !== 'n2',
    search: async (query) => {
      searched.push(query);
      return { query: query.text, total: 2, matches: [{ id: 'n1' }, { id: 'n3' }] as never, elapsedMs: 0 };
    },
  };
}

describe('selectForExport', () => {
  it('picks listed ids once each, in the order given, skipping unlisted ones', async () => {
    const picked = await selectForExport({ kind: 'ids', ids: ['n1', 'gone', 'n3', 'n1'] }, source());
    expect(picked.map((a) => a.id)).toEqual(['n1', 'n3']);
  });

  it('picks the starred in list order', async () => {
    const picked = await selectForExport({ kind: 'starred' }, source());
    expect(picked.map((a) => a.id)).toEqual(['n3', 'n1']);
  });

  it('takes everything for an empty query without searching, and every match of a query', async () => {
    const s = source();
    expect(await selectForExport({ kind: 'query', query: { text: '  ' } }, s)).toBe(list);
    expect(s.searched).toEqual([]);
    const found = await selectForExport({ kind: 'query', query: { text: 'news', limit: 5, offset: 10 } }, s);
    expect(found.map((a) => a.id)).toEqual(['n1', 'n3']);
    expect(s.searched).toEqual([{ text: 'news', limit: Number.MAX_SAFE_INTEGER, offset: 0 }]);
  });
});
