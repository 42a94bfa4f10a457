import type { ScanProgress as Progress } from '../../../shared/types';
import { useI18n } from '../i18n/I18nContext';

/** A thin bar under the toolbar while a folder is scanned; the window stays usable. */
export function ScanProgress({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  if (progress.done) return null;
  const max = Math.max(progress.found, 1);
  const label = t('scanning', { parsed: progress.parsed, found: progress.found });
  return (
    <div className="scan-progress">
      <progress
        className="scan-bar"
        max={max}
        value={Math.min(progress.parsed, max)}
        aria-label={t('scanProgressLabel')}
        aria-valuetext={label}
      />
      <span className="scan-text" role="status">
        {label}
      </span>
    </div>
  );
}
