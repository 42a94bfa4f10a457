// The date bounds of a search (SearchFilters.from/to and the query's before:/after:), as inclusive
// milliseconds. One rule for the library database and the brute-force oracle.

import type { SearchNotice } from '../../../shared/types';

const DAY_MS = 86_400_000;

/** An inclusive bound in ms; a bare `to` date covers that whole UTC day. A bad date is a notice. */
export function boundMs(
  value: string | undefined,
  isEnd: boolean,
  name: string,
  notices: SearchNotice[],
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    notices.push({ kind: 'badDate', operator: name, value });
    return undefined;
  }
  return isEnd && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? ms + DAY_MS - 1 : ms;
}

/** The later of two optional bounds. */
export function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** The earlier of two optional bounds. */
export function minOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
