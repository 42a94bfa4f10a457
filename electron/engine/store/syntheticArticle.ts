// The article the stores' child processes (crashChild, raceChild) star and mark read: number n, its
// id n in 16 hex digits, a content hash of its own, in /archive. No vitest here: children run plain.

import type { ArticleSummary } from '../../../shared/types';

export function syntheticArticle(n: number): ArticleSummary {
  const id = n.toString(16).padStart(16, '0');
  return {
    id,
    contentHash: `c${id.slice(1)}`,
    path: `/archive/article-${n}.md`,
    root: '/archive',
    title: `Article ${n}`,
    date: '2022-08-06T04:07:06.000Z',
    dateSource: 'front-matter',
    categories: [],
    images: {},
    chars: 10,
    excerpt: '',
    bodyFormat: 'markdown',
    mtimeMs: 0,
    size: 10,
    degraded: false,
  };
}
