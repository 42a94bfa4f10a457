import { useI18n } from '../i18n/I18nContext';

export function EmptyLibrary({ onOpenFolder }: { onOpenFolder: () => void }) {
  const { t } = useI18n();
  return (
    <div className="empty-library">
      <div className="empty-card">
        <div className="empty-mark" aria-hidden="true">
          ▤
        </div>
        <h2>{t('emptyTitle')}</h2>
        <p>{t('emptyBody')}</p>
        <button type="button" className="button primary large" onClick={onOpenFolder}>
          {t('emptyButton')}
        </button>
        <p className="muted">{t('emptyDrop')}</p>
      </div>
    </div>
  );
}
