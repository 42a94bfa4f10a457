import { useLayoutEffect, useRef } from 'react';
import { perfMarkAfterPaint } from '../perf/marks';
import { buildArticleContent } from './articleContent';
import { ARTICLE_CSS } from './articleStyles';

interface Props {
  html: string;
  /** The article's title: a first heading that only repeats it is not shown again. */
  title: string;
  headImage: string | undefined;
  /** Placeholder text for images that cannot load. */
  unavailable: string;
  onOpenLink(url: string): void;
}

/**
 * The sanitized article inside a Shadow DOM root. Chosen over a sandboxed iframe because the
 * article then flows in the pane's own scroll (Space, focus, find-in-page, measuring) while its
 * markup still cannot restyle, cover or query the app: our selectors do not cross the boundary,
 * style elements and attributes are stripped anyway, and nothing in it can run (sanitized + CSP).
 */
export function ArticleBody({ html, title, headImage, unavailable, onOpenLink }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const openLinkRef = useRef(onOpenLink);
  openLinkRef.current = onOpenLink;

  useLayoutEffect(() => {
    const host = hostRef.current!;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ARTICLE_CSS;
    const { root: content } = buildArticleContent(html, headImage, unavailable, title);
    root.replaceChildren(style, content);
    perfMarkAfterPaint('article-painted', { chars: html.length });

    const linkFrom = (event: Event): HTMLAnchorElement | null => {
      const target = event.composedPath()[0];
      return target instanceof Element ? target.closest('a') : null;
    };
    const onClick = (event: Event) => {
      const link = linkFrom(event);
      if (!link) return;
      // Never let the window itself navigate, whatever the link says.
      event.preventDefault();
      const href = link.getAttribute('href');
      if (!href) return;
      if (href.startsWith('#')) {
        root.getElementById(href.slice(1))?.scrollIntoView?.({ block: 'start' });
        return;
      }
      if ((event as MouseEvent).button === 0 || event.type === 'click') openLinkRef.current(href);
    };
    const onAuxClick = (event: Event) => {
      const link = linkFrom(event);
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href && !href.startsWith('#') && (event as MouseEvent).button === 1) openLinkRef.current(href);
    };
    const onDragStart = (event: Event) => {
      // Dragging an article image/link onto the window would look like a file drop.
      if (linkFrom(event) || (event.composedPath()[0] as Element | undefined)?.nodeName === 'IMG') {
        event.preventDefault();
      }
    };
    root.addEventListener('click', onClick);
    root.addEventListener('auxclick', onAuxClick);
    root.addEventListener('dragstart', onDragStart);
    return () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('auxclick', onAuxClick);
      root.removeEventListener('dragstart', onDragStart);
    };
  }, [html, title, headImage, unavailable]);

  return <div ref={hostRef} className="article-body" />;
}
