// mailto: links from articles go to the user's mail client, which may honour fields beyond the
// address and the text (some attach files: `attach=/etc/passwd`, `attachment=`; others add headers).
// Only the standard's harmless fields are kept: the address, to, cc, bcc, subject and body.

const KEPT_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

/** The mailto: URL with only to/cc/bcc/subject/body kept, or null when it is not a mailto: URL. */
export function cleanMailtoUrl(url: string): string | null {
  if (!/^mailto:/i.test(url)) return null;
  const rest = url.slice('mailto:'.length);
  const queryAt = rest.indexOf('?');
  // A fragment means nothing to a mail client: dropped with the rest.
  const address = (queryAt < 0 ? rest : rest.slice(0, queryAt)).split('#')[0]!;
  if (queryAt < 0) return `mailto:${address}`;
  const query = rest.slice(queryAt + 1).split('#')[0]!;
  const kept = query.split('&').filter((pair) => {
    const name = pair.split('=')[0]!;
    let decoded: string;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      return false;
    }
    return KEPT_FIELDS.has(decoded.trim().toLowerCase());
  });
  return kept.length > 0 ? `mailto:${address}?${kept.join('&')}` : `mailto:${address}`;
}
