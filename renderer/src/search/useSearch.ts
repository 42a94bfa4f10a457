import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type { BroadsheetApi } from '../../../shared/contract';
import type { SearchFilters, SearchQuery, SearchResult } from '../../../shared/types';
import { LIMITS } from '../../../shared/validateRequest';
import { errorMessage } from '../api';
import { perfMark, perfMarkAfterPaint } from '../perf/marks';

export const SEARCH_DEBOUNCE_MS = 80;
/**
 * A keystroke is searched at once when nothing is in flight and the last search came back within
 * this long; otherwise it waits out the debounce. A fixed 80 ms debounce alone used up most of the
 * 100 ms keystroke-to-results budget (bench/renderer.ts), while the engine answers in a few ms.
 */
export const QUICK_SEARCH_MS = 150;
const SEARCH_LIMIT = 500;
/** The hosts refuse longer queries (validateRequest); cut here rather than fail. */
const MAX_QUERY_CHARS = LIMITS.queryChars;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous: SearchResult | null }
  | { status: 'done'; result: SearchResult }
  | { status: 'error'; message: string };

/**
 * Results for `text` as the user types. Sent at once while searches come back quickly and none is
 * in flight; debounced while one is in flight or the last one was slow, so fast typing against a
 * slow engine still sends one request per pause. A response that arrives after a newer request
 * was sent is dropped (responses can come back out of order).
 */
export function useSearch(
  api: BroadsheetApi,
  text: string,
  filters: SearchFilters,
  /** Chinese characters as typed, and the order of the results. */
  options: Pick<SearchQuery, 'exactCharacters' | 'order'>,
  /** Bumped when the library changes, so open results refresh. */
  generation: string,
  onError: (message: string) => void,
): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);
  const lastResult = useRef<SearchResult | null>(null);
  const inFlight = useRef(0);
  const lastRoundTripMs = useRef(0);
  const filtersKey = JSON.stringify(filters);
  const reportError = useEffectEvent(onError);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filtersKey stands for filters
  useEffect(() => {
    const query = text.trim().slice(0, MAX_QUERY_CHARS);
    const ticket = ++latest.current;
    if (query === '') {
      lastResult.current = null;
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'searching', previous: lastResult.current });
    const send = () => {
      perfMark('search-sent', { query });
      const started = Date.now();
      inFlight.current++;
      api
        .search({
          text: query,
          filters,
          limit: SEARCH_LIMIT,
          ...options,
        })
        .finally(() => {
          inFlight.current--;
          lastRoundTripMs.current = Date.now() - started;
        })
        .then((result) => {
          if (ticket !== latest.current) return;
          perfMark('search-received', { query, total: result.total, engineMs: result.elapsedMs });
          lastResult.current = result;
          setState({ status: 'done', result });
        })
        .catch((error: unknown) => {
          if (ticket !== latest.current) return;
          const message = errorMessage(error);
          setState({ status: 'error', message });
          reportError(message);
        });
    };
    if (inFlight.current === 0 && lastRoundTripMs.current <= QUICK_SEARCH_MS) {
      send();
      return;
    }
    const timer = setTimeout(send, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, text, filtersKey, options, generation]);

  useLayoutEffect(() => {
    if (state.status === 'done') perfMarkAfterPaint('search-painted', { query: state.result.query });
  }, [state]);

  return state;
}
