import { createHash } from 'node:crypto';
import type { Article, ArticleSummary } from '../../../shared/types';

/** Stable id of a file in the library: the first 16 hex digits of the SHA-1 of its absolute path. */
export function articleIdForPath(absPath: string): string {
  return createHash('sha1').update(absPath).digest('hex').slice(0, 16);
}

/**
 * Fingerprint of what the article says, independent of where it lives: follows it across renames.
 * Fields are NUL-separated so ("ab", "c") and ("a", "bc") differ.
 */
export function contentHashOf(
  title: string,
  dateIso: string,
  author: string | undefined,
  text: string,
): string {
  return createHash('sha1')
    .update(title)
    .update('\0')
    .update(dateIso)
    .update('\0')
    .update(author ?? '')
    .update('\0')
    .update(text)
    .digest('hex')
    .slice(0, 16);
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
  return summary;
}
