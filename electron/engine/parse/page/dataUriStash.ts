// A SingleFile page carries its pictures as data: URIs, megabytes each. Readability and the DOM never
// need their bytes, so the long ones are set aside as short tokens before the page is parsed and put
// back into the markup that comes out: the DOM stays the size of the page's real markup, and a 20 MB
// page of pictures costs what its text costs.

import { MAX_DATA_IMAGE_CHARS, MIN_STASHED_DATA_URI_CHARS } from '../limits';

const TOKEN_PREFIX = 'data:bs-stash,';
const TOKEN = /data:bs-stash,(\d+)/g;
const DATA_SCHEME = /data:/gi;

export class DataUriStash {
  private readonly uris: string[] = [];
  /** How many data: URIs were over MAX_DATA_IMAGE_CHARS and dropped. */
  dropped = 0;

  /** `html` with every long data: URI replaced by a token (over-long ones by an empty image). */
  stashAll(html: string): string {
    // A scan by hand: a regex such as /data:[^"'\s<>)]{256,}/ overflows V8's backtracking stack on a
    // URI of a few megabytes.
    let out = '';
    let copied = 0;
    DATA_SCHEME.lastIndex = 0;
    for (let m = DATA_SCHEME.exec(html); m; m = DATA_SCHEME.exec(html)) {
      const end = uriEnd(html, m.index);
      if (end - m.index >= MIN_STASHED_DATA_URI_CHARS) {
        out += html.slice(copied, m.index) + this.stash(html.slice(m.index, end));
        copied = end;
      }
      DATA_SCHEME.lastIndex = end;
    }
    return copied === 0 ? html : out + html.slice(copied);
  }

  /** A token standing for `uri`, or `data:,` (an empty image the renderer drops) when it is too long. */
  stash(uri: string): string {
    if (uri.length > MAX_DATA_IMAGE_CHARS) {
      this.dropped++;
      return 'data:,';
    }
    this.uris.push(uri);
    return `${TOKEN_PREFIX}${this.uris.length - 1}`;
  }

  /** The markup with each token replaced by the URI it stands for (unknown tokens by `data:,`). */
  restore(html: string): string {
    if (this.uris.length === 0 || !html.includes(TOKEN_PREFIX)) return html;
    return html.replace(TOKEN, (_, index: string) => this.uris[Number(index)] ?? 'data:,');
  }
}

/** Where a data: URI in an attribute or CSS url() ends: at a quote, white space, '<', '>' or ')'. */
function uriEnd(html: string, from: number): number {
  let i = from;
  for (; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x29) break;
  }
  return i;
}
