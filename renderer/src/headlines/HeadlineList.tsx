import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { ListDensity } from '../../../shared/types';
import type { DateFormats } from '../app/formatDates';
import { useI18n } from '../i18n/I18nContext';
import { perfMarkAfterPaint } from '../perf/marks';
import { Highlighted } from '../search/highlight';
import type { ExcerptCache } from './excerpts';
import { type DayRow, type HeadlineRows, lastAtOrBefore } from './groupByDay';
import type { HeadlineItem } from './headlineItem';
import { stickyHeaderTop } from './stickyHeader';

const DAY_HEADER_HEIGHT = 34;
const ROW_HEIGHT = 80;
/** Row height per density: a one-line title, up to two lines, or one line and a one-line preview. */
const DENSITY_ROW_HEIGHT: Readonly<Record<ListDensity, number>> = {
  compact: 54,
  comfortable: ROW_HEIGHT,
  preview: 76,
};
const SEARCH_ROW_HEIGHT = 118;

function optionId(articleId: string): string {
  return `headline-${articleId}`;
}

interface Props {
  items: readonly HeadlineItem[];
  grouped: HeadlineRows;
  /** Search results show a snippet and a full date. */
  mode: 'headlines' | 'search';
  cursorIndex: number;
  openId: string | null;
  isStarred(item: HeadlineItem): boolean;
  isRead(item: HeadlineItem): boolean;
  /** How far into the article the reader got, 0 to 1 (a thin bar under a started one). */
  progressOf(item: HeadlineItem): number;
  /** Unread articles under a day header. */
  dayUnread(day: DayRow): number;
  /** `at`: the headline's position in `items`. */
  onOpen(id: string, at: number): void;
  onToggleStar(item: HeadlineItem): void;
  formats: DateFormats;
  label: string;
  density: ListDensity;
  /** The previews of the Preview density (fetched for the rows drawn). */
  excerpts: ExcerptCache;
}

export interface HeadlineListHandle {
  focus(): void;
  /** Scroll by a page, for Space/PageDown on the list. */
  element(): HTMLElement | null;
  /** Scroll so the item (with its day header, when it is the day's first) is at the top: a jump to a date. */
  showAtTop(itemIndex: number): void;
}

const noSubscription = () => () => {};

function DayCounts({ count, unread }: { count: number; unread: number }) {
  const { t } = useI18n();
  return (
    <span className="day-count">
      {unread > 0 && unread < count && (
        <span className="day-unread" title={t('dayUnread', { count: unread })}>
          {unread} ·{' '}
        </span>
      )}
      {unread === count ? <span className="day-unread">{count}</span> : count}
    </span>
  );
}

/** Last header at or before `row` (binary search: a long archive has thousands of days), or -1. */
function headerAtOrBefore(headerRows: readonly number[], row: number): number {
  const at = lastAtOrBefore(headerRows, row);
  return at < 0 ? -1 : headerRows[at]!;
}

/**
 * The headline listbox. Virtualized: only the visible rows (plus a few) exist in the DOM, so 100,000
 * headlines scroll as smoothly as 100. Focus stays on the listbox; aria-activedescendant names the
 * highlighted option, which is always rendered (the range extractor keeps it in).
 */
export const HeadlineList = forwardRef<HeadlineListHandle, Props>(function HeadlineList(props, ref) {
  const { items, grouped, mode, cursorIndex, openId, isStarred, isRead, progressOf, dayUnread } = props;
  const { onOpen, onToggleStar, formats, label, density, excerpts } = props;
  const preview = density === 'preview' && mode !== 'search';
  useSyncExternalStore(preview ? excerpts.subscribe : noSubscription, excerpts.getVersion);
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeHeaderRef = useRef(-1);
  const cursorRow = cursorIndex >= 0 ? grouped.rowOfItem(cursorIndex) : -1;
  const itemHeight = mode === 'search' ? SEARCH_ROW_HEIGHT : DENSITY_ROW_HEIGHT[density];

  const rangeExtractor = useCallback(
    (range: Range) => {
      activeHeaderRef.current = headerAtOrBefore(grouped.headerRows, range.startIndex);
      const indexes = new Set(defaultRangeExtractor(range));
      if (activeHeaderRef.current >= 0) indexes.add(activeHeaderRef.current);
      if (cursorRow >= 0 && cursorRow < range.count) indexes.add(cursorRow);
      return [...indexes].sort((a, b) => a - b);
    },
    [grouped.headerRows, cursorRow],
  );

  // Row sizes come from estimateSize, which the virtualizer caches until its item keys change: a new
  // key function per list makes it take the new rows' sizes when a list of the same length has its
  // headers elsewhere (oldest first, another date range), instead of drawing rows over headers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new identity per list is the point
  const getItemKey = useCallback((index: number) => index, [grouped]);
  const virtualizer = useVirtualizer({
    count: grouped.count,
    getItemKey,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (grouped.isHeader(i) ? DAY_HEADER_HEIGHT : itemHeight),
    // Enough rows beyond the window for a fast wheel. Every extra row is mounted anew when the
    // scrollbar is dragged far (new rows each frame): 10 on each side made such frames run long.
    overscan: 5,
    rangeExtractor,
    // jsdom has no layout; a sensible first window keeps tests and first paint meaningful.
    initialRect: { width: 360, height: 800 },
  });

  useImperativeHandle(ref, () => ({
    focus: () => scrollRef.current?.focus(),
    element: () => scrollRef.current,
    showAtTop: (itemIndex) => {
      const row = grouped.rowOfItem(itemIndex);
      if (row < 0) return;
      const top = row > 0 && grouped.isHeader(row - 1) ? row - 1 : row;
      // The cursor is usually on its way there: its scroll (below) takes this place instead.
      if (row === cursorRow) virtualizer.scrollToIndex(top, { align: 'start' });
      else topRequest.current = { row, top };
    },
  }));

  // The virtualizer keeps the sizes it estimated: a new density (or mode) must be measured again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: itemHeight is what changes the sizes
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [itemHeight, virtualizer]);

  // The cursor's row is scrolled into view, or to the top when it was moved there by a jump.
  const topRequest = useRef<{ row: number; top: number } | null>(null);
  useEffect(() => {
    const request = topRequest.current;
    topRequest.current = null;
    if (request && request.row === cursorRow) virtualizer.scrollToIndex(request.top, { align: 'start' });
    else if (cursorRow >= 0) virtualizer.scrollToIndex(cursorRow, { align: 'auto' });
  }, [cursorRow, virtualizer]);

  useLayoutEffect(() => {
    perfMarkAfterPaint('headlines-painted', { count: items.length, mode });
  }, [items, mode]);

  // The virtualizer re-renders only when its range changes; the stuck header is pushed up by the next
  // day's header on every scroll, written straight to its style (no render per scroll event).
  const stickyRef = useRef<HTMLDivElement | null>(null);
  const placeStickyHeader = useCallback(() => {
    const header = stickyRef.current;
    const list = scrollRef.current;
    if (!header || !list) return;
    const next = header.dataset.nextStart;
    const top = stickyHeaderTop(
      next === undefined ? undefined : Number(next),
      list.scrollTop,
      header.offsetHeight,
    );
    header.style.top = `${top}px`;
  }, []);
  useLayoutEffect(placeStickyHeader);
  useEffect(() => {
    const list = scrollRef.current;
    if (!list) return;
    list.addEventListener('scroll', placeStickyHeader, { passive: true });
    return () => list.removeEventListener('scroll', placeStickyHeader);
  }, [placeStickyHeader]);

  const cursorItem = cursorIndex >= 0 ? items[cursorIndex] : undefined;

  return (
    <div
      ref={scrollRef}
      className={`headline-list density-${mode === 'search' ? 'search' : density}`}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={cursorItem ? optionId(cursorItem.id) : undefined}
    >
      <div className="headline-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = grouped.rowAt(v.index)!;
          if (row.kind === 'day') {
            const sticky = v.index === activeHeaderRef.current;
            const nextHeaderStart = sticky
              ? virtualizer.measurementsCache[
                  grouped.headerRows[lastAtOrBefore(grouped.headerRows, v.index) + 1] ?? -1
                ]?.start
              : undefined;
            return (
              <div
                key={`day-${row.key}-${v.index}`}
                ref={sticky ? stickyRef : undefined}
                data-next-start={nextHeaderStart}
                aria-hidden="true"
                className={`day-header${sticky ? ' sticky' : ''}`}
                style={
                  sticky
                    ? {
                        position: 'sticky',
                        top: stickyHeaderTop(nextHeaderStart, virtualizer.scrollOffset ?? 0, v.size),
                        height: v.size,
                      }
                    : { position: 'absolute', top: 0, transform: `translateY(${v.start}px)`, height: v.size }
                }
              >
                <span className="day-label">{row.label}</span>
                <DayCounts count={row.count} unread={dayUnread(row)} />
              </div>
            );
          }
          const item = items[row.itemIndex]!;
          const starred = isStarred(item);
          const unread = !item.missing && !isRead(item);
          const progress = item.missing ? 0 : progressOf(item);
          const selected = row.itemIndex === cursorIndex;
          return (
            // biome-ignore lint/a11y/useFocusableInteractive: listbox with aria-activedescendant; focus stays on the listbox
            // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles keys for every option
            <div
              key={item.id}
              id={optionId(item.id)}
              role="option"
              aria-selected={selected}
              aria-posinset={row.itemIndex + 1}
              aria-setsize={items.length}
              className={`headline${selected ? ' cursor' : ''}${item.id === openId ? ' open' : ''}${item.missing ? ' missing' : ''}${unread ? ' unread' : ''}`}
              style={{ position: 'absolute', top: 0, transform: `translateY(${v.start}px)`, height: v.size }}
              onClick={() => {
                onOpen(item.id, row.itemIndex);
                scrollRef.current?.focus({ preventScroll: true });
              }}
            >
              <div className="headline-meta">
                {unread && <span className="unread-dot" aria-hidden="true" />}
                {row.dayLabel && <span className="sr-only">{row.dayLabel} </span>}
                {/* An undated article's time is its file's: the list shows no time for it (its group,
                    or in search results this word, says it has none). */}
                {item.undated ? (
                  mode === 'search' && <span className="headline-undated">{t('undated')}</span>
                ) : (
                  <time dateTime={item.date}>
                    {mode === 'search' ? formats.shortDateTime(item.time) : formats.time(item.time)}
                  </time>
                )}
                {item.source && <span className="headline-source">{item.source}</span>}
                {item.missing &&
                  (item.closedFolder ? (
                    <span className="badge badge-closed" title={item.closedFolder}>
                      {t('folderNotOpen')}
                    </span>
                  ) : (
                    <span className="badge badge-missing">{t('missing')}</span>
                  ))}
              </div>
              <div className="headline-title">
                <Highlighted text={item.title} ranges={item.titleHighlights} />
              </div>
              {preview && !item.missing && (
                <div className="headline-preview">{excerpts.get(item.id) ?? '\u00a0'}</div>
              )}
              {item.snippet && (
                <div className="headline-snippet">
                  <Highlighted text={item.snippet} ranges={item.snippetHighlights} />
                </div>
              )}
              {/* Mouse affordance only: an option may not contain a focusable control, so keyboard
                  users star with "s" or the reading pane's toggle button. */}
              <span
                aria-hidden="true"
                className={`row-star${starred ? ' on' : ''}`}
                title={starred ? t('unstar') : t('star')}
                onClick={(e) => {
                  e.stopPropagation();
                  onToggleStar(item);
                }}
              >
                {starred ? '★' : '☆'}
              </span>
              {starred && <span className="sr-only">, {t('starredMark')}</span>}
              {unread && <span className="sr-only">, {t('unreadMark')}</span>}
              {progress > 0 && progress < 0.98 && (
                <span
                  className="read-progress"
                  role="img"
                  aria-label={t('readProgressLabel', { percent: Math.round(progress * 100) })}
                  style={{ width: `${Math.max(3, progress * 100)}%` }}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
