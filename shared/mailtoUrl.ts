// mailto: links from articles go to the user's mail client, which may honour fields beyond the
// address and the text (some attach files: `attach=/etc/passwd`, `attachment=`; others add headers).
// Only the standard's harmless fields are kept: the address, to, cc, bcc, subject and body. Nothing
// may be smuggled past that in encoded form either: an address that decodes to a query of its own
// (`a%3Fattach%3D...`) is dropped, and so is a header field whose value decodes to a line break
// (`subject=Hi%0D%0AAttach:...`, a header injected into clients that paste it in); the body may
// hold line breaks (that is how the standard writes them).

const KEPT_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);
/** What an address may not decode to: a query, a field, a header break, any control. */
const NOT_IN_ADDRESS = /[?&=;\u0000-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The mailto: URL with only to/cc/bcc/subject/body kept, or null when it is not a mailto: URL. */
export function cleanMailtoUrl(url: string): string | null {
  if (!/^mailto:/i.test(url)) return null;
  const rest = url.slice('mailto:'.length);
  const queryAt = rest.indexOf('?');
  // A fragment means nothing to a mail client: dropped with the rest.
  const written = (queryAt < 0 ? rest : rest.slice(0, queryAt)).split('#')[0]!;
  const plain = decoded(written);
  const address = plain === null || NOT_IN_ADDRESS.test(plain) ? '' : written;
  if (queryAt < 0) return `mailto:${address}`;
  const query = rest.slice(queryAt + 1).split('#')[0]!;
  const kept = query.split('&').filter((pair) => {
    const at = pair.indexOf('=');
    const name = decoded(at < 0 ? pair : pair.slice(0, at))
      ?.trim()
      .toLowerCase();
    if (name === undefined || !KEPT_FIELDS.has(name)) return false;
    const value = decoded(at < 0 ? '' : pair.slice(at + 1));
    return value !== null && (name === 'body' || !LINE_BREAK.test(value));
  });
  return kept.length > 0 ? `mailto:${address}?${kept.join('&')}` : `mailto:${address}`;
}
