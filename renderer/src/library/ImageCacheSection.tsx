import { useEffect, useId, useState } from 'react';
import type { BroadsheetApi } from '../../../shared/contract';
import { IMAGE_CACHE_MB } from '../../../shared/settingsRules';
import type { ImageCacheInfo, Settings } from '../../../shared/types';
import { useI18n } from '../i18n/I18nContext';

export type ImageCacheApi = Pick<BroadsheetApi, 'getImageCache' | 'clearImageCache' | 'onEvent'>;

/** Caps offered for the image cache, in MB. */
const CACHE_CAP_CHOICES_MB = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];

export function formatBytes(bytes: number, locale?: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

interface Props {
  api: ImageCacheApi;
  settings: Settings | null;
  onSettings(patch: Partial<Settings>): void;
}

/** The Library panel's part about saved pictures: how much is kept, its cap, and Clear. */
export function ImageCacheSection({ api, settings, onSettings }: Props) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [info, setInfo] = useState<ImageCacheInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);
  const capMB = settings?.imageCacheMB ?? IMAGE_CACHE_MB.default;

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the cap changes (eviction)
  useEffect(() => {
    let live = true;
    const read = () =>
      api.getImageCache().then(
        (value) => live && setInfo(value),
        (e: Error) => live && setError(e.message),
      );
    void read();
    // While pictures are saved ahead, the numbers follow its progress events (twice a second at most).
    const off = api.onEvent((event) => {
      if (event.type === 'prefetch') void read();
    });
    return () => {
      live = false;
      off();
    };
  }, [api, capMB]);

  const clear = () => {
    setClearing(true);
    api
      .clearImageCache()
      .then(setInfo, (e: Error) => setError(e.message))
      .finally(() => setClearing(false));
  };
  const choices = CACHE_CAP_CHOICES_MB.includes(capMB)
    ? CACHE_CAP_CHOICES_MB
    : [...CACHE_CAP_CHOICES_MB, capMB].sort((a, b) => a - b);

  return (
    <section aria-labelledby={headingId} className="image-cache">
      <h3 id={headingId}>{t('imageCacheTitle')}</h3>
      <p className="muted">{t('imageCacheHint')}</p>
      {error && (
        <p className="error" role="alert">
          {t('imageCacheFailed', { message: error })}
        </p>
      )}
      <p data-testid="image-cache-size">
        {info
          ? t(info.images === 1 ? 'imageCacheSizeOne' : 'imageCacheSize', {
              size: formatBytes(info.bytes, locale),
              count: info.images.toLocaleString(locale),
              starred: info.starredImages.toLocaleString(locale),
            })
          : t('imageCacheLoading')}
      </p>
      {info?.folder && <p className="muted image-cache-folder">{info.folder}</p>}
      <div className="image-cache-controls">
        <label>
          <span>{t('imageCacheCap')}</span>
          <select value={capMB} onChange={(e) => onSettings({ imageCacheMB: Number(e.target.value) })}>
            {choices.map((mb) => (
              <option key={mb} value={mb}>
                {formatBytes(mb * 1024 * 1024, locale)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={clear}
          disabled={clearing || !info || info.images === 0}
        >
          {t('imageCacheClear')}
        </button>
      </div>
    </section>
  );
}
