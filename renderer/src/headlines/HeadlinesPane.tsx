// The headlines side of the window: the view and filter toolbar, the status line, and the list (or
// why it is empty).

import type { RefObject } from 'react';
import type { ListOrder } from '../../../shared/articleOrder';
import type { ListDensity } from '../../../shared/types';
import type { DateFormats } from '../app/formatDates';
import { useI18n } from '../i18n/I18nContext';
import type { ExcerptCache } from './excerpts';
import type { DayRow, HeadlineRows } from './groupByDay';
import { HeadlineList, type HeadlineListHandle } from './HeadlineList';
import type { HeadlineItem } from './headlineItem';
import { type ListFilter, noFilter } from './listFilter';
import { isFiltered } from './listStatus';
import { Toolbar, type View } from './Toolbar';

interface HeadlinesPaneProps {
  listRef: RefObject<HeadlineListHandle | null>;
  view: View;
  onView: (view: View) => void;
  starredCount: number;
  unreadCount: number;
  filter: ListFilter;
  onFilter: (filter: ListFilter) => void;
  order: ListOrder;
  onOrder: (order: ListOrder) => void;
  onGoToDate?: (day: string) => void;
  status: string;
  /** Shown instead of the list when it is empty for a reason worth saying. */
  emptyText: string | null;
  items: readonly HeadlineItem[];
  grouped: HeadlineRows;
  searching: boolean;
  cursorIndex: number;
  openId: string | null;
  isStarred: (item: HeadlineItem) => boolean;
  isRead: (item: HeadlineItem) => boolean;
  progressOf: (item: HeadlineItem) => number;
  dayUnread: (day: DayRow) => number;
  /** Mark the list read / what is older than the current article; null when there is nothing to mark. */
  onMarkAllRead: (() => void) | null;
  onMarkOlderRead: (() => void) | null;
  density: ListDensity;
  excerpts: ExcerptCache;
  onOpen: (id: string, at: number) => void;
  onToggleStar: (item: HeadlineItem) => void;
  formats: DateFormats;
}

export function HeadlinesPane(props: HeadlinesPaneProps) {
  const { t } = useI18n();
  return (
    <section className="sidebar" aria-label={t('headlinesLabel')}>
      <Toolbar
        view={props.view}
        onView={props.onView}
        starredCount={props.starredCount}
        unreadCount={props.unreadCount}
        filter={props.filter}
        onFilter={props.onFilter}
        order={props.order}
        onOrder={props.onOrder}
        onGoToDate={props.onGoToDate}
      />
      <div className="list-bar">
        <div className="list-status" role="status">
          {props.status}
        </div>
        <div className="list-actions">
          <button
            type="button"
            className="link-button"
            disabled={!props.onMarkOlderRead}
            onClick={() => props.onMarkOlderRead?.()}
            title={`${t('markOlderRead')} (Shift O)`}
          >
            {t('markOlderRead')}
          </button>
          <button
            type="button"
            className="link-button"
            disabled={!props.onMarkAllRead}
            onClick={() => props.onMarkAllRead?.()}
            title={`${t('markAllRead')} (Shift A)`}
          >
            {t('markAllRead')}
          </button>
        </div>
      </div>
      {props.emptyText ? (
        <div className="list-empty">
          <p>{props.emptyText}</p>
          {isFiltered(props.filter) && (
            <button type="button" className="button" onClick={() => props.onFilter(noFilter)}>
              {t('clearFilters')}
            </button>
          )}
        </div>
      ) : (
        <HeadlineList
          ref={props.listRef}
          items={props.items}
          grouped={props.grouped}
          mode={props.searching ? 'search' : 'headlines'}
          cursorIndex={props.cursorIndex}
          openId={props.openId}
          isStarred={props.isStarred}
          isRead={props.isRead}
          progressOf={props.progressOf}
          dayUnread={props.dayUnread}
          density={props.density}
          excerpts={props.excerpts}
          onOpen={props.onOpen}
          onToggleStar={props.onToggleStar}
          formats={props.formats}
          label={t('headlinesLabel')}
        />
      )}
    </section>
  );
}
