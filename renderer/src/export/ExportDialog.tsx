import { useEffect, useEffectEvent, useState } from 'react';
import type { BroadsheetApi, LibraryEvent } from '../../../shared/contract';
import type { ExportFormat, ExportProgress, ExportSelection, ExportSummary } from '../../../shared/types';
import { Modal } from '../app/Modal';
import { useI18n } from '../i18n/I18nContext';

type Scope = 'list' | 'starred' | 'article';

interface Props {
  api: Pick<BroadsheetApi, 'exportArticles' | 'cancelExport' | 'onEvent'>;
  /** Ids of the current list (view + filters + search), in list order. */
  listIds: readonly string[];
  starredCount: number;
  /** The open article, when there is one. */
  articleId: string | null;
  onClose(): void;
}

type Phase =
  | { kind: 'choose' }
  | { kind: 'running'; progress: ExportProgress | null }
  | { kind: 'done'; summary: ExportSummary }
  | { kind: 'error'; message: string };

/** Export: what (the list, the starred, the open article), which format, then progress and a summary. */
export function ExportDialog({ api, listIds, starredCount, articleId, onClose }: Props) {
  const { t } = useI18n();
  const [scope, setScope] = useState<Scope>(listIds.length > 0 ? 'list' : 'starred');
  const [format, setFormat] = useState<ExportFormat>('md');
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const running = phase.kind === 'running';
  const onEvent = useEffectEvent((event: LibraryEvent) => {
    if (event.type === 'export-progress' && running) setPhase({ kind: 'running', progress: event.progress });
  });
  useEffect(() => api.onEvent(onEvent), [api]);

  const counts: Record<Scope, number> = {
    list: listIds.length,
    starred: starredCount,
    article: articleId ? 1 : 0,
  };
  const start = () => {
    const selection: ExportSelection =
      scope === 'starred'
        ? { kind: 'starred' }
        : { kind: 'ids', ids: scope === 'article' && articleId ? [articleId] : [...listIds] };
    setPhase({ kind: 'running', progress: null });
    api.exportArticles({ selection, format, title: t('exportFileTitle') }).then(
      (summary) => setPhase({ kind: 'done', summary }),
      (error: Error) => setPhase({ kind: 'error', message: error.message }),
    );
  };
  // Closing while running cancels: the export stops after the article it is on.
  const close = () => {
    if (running) void api.cancelExport();
    onClose();
  };

  return (
    <Modal title={t('exportTitle')} onClose={close} className="export-dialog">
      {phase.kind === 'choose' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <fieldset>
            <legend>{t('exportWhat')}</legend>
            {(['list', 'starred', 'article'] as const).map((s) => (
              <label key={s} className="radio-row">
                <input
                  type="radio"
                  name="export-scope"
                  value={s}
                  checked={scope === s}
                  disabled={counts[s] === 0}
                  onChange={() => setScope(s)}
                  data-autofocus={scope === s ? '' : undefined}
                />
                <span>
                  {t(s === 'list' ? 'exportList' : s === 'starred' ? 'exportStarred' : 'exportArticle')}{' '}
                  <span className="muted">({counts[s]})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('exportFormat')}</legend>
            {(['md', 'html', 'json'] as const).map((f) => (
              <label key={f} className="radio-row">
                <input
                  type="radio"
                  name="export-format"
                  value={f}
                  checked={format === f}
                  onChange={() => setFormat(f)}
                />
                <span>{t(f === 'md' ? 'exportMd' : f === 'html' ? 'exportHtml' : 'exportJson')}</span>
              </label>
            ))}
          </fieldset>
          <p className="muted">{t('exportImagesNote')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {t('cancel')}
            </button>
            <button type="submit" className="button primary" disabled={counts[scope] === 0}>
              {t('exportStart', { count: String(counts[scope]) })}
            </button>
          </div>
        </form>
      )}
      {phase.kind === 'running' && (
        <div className="export-running">
          <p role="status">
            {phase.progress
              ? t('exportProgress', {
                  done: String(phase.progress.done),
                  total: String(phase.progress.total),
                })
              : t('exportPreparing')}
          </p>
          <progress max={phase.progress?.total || 1} value={phase.progress?.done ?? 0} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => void api.cancelExport()}>
              {t('exportCancel')}
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'done' && <ExportReport summary={phase.summary} onClose={onClose} />}
      {phase.kind === 'error' && (
        <div>
          <p className="error" role="alert">
            {t('exportFailed', { message: phase.message })}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} data-autofocus>
              {t('close')}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}

function ExportReport({ summary: s, onClose }: { summary: ExportSummary; onClose(): void }) {
  const { t } = useI18n();
  return (
    <div className="export-report">
      <p role="status">
        {s.cancelled && s.destination === ''
          ? t('exportCancelledBefore')
          : t(s.cancelled ? 'exportCancelled' : 'exportDone', {
              exported: String(s.exported),
              total: String(s.total),
            })}
      </p>
      {s.destination && <p className="export-destination">{s.destination}</p>}
      {s.destination && (
        <p className="muted">
          {t('exportPictures', { saved: String(s.imagesSaved), missed: String(s.imagesNotSavedCount) })}
        </p>
      )}
      {s.failedCount > 0 && (
        <details open>
          <summary>{t('exportFailedList', { count: String(s.failedCount) })}</summary>
          <ul>
            {s.failed.map((f) => (
              <li key={f.path}>
                <strong>{f.title}</strong>: {f.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.imagesNotSavedCount > 0 && (
        <details>
          <summary>{t('exportPicturesList', { count: String(s.imagesNotSavedCount) })}</summary>
          <ul>
            {s.imagesNotSaved.map((f) => (
              <li key={`${f.title}:${f.path}`}>
                {f.title}: <code>{f.path}</code> ({f.reason})
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
