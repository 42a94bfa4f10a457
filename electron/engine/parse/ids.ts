import { hash } from 'node:crypto';
import { isUndated } from '../../../shared/articleOrder';
import type { Article, ArticleSummary, ListedArticle } from '../../../shared/types';

// One-shot crypto.hash is about twice as fast as createHash().update().digest() for inputs this small.

/** Stable id of a file in the library: the first 16 hex digits of the SHA-1 of its absolute path. */
export function articleIdForPath(absPath: string): string {
  return hash('sha1', absPath, 'hex').slice(0, 16);
}

/**
 * Fingerprint of what the article says, independent of where it lives: follows it across renames.
 * Fields are NUL-separated so ("ab", "c") and ("a", "bc") differ. SHA-1 is streaming, so hashing the
 * joined string gives the digest the field-by-field updates always gave: stored hashes stay valid.
 */
export function contentHashOf(
  title: string,
  dateIso: string,
  author: string | undefined,
  text: string,
): string {
  return hash('sha1', `${title}\0${dateIso}\0${author ?? ''}\0${text}`, 'hex').slice(0, 16);
}

/** The list-sized part of an article (drops html, text, extra and problems). */
export function toSummary(article: Article): ArticleSummary {
  const summary: ArticleSummary = {
    id: article.id,
    contentHash: article.contentHash,
    path: article.path,
    root: article.root,
    title: article.title,
    date: article.date,
    dateSource: article.dateSource,
    categories: article.categories,
    images: article.images,
    chars: article.chars,
    excerpt: article.excerpt,
    bodyFormat: article.bodyFormat,
    mtimeMs: article.mtimeMs,
    size: article.size,
    degraded: article.degraded,
  };
  if (article.author !== undefined) summary.author = article.author;
  if (article.originalUrl !== undefined) summary.originalUrl = article.originalUrl;
  if (article.siteName !== undefined) summary.siteName = article.siteName;
  return summary;
}

/** What the window's list gets of a summary (see ListedArticle); `folder`: its number in the library's FolderTable. */
export function toListed(summary: ArticleSummary, folder: number): ListedArticle {
  const listed: ListedArticle = {
    id: summary.id,
    contentHash: summary.contentHash,
    title: summary.title,
    date: summary.date,
    categories: summary.categories,
    mtimeMs: summary.mtimeMs,
    folder,
  };
  if (summary.author !== undefined) listed.author = summary.author;
  if (isUndated(summary)) listed.undated = true;
  return listed;
}
