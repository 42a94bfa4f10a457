import { describe, expect, it } from 'vitest';
import { freshSession, restoreSession, sessionOf } from './session';

describe('the window session', () => {
  it('comes back as it was saved', () => {
    const state = {
      view: 'unread' as const,
      filter: { facet: { kind: 'author' as const, value: '新浪财经' }, range: 'week' as const },
      query: '拉夫罗夫',
      openId: '0123456789abcdef',
      order: 'newest' as const,
      exactCharacters: true,
      searchOrder: 'newest' as const,
    };
    expect(restoreSession(JSON.parse(JSON.stringify(sessionOf(state))))).toEqual(state);
    const between = {
      ...state,
      filter: { facet: null, range: 'between' as const, from: '2022-03-05', to: '2022-07-29' },
      order: 'oldest' as const,
    };
    expect(restoreSession(JSON.parse(JSON.stringify(sessionOf(between))))).toEqual(between);
    const folder = {
      ...state,
      filter: { facet: { kind: 'folder' as const, value: '/home/me/新闻/港聞' }, range: 'any' as const },
    };
    expect(restoreSession(JSON.parse(JSON.stringify(sessionOf(folder))))).toEqual(folder);
  });

  it('drops each value it does not understand and keeps the rest', () => {
    expect(
      restoreSession({
        view: 'timeline',
        filter: { facet: { kind: 'shelf', value: '/x' }, range: 'decade', from: '2020-01-01' },
        query: 'ok',
        openId: '',
        order: 'sideways',
        exactCharacters: 'yes' as unknown as boolean,
        searchOrder: 'loudest',
      }),
    ).toEqual({ ...freshSession, query: 'ok' });
    // A date that is no calendar day is dropped, the range kept.
    expect(
      restoreSession({
        view: 'all',
        filter: { facet: null, range: 'between', from: '2022-02-30' },
        query: '',
        openId: null,
      }).filter,
    ).toEqual({ facet: null, range: 'between' });
    expect(restoreSession(null)).toBe(freshSession);
  });
});
