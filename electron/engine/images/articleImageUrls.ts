// The remote pictures an article shows: every <img src> in its body that is an http(s) address
// (scheme-relative ones read as https, as the reading pane does), then its front-matter images.
// Used to prefetch starred articles; bounded like the pane's own requests.

import { Parser } from 'htmlparser2';
import type { Article } from '../../../shared/types';
import { MAX_IMAGE_URL_CHARS, MAX_IMAGES_PER_ARTICLE } from './imageLimits';

function remoteUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  // Browsers ignore ASCII whitespace and control characters around and inside URLs.
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const url = compact.startsWith('//') ? `https:${compact}` : compact;
  if (!/^https?:\/\//i.test(url) || url.length > MAX_IMAGE_URL_CHARS) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

export function articleImageUrls(
  article: Pick<Article, 'html' | 'images'>,
  limit = MAX_IMAGES_PER_ARTICLE,
): string[] {
  const found = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'img' || found.size >= limit) return;
        const url = remoteUrl(attributes.src);
        if (url) found.add(url);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(article.html);
  for (const field of [
    article.images.head,
    article.images.cover,
    article.images.image,
    article.images.thumbnail,
  ]) {
    if (found.size >= limit) break;
    const url = remoteUrl(field);
    if (url) found.add(url);
  }
  return [...found];
}
