// One export at a time, run by the engine: picks the articles (starred, a list of ids, a search),
// reads each in full, gets its pictures (from beside the article, from the image cache, or fetched
// when asked), and hands the rest to runExport. I/O comes from the library that owns it.

import { join } from 'node:path';
import type {
  Article,
  ArticleSummary,
  ExportProgress,
  ExportRequest,
  ExportSelection,
  ExportSummary,
} from '../../../shared/types';
import { remoteImageKey } from '../images/cacheIndex';
import type { ImageService } from '../images/ImageService';
import { type ExportDeps, ExportError, type ImageBytes, runExport } from './runExport';

export interface ExportLibrary {
  dataDir: string;
  /** The articles a selection means, in list order (newest first). */
  select(selection: ExportSelection): Promise<ArticleSummary[]>;
  readArticle(summary: ArticleSummary): Promise<Article | { error: string }>;
  isStarred(id: string): boolean;
  isRead?(id: string): boolean;
  /**
   * The library's own image service: one owner of the image cache per process (a second service
   * on the same folder would be a second writer of its index).
   */
  images(): ImageService | null;
  onProgress(progress: ExportProgress): void;
  warn?(message: string): void;
}

export interface ExportJobOptions {
  /** Fetch pictures that are neither beside the article nor in the image cache (needs the network). */
  fetchImages?: boolean;
  /** Progress events at most this often (the last one always goes). */
  progressEveryMs?: number;
}

/** Where an export goes when the host gave no destination (the browser build, tests). */
function defaultDestination(dataDir: string, format: ExportRequest['format'], now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return join(
    dataDir,
    'exports',
    format === 'md' ? `broadsheet-export-${stamp}` : `broadsheet-export-${stamp}.${format}`,
  );
}

export class ExportJobs {
  private running: AbortController | null = null;

  cancel(): void {
    this.running?.abort();
  }

  async run(
    request: ExportRequest,
    library: ExportLibrary,
    options: ExportJobOptions = {},
  ): Promise<ExportSummary> {
    if (this.running) throw new ExportError('An export is already running; wait for it or cancel it first.');
    const controller = new AbortController();
    this.running = controller;
    try {
      const articles = await library.select(request.selection);
      const images = library.images();
      let last = 0;
      const every = options.progressEveryMs ?? 100;
      const deps: ExportDeps = {
        readArticle: (summary) => library.readArticle(summary),
        isStarred: (id) => library.isStarred(id),
        isRead: (id) => library.isRead?.(id) ?? false,
        signal: controller.signal,
        onProgress: (progress) => {
          const now = performance.now();
          if (now - last >= every || progress.done === progress.total) {
            last = now;
            library.onProgress(progress);
          }
        },
        image: (article, src) => pictureFor(images, article, src, options.fetchImages === true),
      };
      const destination = request.destination ?? defaultDestination(library.dataDir, request.format);
      return await runExport(
        articles,
        request.format,
        destination,
        request.title ?? 'Broadsheet export',
        deps,
      );
    } finally {
      this.running = null;
    }
  }
}

async function pictureFor(
  images: ImageService | null,
  article: Article,
  src: string,
  fetch: boolean,
): Promise<ImageBytes> {
  if (!images) return { ok: false, reason: 'The image cache could not be opened.' };
  if (/^https?:/i.test(src)) {
    if (fetch) {
      const answer = await images.remote(src, article.id);
      return answer.ok ? answer : { ok: false, reason: answer.detail ?? answer.reason };
    }
    const cached = await images.cache.read(remoteImageKey(src), article.id);
    return cached
      ? { ok: true, bytes: cached.bytes, type: cached.type }
      : {
          ok: false,
          reason: 'Not in the image cache (read the article once, or export with pictures downloaded).',
        };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(src))
    return { ok: false, reason: 'Only web and local pictures are exported.' };
  const answer = await images.local(article.id, src);
  return answer.ok ? answer : { ok: false, reason: answer.detail ?? answer.reason };
}
