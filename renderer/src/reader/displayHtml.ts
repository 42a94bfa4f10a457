// What the reading pane renders for an article. Markup nested thousands of levels deep (a damaged
// or planted file) takes Chromium tens of seconds to sanitize and lay out, so such an article is
// shown as its plain text, which the engine extracted safely, with a note saying why.

import type { Article } from '../../../shared/types';

/** Above this many characters of HTML the article is shown as text (a 5 MB body took ~5 s). */
export const MAX_DISPLAY_HTML_CHARS = 3_000_000;

/**
 * Characters of markup, a data: URI counting as one: a SingleFile page's inlined pictures are
 * megabytes of attribute text that cost the sanitizer and layout next to nothing.
 */
export function markupChars(html: string): number {
  let chars = html.length;
  for (let at = html.indexOf('data:'); at !== -1; at = html.indexOf('data:', at + 5)) {
    let end = at;
    while (end < html.length) {
      const c = html.charCodeAt(end);
      if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x29) break;
      end++;
    }
    chars -= end - at - 1;
    at = end - 5 > at ? end - 5 : at;
  }
  return chars;
}

/** A saved web page's whole page can be shown: the engine kept it and it is not too large to display. */
export function canShowWholePage(article: Pick<Article, 'wholePage'>): boolean {
  return article.wholePage !== undefined && markupChars(article.wholePage) <= MAX_DISPLAY_HTML_CHARS;
}

export interface DisplayHtml {
  html: string;
  /** Why the text is shown instead of the markup, when it is. */
  asText: 'too-deep' | 'too-large' | null;
}

/** `wholePage`: show a saved page as it was saved rather than its story (see canShowWholePage). */
export function displayHtml(
  article: Pick<Article, 'html' | 'text' | 'problems' | 'wholePage'>,
  wholePage = false,
): DisplayHtml {
  if (wholePage && article.wholePage !== undefined && canShowWholePage(article)) {
    return { html: article.wholePage, asText: null };
  }
  const asText = article.problems.some((p) => p.code === 'html-too-deep')
    ? 'too-deep'
    : markupChars(article.html) > MAX_DISPLAY_HTML_CHARS
      ? 'too-large'
      : null;
  if (!asText) return { html: article.html, asText };
  const paragraphs = article.text
    .split(/\n+/)
    .filter((line) => line.trim().length > 0)
    .map((line) => `<p>${escapeHtml(line)}</p>`);
  return { html: paragraphs.join('\n'), asText };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Drops a leading heading that only repeats the title (Markdown archives often start their body with
 * `# Title`), so the pane does not show the title twice.
 */
export function removeRepeatedTitle(body: Element, title: string): void {
  const first = body.firstElementChild;
  if (!first || !/^h[1-3]$/i.test(first.localName)) return;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  if (norm(first.textContent ?? '') === norm(title)) first.remove();
}
