// What the reading pane renders for an article. Markup nested thousands of levels deep (a damaged
// or planted file) takes Chromium tens of seconds to sanitize and lay out, so such an article is
// shown as its plain text, which the engine extracted safely, with a note saying why.

import type { Article } from '../../../shared/types';

/** Above this many characters of HTML the article is shown as text (a 5 MB body took ~5 s). */
export const MAX_DISPLAY_HTML_CHARS = 3_000_000;

export interface DisplayHtml {
  html: string;
  /** Why the text is shown instead of the markup, when it is. */
  asText: 'too-deep' | 'too-large' | null;
}

export function displayHtml(article: Pick<Article, 'html' | 'text' | 'problems'>): DisplayHtml {
  const asText = article.problems.some((p) => p.code === 'html-too-deep')
    ? 'too-deep'
    : article.html.length > MAX_DISPLAY_HTML_CHARS
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
