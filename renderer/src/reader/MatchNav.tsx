// "3 of 12" over an article opened from a search, with the previous / next match buttons that the
// [ and ] keys press.

import { useI18n } from '../i18n/I18nContext';

export interface MatchPosition {
  /** 1-based position of the current match; 0 before the first step. */
  index: number;
  count: number;
}

interface Props {
  match: MatchPosition;
  onStep(delta: 1 | -1): void;
}

export function MatchNav({ match, onStep }: Props) {
  const { t } = useI18n();
  const { index, count } = match;
  const text =
    count === 0
      ? t('matchesNone')
      : index === 0
        ? count === 1
          ? t('matchesFoundOne')
          : t('matchesFound', { count })
        : t('matchOf', { index, count });
  return (
    <fieldset className="reader-matches" aria-label={t('matchesLabel')}>
      <output aria-live="polite">{text}</output>
      <button
        type="button"
        className="icon-button"
        aria-label={t('matchPrevious')}
        title={t('matchPrevious')}
        disabled={count === 0}
        onClick={() => onStep(-1)}
      >
        ‹
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('matchNext')}
        title={t('matchNext')}
        disabled={count === 0}
        onClick={() => onStep(1)}
      >
        ›
      </button>
    </fieldset>
  );
}
