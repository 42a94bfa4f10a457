import { useI18n } from '../i18n/I18nContext';

/** The star toggle: a real button with aria-pressed, labelled for what it will do. */
export function StarButton({ starred, onToggle }: { starred: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={`star-button${starred ? ' on' : ''}`}
      aria-pressed={starred}
      aria-label={starred ? t('unstar') : t('star')}
      title={`${starred ? t('unstar') : t('star')} (s)`}
      onClick={onToggle}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
    </button>
  );
}
