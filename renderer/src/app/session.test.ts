import { describe, expect, it } from 'vitest';
import { freshSession, restoreSession, sessionOf } from './session';

describe('the window session', () => {
  it('comes back as it was saved', () => {
    const state = {
      view: 'unread' as const,
      filter: { facet: { kind: 'author' as const, value: '新浪财经' }, range: 'week' as const },
      query: '拉夫罗夫',
      openId: '0123456789abcdef',
    };
    expect(restoreSession(JSON.parse(JSON.stringify(sessionOf(state))))).toEqual(state);
  });

  it('drops each value it does not understand and keeps the rest', () => {
    expect(
      restoreSession({
        view: 'timeline',
        filter: { facet: { kind: 'folder', value: '/x' }, range: 'decade', from: '2020-01-01' },
        query: 'ok',
        openId: '',
      }),
    ).toEqual({ ...freshSession, query: 'ok' });
    expect(restoreSession(null)).toBe(freshSession);
  });
});
