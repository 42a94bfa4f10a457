// Hugo shortcodes in article bodies: `{{< youtube w7Ft2ymGmfc >}}`, `{{< figure src="…" caption="…" >}}`,
// `{{% notice %}}…{{% /notice %}}`. A site built by Hugo renders them; an archive of its sources keeps
// them as text, which would show raw in the pane, the previews and search. Each one becomes what it
// means (a link to the video, a figure, a code block) or, when it is not known, disappears (a paired
// one keeps its inner text). Hugo's escape `{{</* name */>}}` shows the shortcode itself, as Hugo does.

type BodyKind = 'markdown' | 'html';

/** How far a shortcode may run from its `{{` to its `}}`: longer is not a shortcode. */
const MAX_SHORTCODE_CHARS = 4096;

const OPEN = /\{\{(<|%)\s*(\/\*)?/y;

/** The body with every shortcode replaced. Linear in the length; returns `source` itself when it has none. */
export function expandShortcodes(source: string, kind: BodyKind): string {
  if (!source.includes('{{')) return source;
  let out = '';
  let at = 0;
  const failed = new Map<string, number>();
  let from = source.indexOf('{{', 0);
  while (from !== -1) {
    const parsed = readShortcode(source, from);
    if (!parsed) {
      from = source.indexOf('{{', from + 2);
      continue;
    }
    out += source.slice(at, from);
    if (parsed.escaped) {
      out += escapeHtml(
        `{{${parsed.delimiter} ${parsed.inner.trim()} ${parsed.delimiter === '<' ? '>' : '%'}}}`,
      );
      at = parsed.end;
    } else if (parsed.closing) {
      at = parsed.end; // a closing tag whose opening was not a known pair: drop it
    } else {
      const call = parseCall(parsed.inner);
      const pair = PAIRED.has(call.name) ? findClosing(source, parsed.end, call.name, failed) : null;
      const block = isOwnLine(source, from, parsed.end);
      if (pair) {
        out += renderPaired(call, source.slice(parsed.end, pair.start), kind);
        at = pair.end;
      } else {
        out += renderSingle(call, block);
        at = parsed.end;
      }
    }
    from = source.indexOf('{{', at);
  }
  return out + source.slice(at);
}

interface RawShortcode {
  delimiter: '<' | '%';
  escaped: boolean;
  closing: boolean;
  /** Text between the delimiters (name and arguments; for a closing tag, `/name`). */
  inner: string;
  end: number;
}

function readShortcode(source: string, from: number): RawShortcode | null {
  OPEN.lastIndex = from;
  const m = OPEN.exec(source);
  if (!m) {
    // Template comments `{{/* … */}}` are removed too.
    if (source.startsWith('{{/*', from)) {
      const close = source.indexOf('*/}}', from + 4);
      if (close !== -1 && close - from < MAX_SHORTCODE_CHARS) {
        return { delimiter: '<', escaped: false, closing: true, inner: '', end: close + 4 };
      }
    }
    return null;
  }
  const delimiter = m[1] as '<' | '%';
  const escaped = m[2] !== undefined;
  const closer = `${escaped ? '*/' : ''}${delimiter === '<' ? '>' : '%'}}}`;
  const bodyStart = OPEN.lastIndex;
  const close = findCloser(source, bodyStart, closer);
  if (close === -1) return null;
  const inner = source.slice(bodyStart, close).trim();
  if (!/^\/?\s*[A-Za-z][\w./-]*/.test(inner)) return null; // `{{< >}}` with no name is not a shortcode
  return { delimiter, escaped, closing: inner.startsWith('/'), inner, end: close + closer.length };
}

/** The closer outside quoted arguments, within MAX_SHORTCODE_CHARS; -1 when there is none. */
function findCloser(source: string, from: number, closer: string): number {
  const limit = Math.min(source.length, from + MAX_SHORTCODE_CHARS);
  let quote = 0;
  for (let i = from; i < limit; i++) {
    const c = source.charCodeAt(i);
    if (quote !== 0) {
      if (c === 0x5c /* \ */ && quote === 0x22) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x22 || c === 0x60) quote = c;
    else if (source.startsWith(closer, i)) return i;
    else if (c === 0x7b && source.startsWith('{{', i)) return -1; // another shortcode starts first
  }
  return -1;
}

interface Call {
  name: string;
  positional: string[];
  named: Record<string, string>;
}

const ARGUMENT = /\s*(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+))/y;

function parseCall(inner: string): Call {
  const nameMatch = /^[A-Za-z][\w./-]*/.exec(inner)!;
  const call: Call = { name: nameMatch[0].toLowerCase(), positional: [], named: Object.create(null) };
  ARGUMENT.lastIndex = nameMatch[0].length;
  for (;;) {
    const start = ARGUMENT.lastIndex;
    const m = ARGUMENT.exec(inner);
    if (!m || ARGUMENT.lastIndex === start) break;
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? '');
    if (m[1] !== undefined) call.named[m[1].toLowerCase()] = value;
    else call.positional.push(value);
  }
  return call;
}

/** Shortcodes whose content is not text to show as is (code to highlight). Other pairs keep their inner text. */
const PAIRED = new Set(['highlight', 'code']);

/**
 * The `{{< /name >}}` closing the pair opened before `from`. Each name's search remembers where it last
 * failed, so many unclosed openings cannot make the pass quadratic.
 */
function findClosing(
  source: string,
  from: number,
  name: string,
  failed: Map<string, number>,
): { start: number; end: number } | null {
  const failedFrom = failed.get(name);
  if (failedFrom !== undefined && from >= failedFrom) return null;
  const pattern = new RegExp(`\\{\\{[<%]\\s*/\\s*${escapeRegExp(name)}\\s*[>%]\\}\\}`, 'gi');
  pattern.lastIndex = from;
  const m = pattern.exec(source);
  if (!m) {
    failed.set(name, from);
    return null;
  }
  return { start: m.index, end: pattern.lastIndex };
}

function renderSingle(call: Call, block: boolean): string {
  const { name, named, positional } = call;
  const arg = (key: string, index: number) => named[key] ?? positional[index];
  switch (name) {
    case 'youtube': {
      const id = arg('id', 0);
      return id && /^[\w-]{1,64}$/.test(id)
        ? videoLink(`https://www.youtube.com/watch?v=${id}`, named.title, block)
        : '';
    }
    case 'vimeo': {
      const id = arg('id', 0);
      return id && /^\d{1,20}$/.test(id) ? videoLink(`https://vimeo.com/${id}`, named.title, block) : '';
    }
    case 'bilibili': {
      const id = arg('id', 0) ?? named.bvid;
      return id && /^[\w]{1,32}$/.test(id)
        ? videoLink(`https://www.bilibili.com/video/${id}`, named.title, block)
        : '';
    }
    case 'video':
    case 'audio': {
      const src = safeUrl(arg('src', 0) ?? named.url);
      return src ? videoLink(src, named.title ?? named.caption, block, safeUrl(named.poster)) : '';
    }
    case 'figure':
    case 'img':
    case 'image':
      return figure(call, block);
    case 'gist': {
      const [user, id] = positional;
      return user && id && /^[\w-]+$/.test(user) && /^\w+$/.test(id)
        ? link(`https://gist.github.com/${user}/${id}`, block)
        : '';
    }
    case 'tweet':
    case 'twitter':
    case 'x': {
      const user = named.user ?? (positional.length > 1 ? positional[0] : undefined);
      const id = named.id ?? positional[positional.length - 1];
      if (!id || !/^\d{1,25}$/.test(id)) return '';
      const who = user && /^\w{1,30}$/.test(user) ? user : 'i';
      return link(`https://x.com/${who}/status/${id}`, block);
    }
    case 'instagram': {
      const id = arg('id', 0);
      return id && /^[\w-]{1,64}$/.test(id) ? link(`https://www.instagram.com/p/${id}/`, block) : '';
    }
    case 'ref':
    case 'relref':
      return escapeHtml(arg('path', 0) ?? ''); // a link target inside Markdown `[text]({{< ref "x" >}})`
    default:
      return ''; // unknown: never shown as raw text
  }
}

function renderPaired(call: Call, inner: string, kind: BodyKind): string {
  const language = (call.positional[0] ?? call.named.lang ?? '').replace(/[^\w+#-]/g, '');
  const code = inner.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  if (kind === 'markdown') {
    const fence = code.includes('```') ? '~~~~' : '```';
    return `\n${fence}${language}\n${code}\n${fence}\n`;
  }
  return `<pre><code${language ? ` class="language-${language}"` : ''}>${escapeHtml(code)}</code></pre>`;
}

function videoLink(url: string, title: string | undefined, block: boolean, poster?: string): string {
  const label = title?.trim() ? escapeHtml(title.trim()) : `▶ ${escapeHtml(displayUrl(url))}`;
  const image = poster ? `<img src="${escapeAttribute(poster)}" alt="">` : '';
  const anchor = `<a href="${escapeAttribute(url)}">${image}${image ? '<br>' : ''}${label}</a>`;
  return block ? `\n\n<p class="shortcode-video">${anchor}</p>\n\n` : anchor;
}

function link(url: string, block: boolean): string {
  const anchor = `<a href="${escapeAttribute(url)}">${escapeHtml(displayUrl(url))}</a>`;
  return block ? `\n\n<p>${anchor}</p>\n\n` : anchor;
}

function figure(call: Call, block: boolean): string {
  const { named, positional } = call;
  const src = safeUrl(named.src ?? positional[0]);
  if (!src) return '';
  const alt = named.alt ?? named.title ?? named.caption ?? '';
  let image = `<img src="${escapeAttribute(src)}" alt="${escapeAttribute(alt)}">`;
  const target = safeUrl(named.link);
  if (target) image = `<a href="${escapeAttribute(target)}">${image}</a>`;
  const captionParts = [named.title, named.caption, named.attr].filter((p): p is string => !!p?.trim());
  const caption = captionParts.length
    ? `<figcaption>${captionParts.map((p) => escapeHtml(p.trim())).join(' — ')}</figcaption>`
    : '';
  const html = `<figure>${image}${caption}</figure>`;
  return block ? `\n\n${html}\n\n` : html;
}

/** http(s), protocol-relative (made https:) or a relative path; nothing with another scheme. */
function safeUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url || url.length > 4096 || /[\s<>"]/.test(url)) return undefined;
  if (url.startsWith('//')) return `https:${url}`;
  if (/^https?:\/\//i.test(url)) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  return url;
}

function displayUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '');
}

/** True when only white space shares the shortcode's line (looked at within a bounded distance). */
function isOwnLine(source: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 256; i--) {
    const c = source.charCodeAt(i);
    if (c === 0x0a) break;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
    if (i === start - 256) return false;
  }
  for (let i = end; i < source.length && i < end + 256; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
    if (i === end + 255) return false;
  }
  return true;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeHtml(value).replace(/"/g, '&quot;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
