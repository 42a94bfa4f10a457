// The window's frame: the top bar, the scan progress over the main area, the drop overlay and the
// dialogs. No state of its own; App decides what goes in each place.

import type { ReactNode, RefObject } from 'react';
import type { ScanProgress as Progress, SearchOrder } from '../../../shared/types';
import { useI18n } from '../i18n/I18nContext';
import { ScanProgress } from '../library/ScanProgress';
import { SearchBox } from '../search/SearchBox';

interface TopBarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (query: string) => void;
  onSearchEscape: () => void;
  onEnterResults: () => void;
  exactCharacters: boolean;
  onExactCharacters: (exact: boolean) => void;
  searchOrder: SearchOrder;
  onSearchOrder: (order: SearchOrder) => void;
  onShowLibrary: () => void;
  onShowExport: () => void;
  onShowShortcuts: () => void;
}

export function TopBar(props: TopBarProps) {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">B</span>
        <span className="brand-name">{t('appName')}</span>
      </div>
      <SearchBox
        ref={props.searchRef}
        value={props.query}
        onChange={props.onQuery}
        onEscape={props.onSearchEscape}
        onEnterResults={props.onEnterResults}
        exactCharacters={props.exactCharacters}
        onExactCharacters={props.onExactCharacters}
      />
      {props.query.trim() !== '' && (
        <select
          className="search-order"
          aria-label={t('searchOrderLabel')}
          value={props.searchOrder}
          onChange={(e) => props.onSearchOrder(e.target.value as SearchOrder)}
        >
          <option value="relevance">{t('searchOrderRelevance')}</option>
          <option value="newest">{t('searchOrderNewest')}</option>
        </select>
      )}
      <div className="topbar-actions">
        <button type="button" className="button" onClick={props.onShowExport}>
          {t('exportButton')}
        </button>
        <button type="button" className="button" onClick={props.onShowLibrary}>
          {t('libraryButton')}
        </button>
        <button
          type="button"
          className="icon-button round"
          aria-label={t('shortcutsButton')}
          title={`${t('shortcutsButton')} (?)`}
          onClick={props.onShowShortcuts}
        >
          ?
        </button>
      </div>
    </header>
  );
}

interface AppLayoutProps {
  dragging: boolean;
  topBar: ReactNode;
  progress: Progress;
  /** The headlines and the reading pane, or the empty-library invitation. */
  children: ReactNode;
  /** Dialogs and toasts, over everything. */
  overlays: ReactNode;
}

export function AppLayout({ dragging, topBar, progress, children, overlays }: AppLayoutProps) {
  const { t } = useI18n();
  return (
    <div className={`app${dragging ? ' dragging' : ''}`}>
      {topBar}
      <main className="main">
        <ScanProgress progress={progress} />
        {children}
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">{t('dropHere')}</div>
        </div>
      )}
      {overlays}
    </div>
  );
}

/** Before the library is on screen: loading, or why it failed with a way to try again. */
export function BootScreen({ failure, onRetry }: { failure: string | null; onRetry: () => void }) {
  const { t } = useI18n();
  if (failure === null) {
    return (
      <div className="boot" role="status">
        {t('loading')}
      </div>
    );
  }
  return (
    <div className="boot" role="alert">
      <p>{t('loadFailed', { message: failure })}</p>
      <button type="button" className="button primary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
