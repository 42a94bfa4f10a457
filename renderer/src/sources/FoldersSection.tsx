// The sidebar's Folders list: each library root and its top-level folders, with their counts and
// unread counts; choosing one narrows the headline list to it (the filter's folder facet), choosing
// it again clears it. Folder names come from the disk: shown as text, never as markup.

import type { FacetChoice } from '../headlines/listFilter';
import { useI18n } from '../i18n/I18nContext';
import type { FolderEntry } from './folderEntries';
import { Counts } from './SourcesSidebar';

interface Props {
  entries: readonly FolderEntry[];
  facet: FacetChoice | null;
  onFacet(facet: FacetChoice | null): void;
  /** Whether the unread counts are known yet (they are counted in the background). */
  counted: boolean;
}

export function FoldersSection({ entries, facet, onFacet, counted }: Props) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <section className="sources-section" aria-label={t('foldersLabel')}>
      <h2 className="sources-heading">{t('foldersLabel')}</h2>
      <ul className="sources-list">
        {entries.map((entry) => {
          const on = facet?.kind === 'folder' && facet.value === entry.path;
          return (
            <li key={entry.path}>
              <button
                type="button"
                className={`sources-item${entry.depth === 1 ? ' sources-nested' : ' sources-root'}`}
                aria-pressed={on}
                title={entry.path}
                onClick={() => onFacet(on ? null : { kind: 'folder', value: entry.path })}
              >
                <span className="sources-name">{entry.name}</span>
                <Counts n={counted ? entry.unread : 0} total={entry.count} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
