// Writing tags back into an HTML body: edits by position (so comments and script text are never
// mistaken for tags), a tag serialized with only safe attribute names and escaped values, and the
// URL attributes a pass rewrites (lazy images given a real src, protocol-relative addresses https:).

import { isPlaceholderImageUrl } from './fields';

// Attributes scrapers use to hold the real image while `src` holds a placeholder, most specific first.
const LAZY_SOURCES = ['data-original', 'data-original-src', 'data-src', 'data-actualsrc', 'data-lazy-src'];
const URL_ATTRIBUTES = ['src', 'href', 'poster'];

const SAFE_ATTRIBUTE_NAME = /^[^\s"'<>/=\u0000-\u001f]+$/;

export interface Edit {
  start: number;
  end: number; // exclusive
  replacement: string;
}

/** New attributes for a tag that needs rewriting, or null when it can stay as written. */
export function rewriteAttributes(
  name: string,
  attribs: Record<string, string>,
): Record<string, string> | null {
  let out: Record<string, string> | null = null;
  if (name === 'img' || name === 'source' || name === 'video') {
    const src = attribs.src;
    if (src === undefined || src.trim() === '' || isPlaceholderImageUrl(src)) {
      for (const key of LAZY_SOURCES) {
        const candidate = attribs[key]?.trim();
        if (candidate && !isPlaceholderImageUrl(candidate)) {
          out = { ...attribs };
          out.src = httpsIfProtocolRelative(candidate);
          break;
        }
      }
    }
  }
  for (const key of URL_ATTRIBUTES) {
    const value = (out ?? attribs)[key];
    if (value !== undefined && isProtocolRelative(value)) {
      out ??= { ...attribs };
      out[key] = httpsIfProtocolRelative(value);
    }
  }
  const srcset = attribs.srcset;
  if (srcset?.includes('//')) {
    const fixed = srcset.split(',').map(httpsIfProtocolRelativeItem).join(',');
    if (fixed !== srcset) {
      out ??= { ...attribs };
      out.srcset = fixed;
    }
  }
  return out;
}

/** One `url descriptor` item of a srcset, its leading `//` made https:. */
function httpsIfProtocolRelativeItem(item: string): string {
  return isProtocolRelative(item) ? item.replace('//', 'https://') : item;
}

function isProtocolRelative(url: string): boolean {
  return url.trimStart().startsWith('//');
}

export function httpsIfProtocolRelative(url: string): string {
  const trimmed = url.trim();
  return trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
}

export function serializeTag(name: string, attribs: Record<string, string>, selfClosing: boolean): string {
  let tag = `<${name}`;
  for (const [key, value] of Object.entries(attribs)) {
    if (!SAFE_ATTRIBUTE_NAME.test(key)) continue;
    tag += ` ${key}="${escapeAttribute(value)}"`;
  }
  return `${tag}${selfClosing ? ' />' : '>'}`;
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue; // cannot happen with a well-behaved parser; never corrupt the output
    out += html.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  return out + html.slice(at);
}
