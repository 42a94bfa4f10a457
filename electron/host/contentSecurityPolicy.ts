// The window's Content-Security-Policy. The app protocol sends it as a response header; the
// renderer and the dev-web bridge can put the same string in a <meta http-equiv> tag.
// Pure: no Electron import, so tests and the web bridge can use it.

const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  // Only the app's own bundles: no inline script, no eval, nothing from an article.
  'script-src': ["'self'"],
  // Only the app's own stylesheets: article `style` attributes and <style> elements are stripped by
  // the sanitizer, the article's own stylesheet is a constructed one (adoptedStyleSheets, see
  // ArticleBody.tsx), and React sets the few computed styles through the CSSOM, which CSP allows.
  // So a `style` attribute or element that got past everything would still not apply.
  'style-src': ["'self'"],
  // Article pictures come through the app's own origin (/_images/, from the image cache; see
  // shared/imageRoutes.ts): the page itself never contacts a picture host, so it cannot leak a
  // Referer, a cookie or the reader's address, and works offline. data: for inline pictures.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The reading pane may render an article in a sandboxed srcdoc iframe; only the app's own origin
  // may ever be framed, never a remote page.
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function formatCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** For a `<meta http-equiv="Content-Security-Policy">` tag (and the header). */
export const CONTENT_SECURITY_POLICY = formatCsp(CSP_DIRECTIVES);

/**
 * For the response header only: `frame-ancestors` is ignored (with a console warning) in a meta
 * tag, so it is added where it works.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
