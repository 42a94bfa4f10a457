import { decodeHTML } from 'entities';
import type { ArticleImages } from '../../../shared/types';
import {
  MAX_AUTHOR_CHARS,
  MAX_CATEGORIES,
  MAX_CATEGORY_CHARS,
  MAX_EXTRA_ARRAY_ITEMS,
  MAX_EXTRA_DEPTH,
  MAX_EXTRA_JSON_CHARS,
  MAX_EXTRA_KEYS,
  MAX_EXTRA_STRING_CHARS,
  MAX_IMAGE_URL_CHARS,
} from './limits';
import type { FrontMatterData } from './parseFrontMatter';
import type { ProblemList } from './problems';
import { collapseWhitespace, cutCodePoints } from './text';
import { titleText } from './title';

interface ArticleFields {
  /** Title as written (entities decoded, whitespace collapsed, not yet cut); '' when missing or unusable. */
  title: string;
  /** The raw `date` value (or Hugo's `publishDate`), for parseDate. */
  date: unknown;
  /** The raw last-modified value (`lastmod`, `updated`, `modified`), for parseDate. */
  updated: unknown;
  /** The language the front matter declares (`lang`, `language`, `locale`), as written. */
  lang?: string;
  /** The article's address on the web, absolute http(s), or a site-relative permalink (see originalUrl.ts). */
  originalUrl?: string;
  author?: string;
  categories: string[];
  images: ArticleImages;
  extra: Record<string, unknown>;
}

const IMAGE_KEYS: Record<string, keyof ArticleImages> = {
  headimg: 'head',
  thumbnail: 'thumbnail',
  cover: 'cover',
  image: 'image',
};
const KNOWN_KEYS = new Set(['title', 'date', 'author', 'categories', 'category', ...Object.keys(IMAGE_KEYS)]);

// Names each generator uses for the same thing, first found wins. Hugo reads its keys case-insensitively
// (publishDate, publishdate), so these are matched ignoring case.
const DATE_KEYS = ['date', 'publishdate', 'pubdate', 'published'];
const UPDATED_KEYS = ['lastmod', 'updated', 'modified', 'lastmodified'];
const AUTHOR_KEYS = ['author', 'authors'];
const CATEGORY_KEYS = ['categories', 'category'];
const URL_KEYS = [
  'original_url',
  'originalurl',
  'url',
  'link',
  'permalink',
  'source',
  'canonical',
  'canonical_url',
  'canonicalurl',
];

/** Reads the fields the library understands from front-matter data; never throws on wrong types. */
export function readFields(data: FrontMatterData, problems: ProblemList): ArticleFields {
  const keys = lowerCaseKeys(data);
  const get = (names: readonly string[]): unknown => {
    for (const name of names) {
      const key = keys.get(name);
      if (key !== undefined && data[key] !== undefined && data[key] !== null && data[key] !== '')
        return data[key];
    }
    return undefined;
  };
  const title = readTitle(get(['title']), problems);
  const author = readAuthor(get(AUTHOR_KEYS), problems);
  // Zola keeps categories under [taxonomies]; the whole table also stays in `extra`.
  const taxonomies = get(['taxonomies']);
  const categories = readCategories(
    get(CATEGORY_KEYS) ??
      (taxonomies !== null && typeof taxonomies === 'object' && !Array.isArray(taxonomies)
        ? (taxonomies as Record<string, unknown>).categories
        : undefined),
    problems,
  );
  const images: ArticleImages = {};
  for (const [key, slot] of Object.entries(IMAGE_KEYS)) {
    const url = readImage(key, data[key], problems);
    if (url) images[slot] = url;
  }
  const fields: ArticleFields = {
    title,
    date: get(DATE_KEYS),
    updated: get(UPDATED_KEYS),
    author,
    categories,
    images,
    extra: boundExtra(data, problems),
  };
  const originalUrl = readOriginalUrl((name) => get([name]));
  if (originalUrl !== undefined) fields.originalUrl = originalUrl;
  const lang = get(['lang', 'language', 'locale', 'languagecode']);
  if (typeof lang === 'string') fields.lang = lang;
  return fields;
}

function lowerCaseKeys(data: FrontMatterData): Map<string, string> {
  const keys = new Map<string, string>();
  for (const key of Object.keys(data)) {
    const lower = key.toLowerCase();
    if (!keys.has(lower)) keys.set(lower, key);
  }
  return keys;
}

/**
 * The first absolute http(s) address among the URL keys (protocol-relative made https:); failing that, a
 * site-relative `permalink`/`url` path (Jekyll `/2016/08/21/slug/`, Hexo `2016/08/21/slug/`), which only
 * means something once the site's address is known. `source: 新华社` and other non-addresses are skipped.
 */
function readOriginalUrl(get: (name: string) => unknown): string | undefined {
  for (const name of URL_KEYS) {
    const url = urlText(get(name));
    if (url === undefined) continue;
    if (url.startsWith('//')) return `https:${url}`;
    if (/^https?:\/\/[^/?#\s]/i.test(url)) return url;
  }
  for (const name of RELATIVE_URL_KEYS) {
    const url = urlText(get(name));
    if (url !== undefined && RELATIVE_PATH.test(url)) return url;
  }
  return undefined;
}

const RELATIVE_URL_KEYS = ['permalink', 'url'];
/** A path of URL-safe segments (percent-escapes and non-ASCII letters allowed), with at least one slash. */
const RELATIVE_PATH = /^(?!\/\/)\/?(?:[^\s/?#:]+\/)+[^\s/?#:]*(?:[?#]\S*)?$|^\/[^\s/?#:]+$/u;

function urlText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (url === '' || url.length > MAX_IMAGE_URL_CHARS || /[\s<>"\\]/.test(url)) return undefined;
  return url;
}

/** Scalar or list -> one line of text; objects and the like -> undefined. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return collapseWhitespace(decodeHTML(value));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) {
    const parts = value.map(scalarText).filter((p): p is string => p !== undefined && p !== '');
    return parts.length === value.length ? parts.join(' ') : undefined;
  }
  return undefined;
}

function readTitle(value: unknown, problems: ProblemList): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? titleText(value) : scalarText(value);
  if (text === undefined) {
    problems.warn(
      'title-type',
      'The front-matter title is not text (it is a nested structure), so the title was taken from the article ' +
        'itself. Write the title as plain text after "title:".',
    );
    return '';
  }
  return text;
}

function readAuthor(value: unknown, problems: ProblemList): string | undefined {
  if (value === undefined || value === null) return undefined;
  // A list is several people (Hugo/Zola `authors`): "A, B". A person may be written `{ name: … }`.
  const text = Array.isArray(value)
    ? value
        .map((person) => personName(person))
        .filter((name): name is string => name !== undefined && name !== '')
        .join(', ')
    : personName(value);
  if (text === undefined) {
    problems.warn(
      'author-type',
      'The front-matter author is not text, so it was left out. Write it as plain text.',
    );
    return undefined;
  }
  return text === '' ? undefined : cutCodePoints(text, MAX_AUTHOR_CHARS);
}

function personName(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    const name = (value as Record<string, unknown>).name;
    return typeof name === 'string' ? scalarText(name) : undefined;
  }
  return scalarText(value);
}

function readCategories(value: unknown, problems: ProblemList): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  let tooMany = false;
  // Hexo allows nested lists ([[parent, child]]): flatten them, depth-first.
  const visit = (v: unknown, depth: number) => {
    if (Array.isArray(v)) {
      if (depth >= 3) unreadable++;
      else for (const item of v) visit(item, depth + 1);
      return;
    }
    const text = categoryText(v);
    if (text === undefined) {
      unreadable++;
      return;
    }
    const name = cutCodePoints(text, MAX_CATEGORY_CHARS);
    if (name === '' || seen.has(name)) return;
    if (out.length >= MAX_CATEGORIES) {
      tooMany = true;
      return;
    }
    seen.add(name);
    out.push(name);
  };
  visit(value, 0);
  if (unreadable > 0) {
    problems.warn(
      'categories-type',
      `${unreadable === 1 ? 'One category' : `${unreadable} categories`} could not be read as text ` +
        '(a nested structure, or lists nested more than three deep) and left out. ' +
        'Write each category as plain text on its own "- " line under "categories:".',
      undefined,
      { count: unreadable },
    );
  }
  if (tooMany) {
    problems.warn(
      'categories-truncated',
      `The article has more than ${MAX_CATEGORIES} categories; only the first ${MAX_CATEGORIES} are kept.`,
      undefined,
      { limit: MAX_CATEGORIES },
    );
  }
  return out;
}

/** A category's text; '' for an empty entry (nothing to report), undefined when it is not a scalar. */
function categoryText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return collapseWhitespace(decodeHTML(String(value)));
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const iso = value.toISOString();
    // a YAML date (`- 2022-08-06`) stays the day it was written as
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return undefined;
}

/**
 * An image field's URL, or undefined. Scrapers' "no image" markers (placeholders, empty values) are
 * dropped quietly; anything else that cannot be shown is reported, since the user meant an image.
 */
function readImage(key: string, value: unknown, problems: ProblemList): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.warn(
      'image-type',
      `The front-matter "${key}" is not text (it is ${describeValue(value)}), so the article shows no ${key} image. ` +
        `Write one https:// address after "${key}:".`,
      undefined,
      { field: key, value: describeValue(value) },
    );
    return undefined;
  }
  const url = normalizeImageUrl(value);
  if (url || value.trim() === '' || isPlaceholderImageUrl(value)) return url;
  const shown = cutCodePoints(value.trim(), 80);
  if (value.trim().length > MAX_IMAGE_URL_CHARS) {
    problems.warn(
      'image-url',
      `The front-matter "${key}" is longer than ${MAX_IMAGE_URL_CHARS.toLocaleString('en')} characters, so it is not shown. ` +
        'Check that the field holds one address.',
      undefined,
      { field: key, kind: 'too-long', limit: MAX_IMAGE_URL_CHARS },
    );
    return undefined;
  }
  problems.warn(
    'image-url',
    `The front-matter "${key}" ("${shown}") is not a web address, so it is not shown: Broadsheet loads ` +
      'images from http(s) addresses only, never from files on this computer. Write the full https:// address.',
    undefined,
    { field: key, kind: 'not-web', value: shown },
  );
  return undefined;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a nested structure' : `a ${typeof value}`;
}

const PLACEHOLDER_IMAGE =
  /(?:\/|^)(?:undefined|null|loadimg\.gif|loading\.gif|lazy\.gif|blank\.gif|spacer\.gif|placeholder\.(?:gif|png|svg))$/i;

/** True for URLs scrapers leave in place of a real image (`.../undefined`, `loadimg.gif`, data: pixels). */
export function isPlaceholderImageUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || /^data:/i.test(trimmed)) return true;
  const path = trimmed.replace(/[?#].*$/, '');
  return PLACEHOLDER_IMAGE.test(path);
}

/** http(s) URLs are kept, protocol-relative ones become https:, anything else (and placeholders) is dropped. */
export function normalizeImageUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (url.length > MAX_IMAGE_URL_CHARS) return undefined;
  let normalized: string;
  if (url.startsWith('//')) normalized = `https:${url}`;
  else if (/^https?:\/\//i.test(url)) normalized = url;
  else return undefined;
  return isPlaceholderImageUrl(normalized) ? undefined : normalized;
}

/** Every field we do not interpret, bounded in keys, string length, depth and total size. */
function boundExtra(data: FrontMatterData, problems: ProblemList): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  let cut = false;
  let budget = MAX_EXTRA_JSON_CHARS;
  let keys = 0;

  const bound = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'bigint') return String(value);
    if (typeof value === 'string') {
      if (value.length <= MAX_EXTRA_STRING_CHARS) return value;
      cut = true;
      return cutCodePoints(value, MAX_EXTRA_STRING_CHARS);
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (depth >= MAX_EXTRA_DEPTH) {
      cut = true;
      return null;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_EXTRA_ARRAY_ITEMS) cut = true;
      return value.slice(0, MAX_EXTRA_ARRAY_ITEMS).map((v) => bound(v, depth + 1));
    }
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      let n = 0;
      for (const [k, v] of Object.entries(value)) {
        if (n++ >= MAX_EXTRA_KEYS) {
          cut = true;
          break;
        }
        defineField(out, k, bound(v, depth + 1));
      }
      return out;
    }
    return undefined; // functions, symbols: cannot come from our YAML engine, and are never kept
  };

  for (const [key, value] of Object.entries(data)) {
    if (KNOWN_KEYS.has(key)) continue;
    if (keys >= MAX_EXTRA_KEYS) {
      cut = true;
      break;
    }
    const bounded = bound(value, 1);
    if (bounded === undefined) continue;
    const size = key.length + JSON.stringify(bounded).length + 4;
    if (size > budget) {
      cut = true;
      continue;
    }
    budget -= size;
    keys++;
    defineField(extra, key, bounded);
  }
  if (cut) {
    problems.warn(
      'extra-truncated',
      'Some front-matter fields were too large (long text, many fields or deep nesting) and were shortened. ' +
        'The article itself is complete.',
    );
  }
  return extra;
}

/** Sets a key as an own data property, so a key named `__proto__` cannot change the object's prototype. */
function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
