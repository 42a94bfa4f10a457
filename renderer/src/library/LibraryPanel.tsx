import { useMemo, useState } from 'react';
import type { LanguageSetting, Problem, RootInfo, Settings, ThemeSetting } from '../../../shared/types';
import { Modal } from '../app/Modal';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { problemReason } from '../i18n/problemText';
import { type ImageCacheApi, ImageCacheSection } from './ImageCacheSection';
import { type PrefetchApi, PrefetchSection } from './PrefetchSection';

const STATUS_LABEL: Record<RootInfo['status'], MessageKey> = {
  scanning: 'libraryStatusScanning',
  ready: 'libraryStatusReady',
  missing: 'libraryStatusMissing',
  error: 'libraryStatusError',
};

/** Enough to scan by eye; the filter finds the rest. */
const PROBLEMS_SHOWN = 300;

/** How adding a typed folder went, in the user's language: shown in the panel, under the field. */
export interface AddOutcome {
  errors: string[];
  /** "Added 1 folder to the library.", or null when nothing was added. */
  added: string | null;
}

interface Props {
  roots: readonly RootInfo[];
  problems: readonly Problem[];
  settings: Settings | null;
  folderDialog: boolean;
  onPickFolders(): void;
  onAddPath(path: string): Promise<AddOutcome>;
  onRemove(path: string): void;
  onSettings(patch: Partial<Settings>): void;
  onClose(): void;
  /** The saved pictures (size, cap, Clear) and saving them ahead. */
  imageCache: ImageCacheApi & PrefetchApi;
}

let zoneList: string[] | null = null;

/** Every IANA zone this system knows (Intl), computed once. */
function timeZones(): string[] {
  zoneList ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return zoneList;
}

export function LibraryPanel(props: Props) {
  const { t, language } = useI18n();
  const [path, setPath] = useState('');
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<AddOutcome | null>(null);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const reasoned = props.problems.map((problem) => ({ problem, reason: problemReason(problem, language) }));
    // The filter finds a problem by its path, by the reason as shown, or by the English words (a
    // message someone quoted).
    const matching = needle
      ? reasoned.filter(
          ({ problem: p, reason }) =>
            p.path.toLowerCase().includes(needle) ||
            reason.toLowerCase().includes(needle) ||
            p.message.toLowerCase().includes(needle),
        )
      : reasoned;
    return { count: matching.length, list: matching.slice(0, PROBLEMS_SHOWN) };
  }, [props.problems, filter, language]);

  return (
    <Modal title={t('libraryTitle')} onClose={props.onClose} className="library-panel">
      <section aria-labelledby="library-folders">
        <h3 id="library-folders">{t('libraryFolders')}</h3>
        {props.roots.length === 0 ? (
          <p className="muted">{t('libraryNoFolders')}</p>
        ) : (
          <ul className="root-list">
            {props.roots.map((root) => (
              <li key={root.path} className={`root root-${root.status}`}>
                <div className="root-info">
                  <span className="root-path">{root.path}</span>
                  <span className="root-meta">
                    <span className={`status status-${root.status}`}>{t(STATUS_LABEL[root.status])}</span>
                    {' · '}
                    {root.articleCount === 1
                      ? t('articleCountOne')
                      : t('articleCount', { count: root.articleCount })}
                    {root.message && ` · ${root.message}`}
                  </span>
                </div>
                <button
                  type="button"
                  className="button"
                  aria-label={t('libraryRemoveNamed', { path: root.path })}
                  onClick={() => props.onRemove(root.path)}
                >
                  {t('libraryRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {props.folderDialog ? (
          <button type="button" className="button primary" data-autofocus onClick={props.onPickFolders}>
            {t('libraryAddFolder')}
          </button>
        ) : (
          <form
            className="add-path"
            onSubmit={(e) => {
              e.preventDefault();
              const typed = path.trim();
              if (!typed || adding) return;
              setAdding(true);
              setOutcome(null);
              void props.onAddPath(typed).then((result) => {
                setAdding(false);
                setOutcome(result);
                // A path that failed stays in the field, to be corrected rather than typed again.
                if (result.errors.length === 0) setPath('');
              });
            }}
          >
            <label>
              <span>{t('libraryPathLabel')}</span>
              <input
                type="text"
                value={path}
                data-autofocus
                placeholder={t('libraryPathPlaceholder')}
                spellCheck={false}
                aria-invalid={outcome !== null && outcome.errors.length > 0}
                aria-describedby="add-path-outcome"
                onChange={(e) => setPath(e.target.value)}
              />
            </label>
            <button type="submit" className="button primary" disabled={!path.trim() || adding}>
              {t('libraryAdd')}
            </button>
          </form>
        )}
        <div id="add-path-outcome" className="add-path-outcome">
          {outcome?.errors.map((message) => (
            <p key={message} className="add-path-error" role="alert">
              {message}
            </p>
          ))}
          {outcome?.added && (
            <p className="add-path-added" role="status">
              {outcome.added}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="library-problems">
        <h3 id="library-problems">{t('libraryProblems', { count: props.problems.length })}</h3>
        {props.problems.length === 0 ? (
          <p className="muted">{t('libraryNoProblems')}</p>
        ) : (
          <>
            <input
              type="search"
              className="problem-filter"
              aria-label={t('libraryProblemFilter')}
              placeholder={t('libraryProblemFilter')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <table className="problem-table">
              <thead>
                <tr>
                  <th scope="col">{t('libraryProblemFile')}</th>
                  <th scope="col">{t('libraryProblemReason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.list.map(({ problem: p, reason }) => (
                  <tr key={`${p.path}:${p.code}:${p.line ?? ''}`} className={`problem-${p.severity}`}>
                    <td className="problem-path">
                      {p.path}
                      {p.line !== undefined && (
                        <span className="muted"> ({t('libraryProblemLine', { line: p.line })})</span>
                      )}
                    </td>
                    <td>{reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.count > shown.list.length && (
              <p className="muted">
                {t('libraryProblemsTruncated', { shown: shown.list.length, count: shown.count })}
              </p>
            )}
          </>
        )}
      </section>

      <ImageCacheSection api={props.imageCache} settings={props.settings} onSettings={props.onSettings} />
      <PrefetchSection
        api={props.imageCache}
        settings={props.settings}
        roots={props.roots}
        onSettings={props.onSettings}
      />

      <section aria-labelledby="library-prefs" className="preferences">
        <h3 id="library-prefs">{t('libraryPreferences')}</h3>
        <label>
          <span>{t('themeLabel')}</span>
          <select
            value={props.settings?.theme ?? 'system'}
            onChange={(e) => props.onSettings({ theme: e.target.value as ThemeSetting })}
          >
            <option value="system">{t('themeSystem')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </label>
        <label>
          <span>{t('languageLabel')}</span>
          <select
            value={props.settings?.language ?? 'system'}
            onChange={(e) => props.onSettings({ language: e.target.value as LanguageSetting })}
          >
            <option value="system">{t('languageSystem')}</option>
            <option value="en" lang="en">
              English
            </option>
            <option value="zh-CN" lang="zh-CN">
              简体中文
            </option>
          </select>
        </label>
        <label>
          <span>{t('timeZoneLabel')}</span>
          <select
            value={props.settings?.dateTimeZone ?? ''}
            onChange={(e) => props.onSettings({ dateTimeZone: e.target.value })}
            aria-describedby="time-zone-hint"
          >
            <option value="">{t('timeZoneSystem')}</option>
            {timeZones().map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <p id="time-zone-hint" className="muted">
          {t('timeZoneHint')}
        </p>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={props.settings?.cleanUp ?? true}
            onChange={(e) => props.onSettings({ cleanUp: e.target.checked })}
            aria-describedby="clean-up-hint"
          />
          <span>{t('cleanUpLabel')}</span>
        </label>
        <p id="clean-up-hint" className="muted">
          {t('cleanUpHint')}
        </p>
      </section>
    </Modal>
  );
}
