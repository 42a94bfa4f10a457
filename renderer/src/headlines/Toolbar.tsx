import { LIST_ORDERS, type ListOrder } from '../../../shared/articleOrder';
import type { View } from '../../../shared/listSelection';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import type { Facets, ListFilter } from './listFilter';
import { DATE_RANGES, type DateRange, facetFromValue, facetToValue } from './listFilter';

export type { View };

const RANGE_LABEL: Record<DateRange, MessageKey> = {
  any: 'dateAny',
  day: 'dateDay',
  week: 'dateWeek',
  month: 'dateMonth',
  year: 'dateYear',
  between: 'dateBetween',
};

const ORDER_LABEL: Record<ListOrder, MessageKey> = { newest: 'orderNewest', oldest: 'orderOldest' };

/** Facet lists can be huge (one author per blog); the select shows the most used. */
const FACETS_SHOWN = 200;

interface Props {
  view: View;
  onView(view: View): void;
  starredCount: number;
  /** Unread articles in the library (the Unread view's count). */
  unreadCount: number;
  facets: Facets;
  filter: ListFilter;
  onFilter(filter: ListFilter): void;
  order: ListOrder;
  onOrder(order: ListOrder): void;
}

export function Toolbar({
  view,
  onView,
  starredCount,
  unreadCount,
  facets,
  filter,
  onFilter,
  order,
  onOrder,
}: Props) {
  const { t } = useI18n();
  const selected = facetToValue(filter.facet);
  const categories = facets.categories.slice(0, FACETS_SHOWN);
  const authors = facets.authors.slice(0, FACETS_SHOWN);
  // Keep a chosen facet selectable even when it is not among the most used.
  const chosenHidden =
    filter.facet &&
    !(filter.facet.kind === 'category' ? categories : authors).some((f) => f.value === filter.facet!.value);
  // A name that is both a category and a source (新浪财经 in the seeds) says which one each entry
  // is: the closed menu shows only the chosen entry's text, without its group.
  const both = new Set(categories.map((f) => f.value).filter((v) => authors.some((a) => a.value === v)));
  const named = (facet: { kind: 'category' | 'author'; value: string }) =>
    both.has(facet.value) || facet === filter.facet
      ? t(facet.kind === 'category' ? 'facetAsCategory' : 'facetAsSource', { name: facet.value })
      : facet.value;
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
        className="facet-select"
        aria-label={t('filterLabel')}
        value={selected}
        onChange={(e) => onFilter({ ...filter, facet: facetFromValue(e.target.value) })}
      >
        <option value="">{t('filterAny')}</option>
        {chosenHidden && filter.facet && <option value={selected}>{named(filter.facet)}</option>}
        {categories.length > 0 && (
          <optgroup label={t('filterCategories')}>
            {categories.map((f) => (
              <option key={`c:${f.value}`} value={facetToValue(f)}>
                {named(f)} ({f.count})
              </option>
            ))}
          </optgroup>
        )}
        {authors.length > 0 && (
          <optgroup label={t('filterSources')}>
            {authors.map((f) => (
              <option key={`a:${f.value}`} value={facetToValue(f)}>
                {named(f)} ({f.count})
              </option>
            ))}
          </optgroup>
        )}
      </select>
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
