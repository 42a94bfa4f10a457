import { removeRepeatedTitle } from './displayHtml';
import { decideHeadImage, type HeadImageDecision } from './headImage';
import { sanitizeArticleHtml } from './sanitize';
import { safeImageSrc } from './urls';

export interface ArticleContent {
  /** Detached element holding the (optional) head image and the sanitized body. */
  root: HTMLElement;
  headImage: HeadImageDecision;
}

/** Builds the reading-pane content. Nothing loads until the caller connects `root`. */
export function buildArticleContent(
  html: string,
  head: string | undefined,
  unavailable: string,
  title?: string,
): ArticleContent {
  const body = document.createElement('div');
  body.className = 'bs-body';
  body.append(sanitizeArticleHtml(html));
  if (title) removeRepeatedTitle(body, title);
  const headImage = decideHeadImage(head, body);
  const root = document.createElement('div');
  root.className = 'bs-article';
  if (headImage === 'show') {
    const figure = document.createElement('figure');
    figure.className = 'bs-head-image';
    const img = document.createElement('img');
    img.setAttribute('src', safeImageSrc(head!)!);
    img.setAttribute('alt', '');
    img.setAttribute('referrerpolicy', 'no-referrer');
    img.setAttribute('decoding', 'async');
    figure.append(img);
    root.append(figure);
  }
  root.append(body);
  attachImageFallbacks(root, unavailable);
  return { root, headImage };
}

/** A readable box instead of a broken image: "alt — Image unavailable (offline?)". */
export function imagePlaceholder(img: HTMLImageElement, unavailable: string): HTMLElement {
  const box = document.createElement('span');
  box.className = 'bs-img-missing';
  const alt = (img.getAttribute('alt') ?? '').trim();
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', alt ? `${alt} — ${unavailable}` : unavailable);
  box.textContent = alt ? `${alt} — ${unavailable}` : unavailable;
  return box;
}

/**
 * Listeners are attached by this code before the images are connected, so no markup handler is
 * ever needed (and none would survive sanitizing).
 */
export function attachImageFallbacks(root: ParentNode, unavailable: string): void {
  for (const img of root.querySelectorAll('img')) {
    if (!img.getAttribute('src')) {
      img.replaceWith(imagePlaceholder(img, unavailable));
      continue;
    }
    img.addEventListener('error', () => img.replaceWith(imagePlaceholder(img, unavailable)), { once: true });
  }
}
