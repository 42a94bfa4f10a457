import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { clampSpan } from '../../../shared/tableSpan';
import { localImageSrc, relativeHref, resolveHref, safeHref, safeImageSrc } from './urls';

/**
 * Attribute holding an image's local path after sanitizing. A local `src` is never left in `src`:
 * it would resolve against the app's own origin. The reading pane turns it into an image route.
 */
export const LOCAL_SRC_ATTR = 'data-bs-local-src';

/**
 * Attribute holding a relative link's address when there was no web address to resolve it against:
 * the <a> keeps no href (it goes nowhere), and the pane marks it as unavailable.
 */
export const UNAVAILABLE_HREF_ATTR = 'data-bs-unavailable-href';

// Tags that could run code, load other documents, submit data, restyle the window, or take focus.
// DOMPurify already drops several of these; listing them keeps the rule readable in one place.
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'title',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'fieldset',
  'label',
  'output',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'dialog',
  'template',
  'slot',
  'noscript',
  'marquee',
  // Landmarks (their content is kept): an article must not add a second "main" or "navigation"
  // region to the window, nor a search landmark.
  'nav',
  'main',
  'aside',
  'search',
  // Widgets a screen reader announces as the app's own (a progress bar reads as a scan running).
  'progress',
  'meter',
];

// `style` could cover or hide the app; srcset/poster/background bypass the image URL rule; the
// focus attributes would steal keyboard shortcuts; target would open windows.
const FORBID_ATTR = [
  'style',
  'srcset',
  'sizes',
  'poster',
  'background',
  'action',
  'formaction',
  'ping',
  'target',
  'autofocus',
  'tabindex',
  'accesskey',
  'contenteditable',
  'draggable',
  'popover',
  'popovertarget',
  'usemap',
  // crossorigin would make image requests carry an Origin and a credentials mode.
  'crossorigin',
  // role (with ALLOW_ARIA_ATTR off, every aria-* attribute too): an article could make a screen
  // reader announce fake app messages (role=alert, aria-live) or add a "Headlines" landmark.
  'role',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true }, // no SVG or MathML
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // id/name become "user-content-…" so article markup cannot clobber DOM globals.
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
};

let purifier: Purifier | null = null;
/** Local image paths found by the attribute hook, set on the element once its attributes are done. */
const localSources = new WeakMap<Element, string>();
/** Relative links with nothing to resolve them against, likewise. */
const unavailableHrefs = new WeakMap<Element, string>();
/** The article's web address while one sanitize call runs (the calls are synchronous). */
let currentBase: string | undefined;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A private instance, so these hooks never leak into another DOMPurify user.
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    if (data.attrName === 'href') {
      const link = tag === 'a' || tag === 'area';
      const relative = link ? relativeHref(data.attrValue) : null;
      // A relative link means the page it was saved from: resolved against that page's address,
      // else kept off (an href here would resolve against the app itself) and marked unavailable.
      const href = !link
        ? null
        : relative === null
          ? safeHref(data.attrValue)
          : resolveHref(relative, currentBase);
      if (href !== null) data.attrValue = href;
      else {
        data.keepAttr = false;
        if (relative !== null && tag === 'a') unavailableHrefs.set(node, relative);
      }
    } else if (data.attrName === 'src') {
      const src = tag === 'img' ? safeImageSrc(data.attrValue) : null;
      if (src !== null) data.attrValue = src;
      else {
        data.keepAttr = false;
        const local = tag === 'img' ? localImageSrc(data.attrValue) : null;
        if (local !== null) localSources.set(node, local);
      }
    } else if (data.attrName === 'colspan' || data.attrName === 'rowspan') {
      data.attrValue = clampSpan(data.attrValue, data.attrName);
    } else if (data.attrName === 'xlink:href' || data.attrName === 'cite' || data.attrName === 'longdesc') {
      data.keepAttr = false;
    } else if (data.attrName === 'title' && tag === 'section') {
      // A named <section> is a "region" landmark.
      data.keepAttr = false;
    }
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.nodeName === 'IMG') {
      const local = localSources.get(el);
      if (local !== undefined) el.setAttribute(LOCAL_SRC_ATTR, local);
      el.setAttribute('referrerpolicy', 'no-referrer');
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
    } else if (el.nodeName === 'A' && unavailableHrefs.has(el)) {
      el.setAttribute(UNAVAILABLE_HREF_ATTR, unavailableHrefs.get(el)!);
    } else if (el.nodeName === 'A' && el.hasAttribute('href')) {
      const href = el.getAttribute('href')!;
      el.setAttribute('rel', 'noopener noreferrer');
      if (!href.startsWith('#')) el.setAttribute('title', href);
    }
  });
  purifier = instance;
  return instance;
}

/**
 * Untrusted article HTML → an inert fragment safe to insert (into the reader's shadow root). Images
 * are not fetched until the fragment is connected to the document.
 */
export function sanitizeArticleHtml(html: string, options: { baseUrl?: string } = {}): DocumentFragment {
  const purifier = getPurifier();
  currentBase = options.baseUrl;
  try {
    return purifier.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    currentBase = undefined;
  }
}

/** The same result as markup; used by tests and diagnostics. */
export function sanitizeArticleHtmlToString(html: string, options: { baseUrl?: string } = {}): string {
  const holder = document.createElement('div');
  holder.append(sanitizeArticleHtml(html, options));
  return holder.innerHTML;
}
