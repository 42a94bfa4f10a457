// What a saved web page says about itself: title, date, author, site and address, from its <meta>
// tags, JSON-LD, <link rel=canonical>, <time> and headings. Pure: works on any DOM (linkedom here).

import { MAX_AUTHOR_CHARS } from '../limits';
import { collapseWhitespace, cutCodePoints } from '../text';

/** The few DOM members this module reads, so it does not depend on one DOM implementation's types. */
export interface PageElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}
export interface PageDocument {
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  querySelector(selector: string): PageElement | null;
}

export interface PageMetadata {
  /** '' when the page names none (the caller falls back to headings and text). */
  title: string;
  /** The date as the page writes it ('' when none): the caller parses it. */
  date: string;
  author: string;
  siteName: string;
  /** An absolute http(s) address, or ''. */
  originalUrl: string;
}

// JSON-LD beyond these sizes is not parsed: metadata is small, a hostile page's blob need not be read.
const MAX_JSON_LD_CHARS = 256 * 1024;
const MAX_JSON_LD_SCRIPTS = 20;
const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|ScholarlyArticle|TechArticle|Report|WebPage)$/;
// Separators sites put between a headline and their name in <title>.
const TITLE_SEPARATOR = /\s+[|\-–—·•»:]{1,2}\s+/;
const TITLE_SEPARATORS = new RegExp(TITLE_SEPARATOR.source, 'g');

export function readPageMetadata(document: PageDocument, savedFrom = ''): PageMetadata {
  const meta = metaValues(document);
  const ld = jsonLdArticle(document);
  const siteName = firstText(meta.get('og:site_name'), ldName(ld?.publisher), meta.get('application-name'));
  const title = firstText(
    meta.get('og:title'),
    meta.get('twitter:title'),
    stringOf(ld?.headline),
    stringOf(ld?.name),
    titleWithoutSite(textOf(document.querySelector('title')), siteName),
    textOf(document.querySelector('h1')),
  );
  const date = firstText(
    meta.get('article:published_time'),
    stringOf(ld?.datePublished),
    meta.get('datepublished'),
    meta.get('og:published_time'),
    meta.get('pubdate'),
    meta.get('publishdate'),
    meta.get('publish-date'),
    meta.get('date'),
    meta.get('dc.date'),
    meta.get('dc.date.issued'),
    meta.get('dcterms.created'),
    meta.get('parsely-pub-date'),
    meta.get('sailthru.date'),
    stringOf(ld?.dateCreated),
    timeDatetime(document),
  );
  const author = cutCodePoints(
    firstText(
      notAUrl(meta.get('author')),
      ldAuthor(ld?.author),
      notAUrl(meta.get('article:author')),
      meta.get('parsely-author'),
      meta.get('dc.creator'),
      meta.get('sailthru.author'),
      textOf(document.querySelector('[rel="author"]')),
    ),
    MAX_AUTHOR_CHARS,
  );
  const originalUrl = firstText(
    httpUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href')),
    httpUrl(meta.get('og:url')),
    httpUrl(stringOf(ld?.url)),
    httpUrl(stringOf(ld?.mainEntityOfPage) || stringOf(objectOf(ld?.mainEntityOfPage)?.['@id'])),
    httpUrl(savedFrom),
  );
  return { title, date, author, siteName, originalUrl };
}

/** `<meta property|name|itemprop=… content=…>`, keys in lower case, the first of each kept. */
function metaValues(document: PageDocument): Map<string, string> {
  const values = new Map<string, string>();
  for (const el of document.querySelectorAll('meta[content]')) {
    const content = el.getAttribute('content') ?? '';
    if (content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

type JsonObject = Record<string, unknown>;

/** The page's JSON-LD object that describes the article (an Article type, else the first with a headline). */
function jsonLdArticle(document: PageDocument): JsonObject | undefined {
  const candidates: JsonObject[] = [];
  let scripts = 0;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    if (++scripts > MAX_JSON_LD_SCRIPTS) break;
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(source.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue; // a broken blob is the site's bug; the meta tags still count
    }
    collectObjects(data, candidates, 0);
  }
  return (
    candidates.find((c) => typesOf(c).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ??
    candidates.find((c) => typeof c.headline === 'string') ??
    candidates.find((c) => typesOf(c).includes('WebPage'))
  );
}

function collectObjects(data: unknown, into: JsonObject[], depth: number): void {
  if (depth > 3 || into.length > 100) return;
  if (Array.isArray(data)) {
    for (const item of data) collectObjects(item, into, depth + 1);
  } else if (data && typeof data === 'object') {
    const object = data as JsonObject;
    into.push(object);
    if (Array.isArray(object['@graph'])) collectObjects(object['@graph'], into, depth + 1);
  }
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function objectOf(value: unknown): JsonObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function ldName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return ldName(value[0]);
  return stringOf(objectOf(value)?.name);
}

/** JSON-LD author: a name, a Person/Organization, or a list of them (joined with commas). */
function ldAuthor(value: unknown): string {
  const list = Array.isArray(value) ? value.slice(0, 10) : [value];
  return list
    .map((item) => notAUrl(collapseWhitespace(ldName(item))))
    .filter((name) => name !== '')
    .join(', ');
}

function textOf(el: PageElement | null | undefined): string {
  return el ? collapseWhitespace((el.textContent ?? '').slice(0, 4000)) : '';
}

/** The first `<time datetime>` in the article, else in the page. */
function timeDatetime(document: PageDocument): string {
  const el =
    document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]') ?? null;
  return el?.getAttribute('datetime') ?? '';
}

function firstText(...values: (string | undefined | null)[]): string {
  for (const value of values) {
    const text = collapseWhitespace(value ?? '');
    if (text !== '') return text;
  }
  return '';
}

/** article:author is often the author's page: a name is wanted. */
function notAUrl(value: string | undefined): string {
  return value && !/^https?:\/\//i.test(value.trim()) ? value : '';
}

function httpUrl(value: string | null | undefined): string {
  const trimmed = (value ?? '').trim();
  if (!/^https?:\/\//i.test(trimmed) || trimmed.length > 4096) return '';
  try {
    return new URL(trimmed).href;
  } catch {
    return '';
  }
}

/**
 * `<title>` without the site's name: "Headline | The Daily Example" → "Headline". The part equal to
 * the site name goes when the page names its site; otherwise the last part goes when the rest still
 * reads as a headline (three words or more), as Readability does.
 */
export function titleWithoutSite(title: string, siteName: string): string {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim());
  if (parts.length < 2) return title;
  const site = siteName.trim().toLowerCase();
  if (site !== '') {
    const kept = parts.filter((p) => p.toLowerCase() !== site);
    if (kept.length < parts.length && kept.length > 0) return kept.join(' - ');
  }
  const separators = [...title.matchAll(TITLE_SEPARATORS)];
  const head = title.slice(0, separators[separators.length - 1]!.index);
  const words = head.trim().split(/\s+/).length;
  const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(head);
  return words >= 3 || (cjk && head.trim().length >= 4) ? head.trim() : title;
}
