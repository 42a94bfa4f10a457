// The window's unread counts: the Unread pill and the sources sidebar (over the library) and the day
// headers (over the list shown). Each is counted whole when its articles change and then follows
// the marks by the ids they changed, so `m`, `n`, opening an article or "mark all" never count
// 100,000 articles again (unreadTally.ts).

import { useCallback, useMemo } from 'react';
import { type DayKey, dayOf } from '../../../shared/listSelection';
import type { ListedArticle } from '../../../shared/types';
import type { DayRow } from '../headlines/groupByDay';
import type { HeadlineItem } from '../headlines/headlineItem';
import { useBackgroundValue } from '../perf/useBackgroundValue';
import type { UnreadByFacet } from './readCounts';
import type { ReadIndex } from './readIndex';
import { DayTally, FacetTally } from './unreadTally';

interface Library {
  articles: readonly ListedArticle[];
  /** The newest marks (the ones the tally starts from). */
  latestReads: () => ReadIndex;
  summaryOf: (id: string) => ListedArticle | undefined;
}

/**
 * Unread in all, per category and per source; null until first counted. The count of a new
 * library is made in a task of its own after the list is painted (the list does not wait for it).
 */
export function useLibraryUnread(
  { articles, latestReads, summaryOf }: Library,
  reads: ReadIndex,
): UnreadByFacet | null {
  const lineage = reads.lineage;
  const source = useMemo(() => ({ articles, lineage }), [articles, lineage]);
  const count = useCallback(
    (s: { articles: readonly ListedArticle[] }) => new FacetTally(s.articles, latestReads(), summaryOf),
    [latestReads, summaryOf],
  );
  const tally = useBackgroundValue(source, count, null);
  return useMemo(() => tally?.follow(reads) ?? null, [tally, reads]);
}

/** The unread count of a day header of `items` (days of `dayKey`), counted when first shown. */
export function useDayUnread(
  items: readonly HeadlineItem[],
  reads: ReadIndex,
  summaryOf: (id: string) => ListedArticle | undefined,
  dayKey: (ms: number) => DayKey,
): (day: DayRow) => number {
  const lineage = reads.lineage;
  const dayOfId = useCallback(
    (id: string) => {
      const article = summaryOf(id);
      return article ? dayOf(article, dayKey) : undefined;
    },
    [summaryOf, dayKey],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list or a new snapshot of the marks counts again; a mark is followed below
  const tally = useMemo(() => new DayTally(items, reads, dayOfId), [items, lineage, dayOfId]);
  return useMemo(() => {
    tally.follow(reads);
    return (day: DayRow) => tally.unread(day, reads);
  }, [tally, reads]);
}
