// What an export (export/exportJob) needs from the library: the articles its selection means, in
// list order (newest first), each read in full with the current parse settings, whether it is
// starred or read, and the library's own image service.

import type { LibraryEvent } from '../../../shared/contract';
import type { ArticleSummary, ExportSelection, SearchQuery, SearchResult } from '../../../shared/types';
import type { ExportLibrary } from '../export/exportJob';
import type { ImageService } from '../images/ImageService';
import type { ParseOptions } from '../parse/parseArticle';
import { readArticleFile } from '../parse/readArticleFile';

export interface SelectionSource {
  get(id: string): ArticleSummary | undefined;
  /** Every listed article, newest first. */
  list(): ArticleSummary[];
  isStarred(id: string): boolean;
  search(query: SearchQuery): Promise<SearchResult>;
}

/**
 * The articles a selection means: a list of ids (each once, those still listed), the starred ones,
 * or a search (every match; no query and no filter: everything).
 */
export async function selectForExport(
  selection: ExportSelection,
  source: SelectionSource,
): Promise<ArticleSummary[]> {
  const pick = (ids: Iterable<string>) => {
    const out: ArticleSummary[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const found = seen.has(id) ? undefined : source.get(id);
      seen.add(id);
      if (found) out.push(found);
    }
    return out;
  };
  if (selection.kind === 'ids') return pick(selection.ids);
  if (selection.kind === 'starred') return source.list().filter((a) => source.isStarred(a.id));
  const { text, filters } = selection.query;
  if (text.trim() === '' && (!filters || Object.keys(filters).length === 0)) return source.list();
  const result = await source.search({ ...selection.query, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  return pick(result.matches.map((m) => m.id));
}

export interface ExportSource extends SelectionSource {
  dataDir: string;
  isRead(id: string): boolean;
  parseOptions(): ParseOptions;
  images(): ImageService | null;
  emit(event: LibraryEvent): void;
}

export function libraryExport(source: ExportSource): ExportLibrary {
  return {
    dataDir: source.dataDir,
    select: (selection) => selectForExport(selection, source),
    readArticle: async (summary) => {
      const outcome = await readArticleFile(summary.path, summary.root, source.parseOptions());
      return outcome.article ?? { error: outcome.problems[0]?.message ?? 'The file could not be read.' };
    },
    isStarred: (id) => source.isStarred(id),
    isRead: (id) => source.isRead(id),
    images: () => source.images(),
    onProgress: (progress) => source.emit({ type: 'export-progress', progress }),
  };
}
