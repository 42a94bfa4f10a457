import {
  attachImageFailures,
  type ExplainImage,
  explainByFetch,
  headImageRoute,
  type ImageFailureText,
  routeArticleImages,
} from './articleImages';
import { removeRepeatedTitle } from './displayHtml';
import { decideHeadImage, type HeadImageDecision } from './headImage';
import { sanitizeArticleHtml, UNAVAILABLE_HREF_ATTR } from './sanitize';

interface ArticleContent {
  /** Detached element holding the (optional) head image and the sanitized body. */
  root: HTMLElement;
  headImage: HeadImageDecision;
}

interface ArticleContentOptions {
  /** The article's title: a first heading that only repeats it is not shown again. */
  title?: string;
  /** Pictures are served by the app's image route for this article; without it they keep their address. */
  articleId?: string;
  /** Text of the line that replaces a picture that cannot be shown. */
  failureText: ImageFailureText;
  explain?: ExplainImage;
  /** The article's address on the web: relative links resolve against it. */
  baseUrl?: string;
  /** Tooltip of a relative link that could not be resolved (no baseUrl). */
  unavailableLinkText?: (href: string) => string;
}

/**
 * The pane's own bound on one article, behind the engine's (which counts what a browser would build
 * before the article is ever sent, see elementBudget.ts): markup that sanitized into more elements
 * than this, or took longer than this to sanitize, is not laid out; the caller shows the text.
 * Twice the engine's element budget, so only what the engine could not foresee trips it.
 */
export const MAX_PANE_ELEMENTS = 100_000;
const MAX_PANE_SANITIZE_MS = 3_000;

interface PaneBound {
  maxElements: number;
  maxMs: number;
  now(): number;
}

const PANE_BOUND: PaneBound = {
  maxElements: MAX_PANE_ELEMENTS,
  maxMs: MAX_PANE_SANITIZE_MS,
  now: () => performance.now(),
};

/** The sanitized body, or null when it is over the pane's bound (elements or time). */
export function sanitizeWithinBound(
  html: string,
  bound: PaneBound = PANE_BOUND,
  baseUrl?: string,
): DocumentFragment | null {
  const started = bound.now();
  const fragment = sanitizeArticleHtml(html, { baseUrl });
  if (bound.now() - started > bound.maxMs) return null;
  return countElements(fragment, bound.maxElements) > bound.maxElements ? null : fragment;
}

/** Elements under `node`, counting stops once `limit` is passed. */
export function countElements(node: Node, limit: number): number {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
  let count = 0;
  while (walker.nextNode() && ++count <= limit) {
    // counting
  }
  return count;
}

/**
 * Builds the reading-pane content. Nothing loads until the caller connects `root`. Returns null
 * when the body is over the pane's bound (MAX_PANE_ELEMENTS, MAX_PANE_SANITIZE_MS).
 */
export function buildArticleContent(
  html: string,
  head: string | undefined,
  options: ArticleContentOptions,
): ArticleContent | null {
  const fragment = sanitizeWithinBound(html, PANE_BOUND, options.baseUrl);
  if (!fragment) return null;
  for (const link of fragment.querySelectorAll(`a[${UNAVAILABLE_HREF_ATTR}]`)) {
    const href = link.getAttribute(UNAVAILABLE_HREF_ATTR) ?? '';
    if (options.unavailableLinkText) link.setAttribute('title', options.unavailableLinkText(href));
  }
  const body = document.createElement('div');
  body.className = 'bs-body';
  body.append(fragment);
  if (options.title) removeRepeatedTitle(body, options.title);
  // Decided on the pictures' own addresses, before they are pointed at the image route.
  const headImage = decideHeadImage(head, body);
  if (options.articleId) routeArticleImages(body, options.articleId);
  const root = document.createElement('div');
  root.className = 'bs-article';
  if (headImage === 'show') {
    const figure = document.createElement('figure');
    figure.className = 'bs-head-image';
    const img = document.createElement('img');
    img.setAttribute('src', headImageRoute(head!, options.articleId)!);
    img.setAttribute('alt', '');
    img.setAttribute('referrerpolicy', 'no-referrer');
    img.setAttribute('decoding', 'async');
    figure.append(img);
    root.append(figure);
  }
  root.append(body);
  attachImageFailures(root, options.failureText, options.explain ?? explainByFetch);
  return { root, headImage };
}
