// The article's own stylesheet, inside its shadow root. App styles cannot reach in and nothing in
// the article can reach out; colours and sizes arrive through inherited custom properties set by
// the app (--reader-*), so themes and the text size apply without touching the article markup.
export const ARTICLE_CSS = `
:host {
  display: block;
  contain: content;
  color: var(--reader-text, #1d1d1f);
  font-size: var(--reader-size, 17px);
  line-height: var(--reader-line-height, 1.8);
  font-family: var(--reader-font, system-ui, sans-serif);
}
.bs-article { overflow-wrap: anywhere; }
.bs-body > :first-child, .bs-body > div > :first-child { margin-top: 0; }
p { margin: 0 0 1em; }
h1, h2, h3, h4, h5, h6 { line-height: 1.35; margin: 1.4em 0 0.6em; font-weight: 650; }
h1 { font-size: 1.5em; } h2 { font-size: 1.3em; } h3 { font-size: 1.15em; } h4, h5, h6 { font-size: 1em; }
a { color: var(--reader-link, #0b57d0); text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer; }
a:focus-visible { outline: 2px solid var(--reader-focus, #0b57d0); outline-offset: 2px; border-radius: 2px; }
img { display: block; max-width: 100%; height: auto; margin: 1em auto; border-radius: 4px; }
.bs-head-image { margin: 0 0 1.5em; }
.bs-head-image img { margin: 0 auto; }
figure { margin: 1em 0; }
figcaption, .img_descr { display: block; font-size: 0.85em; color: var(--reader-muted, #666); text-align: center; }
blockquote { margin: 1em 0; padding: 0.2em 1em; border-left: 3px solid var(--reader-rule, #ccc); color: var(--reader-muted, #555); }
pre, code, kbd, samp { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.8em 1em; background: var(--reader-code-bg, #f4f4f5); border-radius: 6px; line-height: 1.5; }
code { background: var(--reader-code-bg, #f4f4f5); padding: 0.1em 0.3em; border-radius: 3px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; margin: 1em 0; }
th, td { border: 1px solid var(--reader-rule, #ddd); padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
hr { border: 0; border-top: 1px solid var(--reader-rule, #ddd); margin: 2em 0; }
ul, ol { padding-left: 1.6em; }
.bs-plain { white-space: pre-line; overflow-wrap: anywhere; }
/* A relative link with no web address to resolve it: text, marked as going nowhere (not a dead link). */
a[data-bs-unavailable-href] { color: inherit; text-decoration: underline dotted var(--reader-muted, #888); cursor: help; }
.bs-note { font-size: 0.9em; color: var(--reader-muted, #666); border-left: 3px solid var(--reader-rule, #ccc); padding-left: 0.8em; }
mark { background: var(--reader-mark, #ffe58a); color: inherit; }
mark.bs-hit-current { outline: 2px solid var(--reader-focus, #0b57d0); outline-offset: 1px; border-radius: 2px; }
/* Floats and clearfix leftovers from publishers' layouts. */
.clearfix::after { content: ""; display: table; clear: both; }
.bs-img-failed {
  display: block; margin: 0.4em 0; padding: 0.15em 0 0.15em 1.6em; position: relative;
  color: var(--reader-muted, #666); font-size: 0.8em; line-height: 1.5;
}
.bs-img-failed::before {
  content: ""; position: absolute; left: 0.2em; top: 0.45em; width: 0.9em; height: 0.7em;
  border: 1.5px solid currentColor; border-radius: 2px; opacity: 0.7;
}
img[tabindex] { cursor: zoom-in; }
img:focus-visible { outline: 2px solid var(--reader-focus, #0b57d0); outline-offset: 2px; }
`;
