import { useEffect, useId, useState } from 'react';
import type { BroadsheetApi } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/settingsRules';
import type { PrefetchScope, PrefetchStatus, RootInfo, Settings } from '../../../shared/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { formatBytes } from './ImageCacheSection';

export type PrefetchApi = Pick<BroadsheetApi, 'getPrefetch' | 'setPrefetchPaused' | 'onEvent'>;

/** Speed limits offered, in KB/s (0: no limit). */
const PREFETCH_SPEED_CHOICES_KBPS = [0, 128, 512, 1024, 5120];

const SCOPE_LABEL: Record<PrefetchScope, MessageKey> = {
  off: 'prefetchScopeOff',
  library: 'prefetchScopeLibrary',
  folders: 'prefetchScopeFolders',
};

interface Props {
  api: PrefetchApi;
  settings: Settings | null;
  roots: readonly RootInfo[];
  onSettings(patch: Partial<Settings>): void;
}

/** Saving pictures ahead of reading: for which articles, how fast, how far it is, pause/resume. */
export function PrefetchSection({ api, settings, roots, onSettings }: Props) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [status, setStatus] = useState<PrefetchStatus | null>(null);
  const scope = settings?.prefetchScope ?? DEFAULT_SETTINGS.prefetchScope;
  const folders = settings?.prefetchFolders ?? [];
  const kbps = settings?.prefetchKBps ?? DEFAULT_SETTINGS.prefetchKBps;

  useEffect(() => {
    let live = true;
    api.getPrefetch().then(
      (value) => live && setStatus(value),
      () => undefined,
    );
    const off = api.onEvent((event) => {
      if (event.type === 'prefetch') setStatus(event.status);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const toggleFolder = (path: string, on: boolean) =>
    onSettings({ prefetchFolders: on ? [...folders, path] : folders.filter((f) => f !== path) });
  const speeds = PREFETCH_SPEED_CHOICES_KBPS.includes(kbps)
    ? PREFETCH_SPEED_CHOICES_KBPS
    : [...PREFETCH_SPEED_CHOICES_KBPS, kbps].sort((a, b) => a - b);
  const size = (bytes: number) => formatBytes(bytes, locale);
  const pause = (paused: boolean) => {
    api.setPrefetchPaused(paused).then(setStatus, () => undefined);
  };

  return (
    <section aria-labelledby={headingId} className="prefetch">
      <h3 id={headingId}>{t('prefetchTitle')}</h3>
      <p className="muted">{t('prefetchHint')}</p>
      <div className="image-cache-controls">
        <label>
          <span>{t('prefetchScope')}</span>
          <select
            value={scope}
            onChange={(e) => onSettings({ prefetchScope: e.target.value as PrefetchScope })}
          >
            {(Object.keys(SCOPE_LABEL) as PrefetchScope[]).map((value) => (
              <option key={value} value={value}>
                {t(SCOPE_LABEL[value])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('prefetchSpeed')}</span>
          <select value={kbps} onChange={(e) => onSettings({ prefetchKBps: Number(e.target.value) })}>
            {speeds.map((value) => (
              <option key={value} value={value}>
                {value === 0
                  ? t('prefetchSpeedNone')
                  : t('prefetchSpeedValue', { speed: formatBytes(value * 1024, locale) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {scope === 'folders' && (
        <fieldset className="prefetch-folders">
          <legend>{t('prefetchFolders')}</legend>
          {roots.map((root) => (
            <label key={root.path}>
              <input
                type="checkbox"
                checked={folders.includes(root.path)}
                onChange={(e) => toggleFolder(root.path, e.target.checked)}
              />
              <span>{root.path}</span>
            </label>
          ))}
          {folders.length === 0 && <p className="muted">{t('prefetchNoFolders')}</p>}
        </fieldset>
      )}
      {scope !== 'off' && status && <PrefetchProgress status={status} size={size} onPause={pause} />}
    </section>
  );
}

function PrefetchProgress(props: {
  status: PrefetchStatus;
  size(bytes: number): string;
  onPause(paused: boolean): void;
}) {
  const { t } = useI18n();
  const { status, size } = props;
  const values = {
    done: status.articlesDone,
    total: status.articlesTotal,
    pictures: status.picturesFetched,
    failed: status.picturesFailed,
    size: size(status.bytesFetched),
    speed: size(status.bytesPerSecond),
  };
  const text =
    status.state === 'running'
      ? t('prefetchRunning', values)
      : status.state === 'paused'
        ? t('prefetchPausedText', values)
        : status.state === 'cache-full'
          ? t('prefetchFull', values)
          : status.state === 'done'
            ? t('prefetchDone', values)
            : t('prefetchWaiting');
  const active = status.state === 'running' || status.state === 'paused';
  return (
    <div className="prefetch-progress" data-state={status.state}>
      {active && (
        <progress
          max={Math.max(1, status.articlesTotal)}
          value={status.articlesDone}
          aria-label={t('prefetchTitle')}
        />
      )}
      <p role="status" data-testid="prefetch-status">
        {text}
      </p>
      {active && (
        <button type="button" className="button" onClick={() => props.onPause(status.state === 'running')}>
          {t(status.state === 'running' ? 'prefetchPause' : 'prefetchResume')}
        </button>
      )}
    </div>
  );
}
