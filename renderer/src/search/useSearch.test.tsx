// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchQuery, SearchResult } from '../../../shared/types';
import { createFakeApi, type FakeApi } from '../app/fakeApi';
import { QUICK_SEARCH_MS, SEARCH_DEBOUNCE_MS, useSearch } from './useSearch';

/** A fake whose searches stay pending until the test answers them, each after `tookMs` of clock. */
const OPTIONS = {};

function pendingSearches(api: FakeApi) {
  const pending: { query: SearchQuery; answer(tookMs?: number): Promise<void> }[] = [];
  api.searchImpl = (query) =>
    new Promise<SearchResult>((resolve) => {
      pending.push({
        query,
        answer: async (tookMs = 0) => {
          vi.advanceTimersByTime(tookMs);
          await act(async () => resolve({ query: query.text, total: 0, matches: [], elapsedMs: 1 }));
        },
      });
    });
  return pending;
}

function renderSearch(api: FakeApi, text: string) {
  return renderHook(({ text }) => useSearch(api, text, {}, OPTIONS, 'g', () => {}), {
    initialProps: { text },
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useSearch scheduling', () => {
  it('sends a keystroke at once while searches are quick and none is in flight', async () => {
    const api = createFakeApi({});
    const pending = pendingSearches(api);
    const { rerender, result } = renderSearch(api, 'c');
    expect(pending.map((p) => p.query.text)).toEqual(['c']);
    await pending[0]!.answer(5);
    expect(result.current.status).toBe('done');

    rerender({ text: 'ce' });
    expect(pending.map((p) => p.query.text)).toEqual(['c', 'ce']);
  });

  it('debounces keystrokes while a search is in flight, sending only the last', async () => {
    const api = createFakeApi({});
    const pending = pendingSearches(api);
    const { rerender, result } = renderSearch(api, 'c');
    rerender({ text: 'ce' });
    rerender({ text: 'cen' });
    expect(pending).toHaveLength(1);
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(pending.map((p) => p.query.text)).toEqual(['c', 'cen']);

    // The stale answer is dropped; the newest one is shown.
    await pending[1]!.answer();
    await pending[0]!.answer();
    expect(result.current).toMatchObject({ status: 'done', result: { query: 'cen' } });
  });

  it('debounces again after a slow search', async () => {
    const api = createFakeApi({});
    const pending = pendingSearches(api);
    const { rerender } = renderSearch(api, 'c');
    await pending[0]!.answer(QUICK_SEARCH_MS + 50);
    rerender({ text: 'ce' });
    expect(pending).toHaveLength(1);
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(pending.map((p) => p.query.text)).toEqual(['c', 'ce']);
  });
});
