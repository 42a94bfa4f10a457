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
import { sanitizeArticleHtml } from './sanitize';

export interface ArticleContent {
  /** Detached element holding the (optional) head image and the sanitized body. */
  root: HTMLElement;
  headImage: HeadImageDecision;
}

export interface ArticleContentOptions {
  /** The article's title: a first heading that only repeats it is not shown again. */
  title?: string;
  /** Pictures are served by the app's image route for this article; without it they keep their address. */
  articleId?: string;
  /** Text of the line that replaces a picture that cannot be shown. */
  failureText: ImageFailureText;
  explain?: ExplainImage;
}

/** Builds the reading-pane content. Nothing loads until the caller connects `root`. */
export function buildArticleContent(
  html: string,
  head: string | undefined,
  options: ArticleContentOptions,
): ArticleContent {
  const body = document.createElement('div');
  body.className = 'bs-body';
  body.append(sanitizeArticleHtml(html));
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
