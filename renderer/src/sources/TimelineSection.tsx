// The sidebar's timeline: the headline list's articles counted per year, and the chosen year's
// months as a calendar grid (January to December) with their counts. Choosing a year or a month
// moves the list to its first article in the list's order (the list is not narrowed: the range
// control narrows, this moves). The year and month of the highlighted article are marked.

import { useEffect, useMemo, useState } from 'react';
import { bucketAt, type TimelineBucket, yearCounts } from '../../../shared/timeline';
import { useI18n } from '../i18n/I18nContext';

interface Props {
  /** The list's months, in list order (shared/timeline monthCounts). */
  months: readonly TimelineBucket[];
  /** The highlighted article's index in the list, -1 for none. */
  current: number;
  /** Move the list to the entry at this index. */
  onJump(index: number): void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function TimelineSection({ months, current, onJump }: Props) {
  const { t, locale } = useI18n();
  const years = useMemo(() => yearCounts(months), [months]);
  const byMonth = useMemo(() => new Map(months.map((m) => [m.key, m])), [months]);
  const names = useMemo(() => {
    const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return MONTHS.map((m) => ({
      short: short.format(Date.UTC(2000, m - 1, 1)),
      long: (year: number) => long.format(Date.UTC(year, m - 1, 1)),
    }));
  }, [locale]);
  const numbers = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  const at = bucketAt(months, current);
  const currentMonth = at >= 0 ? months[at]!.key : null;
  const currentYear = currentMonth === null ? null : Math.floor(currentMonth / 100);
  // The open year is the one last chosen, until the highlight moves into another year.
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new current year resets the choice
  useEffect(() => setChosenYear(null), [currentYear]);
  const openYear =
    chosenYear !== null && years.some((y) => y.key === chosenYear)
      ? chosenYear
      : (currentYear ?? years[0]?.key ?? null);

  if (years.length === 0) return null;

  return (
    <section className="sources-section timeline" aria-label={t('timelineLabel')}>
      <h2 className="sources-heading">{t('timelineLabel')}</h2>
      <ul className="sources-list">
        {years.map((y) => {
          const open = y.key === openYear;
          return (
            <li key={y.key}>
              <button
                type="button"
                className="sources-item timeline-year"
                aria-expanded={open}
                aria-current={y.key === currentYear ? 'date' : undefined}
                title={t('timelineJump')}
                onClick={() => {
                  setChosenYear(y.key);
                  onJump(y.start);
                }}
              >
                <span className="sr-only">
                  {t(y.count === 1 ? 'timelineYearOne' : 'timelineYear', {
                    year: String(y.key),
                    count: y.count,
                  })}
                </span>
                <span className="sources-name" aria-hidden="true">
                  {y.key}
                </span>
                <span className="sources-count" aria-hidden="true">
                  {numbers.format(y.count)}
                </span>
              </button>
              {open && (
                <div className="timeline-months">
                  {MONTHS.map((m) => {
                    const bucket = byMonth.get(y.key * 100 + m);
                    const name = names[m - 1]!;
                    return (
                      <button
                        key={m}
                        type="button"
                        className="timeline-month"
                        disabled={!bucket}
                        aria-current={bucket && bucket.key === currentMonth ? 'date' : undefined}
                        onClick={() => bucket && onJump(bucket.start)}
                      >
                        <span className="sr-only">
                          {t(bucket?.count === 1 ? 'timelineMonthOne' : 'timelineMonth', {
                            month: name.long(y.key),
                            count: bucket?.count ?? 0,
                          })}
                        </span>
                        <span className="timeline-month-name" aria-hidden="true">
                          {name.short}
                        </span>
                        <span className="timeline-month-count" aria-hidden="true">
                          {bucket ? numbers.format(bucket.count) : ''}
                        </span>
                      </button>
                    );
                  })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
