// Exports a list of articles as Markdown files (+ images), one HTML file (images embedded) or JSON.
// I/O is passed in (reading articles, getting image bytes); files are only ever created, never
// replaced (O_EXCL: an existing file or a planted link makes the write fail instead of following it),
// and only directly inside the destination. Progress after every article, cancel between articles,
// and a summary of what could not be exported.

import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type {
  Article,
  ArticleSummary,
  ExportFormat,
  ExportProgress,
  ExportSummary,
} from '../../../shared/types';
import { IMAGE_EXTENSIONS } from '../images/sniffImage';
import { exportHtml, exportMarkdown, imageSources } from './exportBody';
import { HTML_TAIL, htmlArticle, htmlHead, htmlToc, jsonEntry, markdownFile } from './exportDocuments';
import { NameAllocator, safeBaseName } from './exportFileNames';

/** Listed one by one in a summary; beyond this only counted. */
const MAX_LISTED_FAILURES = 500;
/** Images embedded in one HTML export, in bytes; the rest are listed as not embedded. */
const MAX_EMBEDDED_BYTES = 1024 * 1024 * 1024;
/** Images taken per article. */
const MAX_EXPORT_IMAGES_PER_ARTICLE = 200;

export type ImageBytes = { ok: true; bytes: Uint8Array; type: string } | { ok: false; reason: string };

export interface ExportDeps {
  /** The article in full, or why it could not be read. */
  readArticle(summary: ArticleSummary): Promise<Article | { error: string }>;
  /** An image of this article (remote from the cache or fetched, local from beside it). */
  image?(article: Article, src: string): Promise<ImageBytes>;
  isStarred(id: string): boolean;
  /** Read marks go into the JSON export (Wallabag's `is_archived`). Absent: nothing is read. */
  isRead?(id: string): boolean;
  signal?: AbortSignal;
  onProgress?(progress: ExportProgress): void;
  now?(): Date;
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/** One extension per picture type: the image cache's own table. */
const EXTENSIONS: Readonly<Record<string, string>> = IMAGE_EXTENSIONS;

/**
 * Runs one export. `destination`: for md a folder (created if missing); for html and json a file,
 * or an existing folder to put a new file in. Throws ExportError only when nothing can be written
 * at all (the destination is unusable); one bad article or image is a line in the summary.
 */
export async function runExport(
  articles: readonly ArticleSummary[],
  format: ExportFormat,
  destination: string,
  title: string,
  deps: ExportDeps,
): Promise<ExportSummary> {
  const started = performance.now();
  const summary: ExportSummary = {
    format,
    destination,
    total: articles.length,
    exported: 0,
    failed: [],
    failedCount: 0,
    imagesSaved: 0,
    imagesNotSaved: [],
    imagesNotSavedCount: 0,
    cancelled: false,
    bytesWritten: 0,
    elapsedMs: 0,
  };
  const fail = (summaryItem: ArticleSummary | Article, reason: string) => {
    summary.failedCount++;
    if (summary.failed.length < MAX_LISTED_FAILURES) {
      summary.failed.push({ title: summaryItem.title, path: summaryItem.path, reason });
    }
  };
  const imageMissed = (article: Article, src: string, reason: string) => {
    summary.imagesNotSavedCount++;
    if (summary.imagesNotSaved.length < MAX_LISTED_FAILURES) {
      summary.imagesNotSaved.push({ title: article.title, path: src.slice(0, 500), reason });
    }
  };
  const progress = () =>
    deps.onProgress?.({
      done: summary.exported + summary.failedCount,
      total: summary.total,
      failed: summary.failedCount,
    });
  const exportedAt = (deps.now?.() ?? new Date()).toISOString();

  const writer =
    format === 'md'
      ? await MarkdownWriter.open(destination)
      : await SingleFileWriter.open(destination, format, exportedAt);
  summary.destination = writer.destination;
  try {
    if (writer instanceof SingleFileWriter) {
      await writer.begin(title, articles);
    }
    for (const item of articles) {
      if (deps.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      let article: Article | { error: string };
      try {
        article = await deps.readArticle(item);
      } catch (error) {
        article = { error: (error as Error)?.message ?? String(error) };
      }
      if ('error' in article) {
        fail(item, article.error);
        progress();
        continue;
      }
      try {
        const images = await collectImages(article, format, writer, deps, imageMissed);
        summary.imagesSaved += images.saved;
        await writer.add(
          article,
          deps.isStarred(article.id),
          images.source,
          deps.isRead?.(article.id) ?? false,
        );
        summary.exported++;
      } catch (error) {
        fail(item, `It could not be written: ${(error as Error)?.message ?? String(error)}`);
      }
      progress();
    }
    if (summary.cancelled) await writer.abandon();
    else await writer.end();
  } catch (error) {
    await writer.abandon().catch(() => undefined);
    throw error;
  }
  summary.bytesWritten = writer.bytes;
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}

async function collectImages(
  article: Article,
  format: ExportFormat,
  writer: MarkdownWriter | SingleFileWriter,
  deps: ExportDeps,
  missed: (article: Article, src: string, reason: string) => void,
): Promise<{ saved: number; source: (src: string) => string | null }> {
  if (format === 'json') {
    return { saved: 0, source: (src) => (/^https?:/i.test(src) ? src : null) };
  }
  const sources = imageSources(article.html);
  const mapped = new Map<string, string>();
  let saved = 0;
  const wanted = sources.slice(0, MAX_EXPORT_IMAGES_PER_ARTICLE);
  for (const src of sources.slice(MAX_EXPORT_IMAGES_PER_ARTICLE)) {
    missed(article, src, `The article has more than ${MAX_EXPORT_IMAGES_PER_ARTICLE} pictures.`);
  }
  await Promise.all(
    wanted.map(async (src) => {
      if (/^data:image\/(png|jpeg|gif|webp)[;,]/i.test(src) && format === 'html') {
        mapped.set(src, src);
        return;
      }
      const got: ImageBytes = deps.image
        ? await deps
            .image(article, src)
            .catch((error: Error) => ({ ok: false as const, reason: error.message }))
        : { ok: false, reason: 'Pictures are not exported here.' };
      if (!got.ok) {
        missed(article, src, got.reason);
        return;
      }
      const placed = await writer.placeImage(got.bytes, got.type);
      if (placed === null) {
        missed(article, src, 'The export reached its size limit for pictures.');
        return;
      }
      mapped.set(src, placed);
      saved++;
    }),
  );
  // Markdown keeps a remote picture as a link when it could not be saved; HTML leaves it out (the
  // file must not reach the network when it is opened).
  const source = (src: string) => mapped.get(src) ?? (format === 'md' && /^https?:/i.test(src) ? src : null);
  return { saved, source };
}

class MarkdownWriter {
  bytes = 0;
  private readonly names: NameAllocator;
  private readonly imageNames = new Map<string, string>();
  private imagesDir: string | null = null;

  private constructor(
    readonly destination: string,
    existing: string[],
  ) {
    this.names = new NameAllocator(existing);
  }

  static async open(folder: string): Promise<MarkdownWriter> {
    try {
      await mkdir(folder, { recursive: true });
      const info = await stat(folder);
      if (!info.isDirectory()) throw new ExportError(`${folder} is a file; choose a folder for Markdown.`);
      return new MarkdownWriter(folder, await readdir(folder));
    } catch (error) {
      if (error instanceof ExportError) throw error;
      throw new ExportError(`The folder ${folder} cannot be used: ${(error as Error).message}`);
    }
  }

  async add(article: Article, starred: boolean, image: (src: string) => string | null): Promise<void> {
    const body = exportMarkdown(article.html, image, article.text);
    const name = this.names.take(
      safeBaseName(`${article.date.slice(0, 10)} ${article.title}`, article.id),
      '.md',
    );
    this.bytes += await createFile(this.destination, name, markdownFile(article, starred, body));
  }

  async placeImage(bytes: Uint8Array, type: string): Promise<string | null> {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
    const name = `${hash}.${EXTENSIONS[type] ?? 'img'}`;
    if (!this.imageNames.has(name)) {
      this.imageNames.set(name, name);
      const dir = await this.images();
      try {
        this.bytes += await createFile(dir, name, bytes);
      } catch (error) {
        // The same picture from an earlier export into this folder: same bytes, same name.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return `images/${name}`;
  }

  private async images(): Promise<string> {
    if (this.imagesDir) return this.imagesDir;
    const dir = join(this.destination, 'images');
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    // A link planted where the images go would send them elsewhere.
    if (!(await lstat(dir)).isDirectory()) throw new ExportError(`${dir} is not a folder.`);
    this.imagesDir = dir;
    return dir;
  }

  async end(): Promise<void> {}
  /** A cancelled Markdown export keeps the files already written (the summary says how many). */
  async abandon(): Promise<void> {}
}

class SingleFileWriter {
  bytes = 0;
  private embedded = 0;
  private first = true;
  private anchors = new Map<string, string>();

  private constructor(
    readonly destination: string,
    private readonly format: 'html' | 'json',
    private readonly file: import('node:fs/promises').FileHandle,
    private readonly exportedAt: string,
  ) {}

  static async open(path: string, format: 'html' | 'json', exportedAt: string): Promise<SingleFileWriter> {
    let target = path;
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const names = new NameAllocator(await readdir(path));
      target = join(path, names.take(`broadsheet-export-${exportedAt.slice(0, 10)}`, `.${format}`));
    } else if (info) {
      throw new ExportError(`${path} already exists; Broadsheet does not replace files. Choose a new name.`);
    }
    try {
      await mkdir(dirname(target), { recursive: true });
      const file = await open(target, 'wx', 0o644);
      return new SingleFileWriter(target, format, file, exportedAt);
    } catch (error) {
      throw new ExportError(`${basename(target)} cannot be created: ${(error as Error).message}`);
    }
  }

  async begin(title: string, articles: readonly ArticleSummary[]): Promise<void> {
    if (this.format === 'json') {
      await this.write(
        `{"generator":"Broadsheet","exported_at":${JSON.stringify(this.exportedAt)},"articles":[\n`,
      );
      return;
    }
    for (const [i, a] of articles.entries()) this.anchors.set(a.id, `a${i + 1}`);
    await this.write(htmlHead(title, articles.length, this.exportedAt));
    await this.write(
      htmlToc(articles.map((a) => ({ anchor: this.anchors.get(a.id)!, title: a.title, date: a.date }))),
    );
  }

  async add(
    article: Article,
    starred: boolean,
    image: (src: string) => string | null,
    read = false,
  ): Promise<void> {
    if (this.format === 'json') {
      const content = exportHtml(article.html, image, article.text);
      const entry = JSON.stringify(jsonEntry(article, starred, content, read));
      await this.write(`${this.first ? '' : ',\n'}${entry}`);
      this.first = false;
      return;
    }
    const body = exportHtml(article.html, image, article.text);
    await this.write(htmlArticle(article, this.anchors.get(article.id) ?? `a-${article.id}`, body));
  }

  async placeImage(bytes: Uint8Array, type: string): Promise<string | null> {
    if (!EXTENSIONS[type]) return null;
    if (this.embedded + bytes.length > MAX_EMBEDDED_BYTES) return null;
    this.embedded += bytes.length;
    return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
  }

  async end(): Promise<void> {
    await this.write(this.format === 'json' ? '\n]}\n' : HTML_TAIL);
    await this.file.close();
  }

  /** A cancelled single-file export is removed: half a document is worse than none. */
  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.destination, { force: true });
  }

  private async write(text: string): Promise<void> {
    const buffer = Buffer.from(text, 'utf8');
    await this.file.write(buffer);
    this.bytes += buffer.length;
  }
}

/** Creates `name` directly inside `folder`; fails if anything (a file, a link) is already there. */
async function createFile(folder: string, name: string, content: string | Uint8Array): Promise<number> {
  if (name.includes('/') || name.includes('\\') || name === '.' || name === '..') {
    throw new ExportError(`Refused the file name ${JSON.stringify(name)}.`);
  }
  const file = await open(join(folder, name), 'wx', 0o644);
  try {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await file.write(buffer);
    return buffer.length;
  } finally {
    await file.close();
  }
}
