import { useEffect, useRef, useState } from 'react';
import type { BroadsheetApi } from '../../../shared/contract';
import type { SearchFilters, SearchResult } from '../../../shared/types';
import { errorMessage } from '../api';

export const SEARCH_DEBOUNCE_MS = 80;
export const SEARCH_LIMIT = 500;
/** The bridge refuses longer queries; cut here rather than fail. */
const MAX_QUERY_CHARS = 1000;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous: SearchResult | null }
  | { status: 'done'; result: SearchResult }
  | { status: 'error'; message: string };

/**
 * Results for `text` as the user types: debounced, and a response that arrives after a newer
 * request was sent is dropped (responses can come back out of order).
 */
export function useSearch(
  api: BroadsheetApi,
  text: string,
  filters: SearchFilters,
  /** Bumped when the library changes, so open results refresh. */
  generation: string,
  onError: (message: string) => void,
): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);
  const lastResult = useRef<SearchResult | null>(null);
  const filtersKey = JSON.stringify(filters);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

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
    const timer = setTimeout(() => {
      api
        .search({ text: query, filters, limit: SEARCH_LIMIT })
        .then((result) => {
          if (ticket !== latest.current) return;
          lastResult.current = result;
          setState({ status: 'done', result });
        })
        .catch((error: unknown) => {
          if (ticket !== latest.current) return;
          const message = errorMessage(error);
          setState({ status: 'error', message });
          onErrorRef.current(message);
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, text, filtersKey, generation]);

  return state;
}
