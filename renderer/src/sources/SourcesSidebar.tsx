// The sources sidebar: what the archive holds, as two separate lists (categories, and sources —
// authors and sites), each with its count; choosing one narrows the headline list (the filter's
// facet), choosing it again or "All articles" clears it. Collapsible and resizable (by mouse or by
// arrow keys on its edge), both remembered on this machine. Long lists are capped, with a filter box.

import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { FacetChoice, FacetCount, Facets } from '../headlines/listFilter';
import { useI18n } from '../i18n/I18nContext';
import type { UnreadByFacet } from '../read/readCounts';
import { narrowFacets } from './narrowFacets';
import { loadSidebarLayout, SIDEBAR_WIDTH, saveSidebarLayout } from './sidebarLayout';

interface Props {
  facets: Facets;
  facet: FacetChoice | null;
  onFacet(facet: FacetChoice | null): void;
  /** Articles in the library (the "All articles" count). */
  total: number;
  /** Unread articles per category and source (null until counted). */
  unread: UnreadByFacet | null;
  /** The timeline section (sources/TimelineSection), above the lists; absent while searching. */
  timeline?: ReactNode;
  /** The Folders list (sources/FoldersSection), above the categories. */
  folders?: ReactNode;
}

/**
 * The unread part of a count, in the accent colour, before the count: nothing when all are read,
 * and only the (accented) count when none is (like the day headers).
 */
export function Counts({ n, total }: { n: number; total: number }) {
  const { t } = useI18n();
  return (
    <>
      {n > 0 && n < total && (
        <span className="sources-unread" title={t('unreadCount', { count: n })}>
          {n}
          <span className="sr-only"> {t('unreadMark')},</span>
        </span>
      )}
      <span className={`sources-count${n > 0 && n === total ? ' all-unread' : ''}`}>
        {total}
        {n > 0 && n === total && <span className="sr-only"> {t('unreadMark')}</span>}
      </span>
    </>
  );
}

export function SourcesSidebar({ facets, facet, onFacet, total, unread, timeline, folders }: Props) {
  const { t } = useI18n();
  const [layout, setLayout] = useState(loadSidebarLayout);
  const [text, setText] = useState('');
  useEffect(() => saveSidebarLayout(layout), [layout]);
  const setWidth = (width: number) =>
    setLayout((l) => ({
      ...l,
      width: Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width))),
    }));

  const chosenCategory = facet?.kind === 'category' ? facet.value : null;
  const chosenSource = facet?.kind === 'author' ? facet.value : null;
  const categories = useMemo(
    () => narrowFacets(facets.categories, text, chosenCategory),
    [facets.categories, text, chosenCategory],
  );
  const sources = useMemo(
    () => narrowFacets(facets.authors, text, chosenSource),
    [facets.authors, text, chosenSource],
  );

  if (!layout.open) {
    return (
      <nav className="sources collapsed" aria-label={t('sourcesLabel')}>
        <button
          type="button"
          className="icon-button sources-toggle"
          aria-expanded={false}
          title={t('sourcesShow')}
          aria-label={t('sourcesShow')}
          onClick={() => setLayout((l) => ({ ...l, open: true }))}
        >
          »
        </button>
      </nav>
    );
  }

  const startDrag = (event: React.PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = layout.width;
    const move = (e: PointerEvent) => setWidth(startWidth + e.clientX - startX);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    event.preventDefault();
  };

  const list = (kind: FacetChoice['kind'], title: string, narrowed: ReturnType<typeof narrowFacets>) => (
    <section className="sources-section" aria-label={title}>
      <h2 className="sources-heading">{title}</h2>
      {narrowed.shown.length === 0 ? (
        <p className="sources-none">{t('sourcesNone')}</p>
      ) : (
        <ul className="sources-list">
          {narrowed.shown.map((f: FacetCount) => {
            const on = facet?.kind === kind && facet.value === f.value;
            return (
              <li key={f.value}>
                <button
                  type="button"
                  className="sources-item"
                  aria-pressed={on}
                  onClick={() => onFacet(on ? null : { kind, value: f.value })}
                >
                  <span className="sources-name">{f.value}</span>
                  <Counts
                    n={(kind === 'category' ? unread?.categories : unread?.authors)?.get(f.value) ?? 0}
                    total={f.count}
                  />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {narrowed.hidden > 0 && <p className="sources-more">{t('sourcesMore', { count: narrowed.hidden })}</p>}
    </section>
  );

  return (
    <nav className="sources" aria-label={t('sourcesLabel')} style={{ width: layout.width }}>
      <div className="sources-top">
        <button
          type="button"
          className="sources-item sources-all"
          aria-pressed={facet === null}
          onClick={() => onFacet(null)}
        >
          <span className="sources-name">{t('sourcesAll')}</span>
          <Counts n={unread?.total ?? 0} total={total} />
        </button>
        <button
          type="button"
          className="icon-button sources-toggle"
          aria-expanded={true}
          title={t('sourcesHide')}
          aria-label={t('sourcesHide')}
          onClick={() => setLayout((l) => ({ ...l, open: false }))}
        >
          «
        </button>
      </div>
      <input
        type="search"
        className="sources-filter"
        aria-label={t('sourcesFilter')}
        placeholder={t('sourcesFilter')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="sources-lists">
        {timeline}
        {folders}
        {list('category', t('filterCategories'), categories)}
        {list('author', t('filterSources'), sources)}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA pattern for a resizable pane */}
      <div
        className="sources-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('sourcesResize')}
        aria-valuemin={SIDEBAR_WIDTH.min}
        aria-valuemax={SIDEBAR_WIDTH.max}
        aria-valuenow={layout.width}
        tabIndex={0}
        onPointerDown={startDrag}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
            e.preventDefault();
            e.stopPropagation();
            setWidth(layout.width + (e.key === 'ArrowLeft' ? -16 : 16));
          }
        }}
      />
    </nav>
  );
}
