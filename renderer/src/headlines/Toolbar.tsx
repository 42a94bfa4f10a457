import { LIST_ORDERS, type ListOrder } from '../../../shared/articleOrder';
import { baseName } from '../../../shared/folders';
import type { FacetKind, View } from '../../../shared/listSelection';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import type { ListFilter } from './listFilter';
import { DATE_RANGES, type DateRange } from './listFilter';

export type { View };

const RANGE_LABEL: Record<DateRange, MessageKey> = {
  any: 'dateAny',
  day: 'dateDay',
  week: 'dateWeek',
  month: 'dateMonth',
  year: 'dateYear',
  between: 'dateBetween',
};

const FACET_LABEL: Record<FacetKind, MessageKey> = {
  category: 'facetAsCategory',
  author: 'facetAsSource',
  folder: 'facetAsFolder',
};

const ORDER_LABEL: Record<ListOrder, MessageKey> = { newest: 'orderNewest', oldest: 'orderOldest' };

interface Props {
  view: View;
  onView(view: View): void;
  starredCount: number;
  /** Unread articles in the library (the Unread view's count). */
  unreadCount: number;
  filter: ListFilter;
  onFilter(filter: ListFilter): void;
  order: ListOrder;
  onOrder(order: ListOrder): void;
  /** "Go to date" (a YYYY-MM-DD day); absent while the list shows search results. */
  onGoToDate?: (day: string) => void;
}

export function Toolbar({
  view,
  onView,
  starredCount,
  unreadCount,
  filter,
  onFilter,
  order,
  onOrder,
  onGoToDate,
}: Props) {
  const { t } = useI18n();
  return (
    <div className="toolbar">
      <fieldset className="view-switch" aria-label={t('viewLabel')}>
        <button type="button" aria-pressed={view === 'all'} onClick={() => onView('all')}>
          {t('viewAll')}
        </button>
        <button type="button" aria-pressed={view === 'unread'} onClick={() => onView('unread')}>
          {t('viewUnread')}
          {unreadCount > 0 && <span className="count-pill">{unreadCount}</span>}
        </button>
        <button type="button" aria-pressed={view === 'starred'} onClick={() => onView('starred')}>
          {t('viewStarred')}
          {starredCount > 0 && <span className="count-pill">{starredCount}</span>}
        </button>
      </fieldset>
      <select
        className="range-select"
        aria-label={t('dateRangeLabel')}
        value={filter.range}
        onChange={(e) => onFilter({ ...filter, range: e.target.value as DateRange })}
      >
        {DATE_RANGES.map((r) => (
          <option key={r} value={r}>
            {t(RANGE_LABEL[r])}
          </option>
        ))}
      </select>
      <select
        className="order-select"
        aria-label={t('orderLabel')}
        value={order}
        onChange={(e) => onOrder(e.target.value as ListOrder)}
      >
        {LIST_ORDERS.map((o) => (
          <option key={o} value={o}>
            {t(ORDER_LABEL[o])}
          </option>
        ))}
      </select>
      {onGoToDate && (
        <label className="go-to-date">
          <span>{t('goToDate')}</span>
          <input
            type="date"
            onChange={(e) => {
              if (e.target.value) onGoToDate(e.target.value);
            }}
          />
        </label>
      )}
      {filter.facet && (
        // The sidebar chooses it; here it stays in sight (the sidebar may be collapsed) and is cleared.
        <button
          type="button"
          className="facet-chip"
          title={t('facetClear')}
          onClick={() => onFilter({ ...filter, facet: null })}
        >
          {t(FACET_LABEL[filter.facet.kind], {
            name: filter.facet.kind === 'folder' ? baseName(filter.facet.value) : filter.facet.value,
          })}
          <span aria-hidden="true"> ✕</span>
          <span className="sr-only"> {t('facetClear')}</span>
        </button>
      )}
      {filter.range === 'between' && (
        <fieldset className="date-between" aria-label={t('dateBetween')}>
          <label>
            <span>{t('dateFrom')}</span>
            <input
              type="date"
              value={filter.from ?? ''}
              max={filter.to || undefined}
              onChange={(e) => onFilter({ ...filter, from: e.target.value || undefined })}
            />
          </label>
          <label>
            <span>{t('dateTo')}</span>
            <input
              type="date"
              value={filter.to ?? ''}
              min={filter.from || undefined}
              onChange={(e) => onFilter({ ...filter, to: e.target.value || undefined })}
            />
          </label>
        </fieldset>
      )}
    </div>
  );
}
