// Test and bench helpers: the search tests' IndexDoc shape as articles the library database stores.

import type { IndexDoc } from '../../search/testing/searchDoc';
import type { StoredArticleInput } from '../LibraryDb';

export function isoDate(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function storedArticle(doc: IndexDoc, root = '/lib'): StoredArticleInput {
  const article: StoredArticleInput = {
    id: doc.id,
    contentHash: `h-${doc.id}`,
    path: doc.path ?? `${root}/${doc.id}.md`,
    root,
    title: doc.title,
    date: isoDate(doc.dateMs),
    dateSource: 'front-matter',
    categories: doc.categories,
    images: {},
    chars: doc.text.length,
    excerpt: doc.text.slice(0, 200),
    bodyFormat: 'markdown',
    mtimeMs: 0,
    size: doc.text.length,
    degraded: false,
    text: doc.text,
    problems: [],
  };
  if (doc.author !== undefined) article.author = doc.author;
  return article;
}
