// What the reading pane renders for an article. Markup nested thousands of levels deep (a damaged
// or planted file) takes Chromium tens of seconds to sanitize and lay out, so such an article is
// shown as its plain text, which the engine extracted safely, with a note saying why. The text is
// one text node (white-space: pre-line), never parsed: a 1 MB table's text is 35,000 lines.

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

/**
 * Characters of plain text the pane lays out when it shows an article as text. A text node is
 * cheap to build but not to lay out: in Debian's Chromium 10 MB of short lines took 4.6 s and one
 * 10 MB word 9.3 s (files go up to 20 MB); 1,000,000 characters take under a second.
 */
export const MAX_DISPLAY_TEXT_CHARS = 1_000_000;

/** The text to lay out, and how many characters were left out (0 when none). */
export function displayText(text: string): { text: string; omitted: number } {
  if (text.length <= MAX_DISPLAY_TEXT_CHARS) return { text, omitted: 0 };
  // Not in the middle of a surrogate pair.
  let end = MAX_DISPLAY_TEXT_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: `${text.slice(0, end)}…`, omitted: text.length - end };
}

interface DisplayHtml {
  /** The markup to sanitize and show, or null when the text is shown instead. */
  html: string | null;
  /** Why the text is shown instead of the markup, when it is. */
  asText: AsTextReason | null;
}

/**
 * Why an article is shown as text: nested too deeply, too large, or a browser would build too many
 * elements from it (the engine counts them, re-created formatting elements included, and so does
 * the pane when it builds the article: see articleContent.ts).
 */
type AsTextReason = 'too-deep' | 'too-large' | 'too-many-elements';

/** `wholePage`: show a saved page as it was saved rather than its story (see canShowWholePage). */
export function displayHtml(
  article: Pick<Article, 'html' | 'problems' | 'wholePage'>,
  wholePage = false,
): DisplayHtml {
  if (wholePage && article.wholePage !== undefined && canShowWholePage(article)) {
    return { html: article.wholePage, asText: null };
  }
  const asText = article.problems.some((p) => p.code === 'html-too-deep')
    ? 'too-deep'
    : article.problems.some((p) => p.code === 'html-too-many-elements')
      ? 'too-many-elements'
      : markupChars(article.html) > MAX_DISPLAY_HTML_CHARS
        ? 'too-large'
        : null;
  return { html: asText ? null : article.html, asText };
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
