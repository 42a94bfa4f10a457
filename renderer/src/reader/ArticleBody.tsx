import { useEffectEvent, useLayoutEffect, useRef } from 'react';
import { perfMarkAfterPaint } from '../perf/marks';
import { buildArticleContent } from './articleContent';
import type { ImageFailureText } from './articleImages';
import { ARTICLE_CSS } from './articleStyles';
import { displayText } from './displayHtml';
import { clearMatches, markMatches } from './highlightMatches';
import type { ViewerPicture } from './ImageViewer';
import { scrollWithin } from './scrollWithin';

interface Props {
  /** Markup to sanitize and show; null shows `text` instead (displayHtml decides). */
  html: string | null;
  /** The article's title: a first heading that only repeats it is not shown again. */
  title: string;
  headImage: string | undefined;
  /** The article's id: its pictures are served by the app's image route for it. */
  articleId: string;
  /** Text of the line that replaces a picture that cannot be shown. */
  failureText: ImageFailureText;
  /**
   * The article's plain text: shown when `html` is null, and (after `overBoundNote`) when the
   * markup is over the pane's own bound.
   */
  text: string;
  overBoundNote: string;
  /** The note under text cut at MAX_DISPLAY_TEXT_CHARS, given how many characters were left out. */
  textCutNote(omitted: number): string;
  onOpenLink(url: string): void;
  /** The article's address on the web: relative links resolve against it. */
  baseUrl?: string;
  /** Tooltip of a relative link that cannot be resolved. */
  unavailableLinkText(href: string): string;
  /** A picture was clicked: the article's shown pictures, and which one. */
  onOpenImage(pictures: ViewerPicture[], index: number): void;
  /** The search being shown: its matches are marked in the article ([ and ] step through them). */
  highlight?: { query: string; exactCharacters: boolean } | undefined;
  /** How many matches of the highlight were marked (0 without a search), after each marking. */
  onMatchCount?: (count: number) => void;
}

let articleSheet: CSSStyleSheet | null = null;

/**
 * The article's stylesheet, adopted by its shadow root: a constructed stylesheet needs no
 * style-src 'unsafe-inline' in the CSP (a <style> element would). Returns the nodes to put before
 * the content: none where adoptedStyleSheets exists (every Chromium); a <style> element elsewhere
 * (jsdom in unit tests).
 */
function articleStyles(root: ShadowRoot): Node[] {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    if (!articleSheet) {
      articleSheet = new CSSStyleSheet();
      articleSheet.replaceSync(ARTICLE_CSS);
    }
    root.adoptedStyleSheets = [articleSheet];
    return [];
  }
  const style = document.createElement('style');
  style.textContent = ARTICLE_CSS;
  return [style];
}

/**
 * The sanitized article inside a Shadow DOM root. Chosen over a sandboxed iframe because the
 * article then flows in the pane's own scroll (Space, focus, find-in-page, measuring) while its
 * markup still cannot restyle, cover or query the app: our selectors do not cross the boundary,
 * style elements and attributes are stripped anyway, and nothing in it can run (sanitized + CSP).
 */
export function ArticleBody({
  html,
  title,
  headImage,
  articleId,
  failureText,
  text,
  overBoundNote,
  textCutNote,
  onOpenLink,
  onOpenImage,
  baseUrl,
  unavailableLinkText,
  highlight,
  onMatchCount,
}: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLElement | null>(null);
  // Effect events: the content is built when the article changes, not when these callbacks do, and
  // its listeners call this render's callbacks.
  const openLink = useEffectEvent(onOpenLink);
  const openImage = useEffectEvent(onOpenImage);
  const failureTextNow = useEffectEvent(failureText);
  const textCutNoteNow = useEffectEvent(textCutNote);
  const unavailableNow = useEffectEvent(unavailableLinkText);

  useLayoutEffect(() => {
    const host = hostRef.current!;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = articleStyles(root);
    const built =
      html === null
        ? null
        : buildArticleContent(html, headImage, {
            title,
            articleId,
            baseUrl,
            unavailableLinkText: (href) => unavailableNow(href),
            failureText: (failure) => failureTextNow(failure),
          });
    let content: HTMLElement;
    if (built) {
      content = built.root;
      root.replaceChildren(...style, content);
    } else {
      // One text node, however long: nothing to parse, sanitize or lay out element by element.
      content = document.createElement('div');
      content.className = 'bs-body bs-plain';
      const shown = displayText(text);
      content.textContent = shown.text;
      const note = (line: string) => {
        const p = document.createElement('p');
        p.className = 'bs-note';
        p.textContent = line;
        return p;
      };
      root.replaceChildren(
        ...style,
        ...(html === null ? [] : [note(overBoundNote)]),
        content,
        ...(shown.omitted > 0 ? [note(textCutNoteNow(shown.omitted))] : []),
      );
    }
    contentRef.current = content;
    perfMarkAfterPaint('article-painted', { chars: html?.length ?? text.length });

    const linkFrom = (event: Event): HTMLAnchorElement | null => {
      const target = event.composedPath()[0];
      return target instanceof Element ? target.closest('a') : null;
    };
    const shownPicture = (target: EventTarget | undefined): HTMLImageElement | null =>
      target instanceof HTMLImageElement && target.complete && target.naturalWidth > 0 ? target : null;
    const openPicture = (picture: HTMLImageElement) => {
      const shown = [...root.querySelectorAll('img')].filter((img) => shownPicture(img));
      const pictures = shown.map((img) => ({ src: img.currentSrc || img.src, alt: img.alt }));
      openImage(pictures, Math.max(0, shown.indexOf(picture)));
    };
    // A shown picture can be reached with Tab and opened with Enter, like a click.
    for (const img of content.querySelectorAll('img')) {
      img.addEventListener('load', () => img.setAttribute('tabindex', '0'), { once: true });
    }
    const onKeyDown = (event: Event) => {
      const key = (event as KeyboardEvent).key;
      const picture = shownPicture(event.composedPath()[0]);
      if (!picture || (key !== 'Enter' && key !== ' ')) return;
      event.preventDefault();
      openPicture(picture);
    };
    const onClick = (event: Event) => {
      const picture = shownPicture(event.composedPath()[0]);
      if (picture) {
        // A picture opens large, even inside a link (news pages link pictures to themselves).
        event.preventDefault();
        openPicture(picture);
        return;
      }
      const link = linkFrom(event);
      if (!link) return;
      // Never let the window itself navigate, whatever the link says.
      event.preventDefault();
      const href = link.getAttribute('href');
      if (!href) return;
      if (href.startsWith('#')) {
        const target = root.getElementById(href.slice(1));
        if (target) scrollWithin(target, 'start');
        return;
      }
      if ((event as MouseEvent).button === 0 || event.type === 'click') openLink(href);
    };
    const onAuxClick = (event: Event) => {
      const link = linkFrom(event);
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href && !href.startsWith('#') && (event as MouseEvent).button === 1) openLink(href);
    };
    const onDragStart = (event: Event) => {
      // Dragging an article image/link onto the window would look like a file drop.
      if (linkFrom(event) || (event.composedPath()[0] as Element | undefined)?.nodeName === 'IMG') {
        event.preventDefault();
      }
    };
    root.addEventListener('click', onClick);
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('auxclick', onAuxClick);
    root.addEventListener('dragstart', onDragStart);
    return () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('auxclick', onAuxClick);
      root.removeEventListener('dragstart', onDragStart);
    };
  }, [html, title, headImage, articleId, baseUrl, text, overBoundNote]);

  // After the content (above, on the same changes) so a new article is marked as soon as it is built.
  const query = highlight?.query ?? '';
  const exact = highlight?.exactCharacters ?? false;
  const matchCount = useRef(onMatchCount);
  matchCount.current = onMatchCount;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the content changes with these
  useLayoutEffect(() => {
    const content = contentRef.current;
    if (!content) return;
    clearMatches(content);
    const marked = query.trim() !== '' ? markMatches(content, query, exact).length : 0;
    matchCount.current?.(marked);
  }, [query, exact, html, title, headImage, articleId, baseUrl, text, overBoundNote]);

  return <div ref={hostRef} className="article-body" />;
}
