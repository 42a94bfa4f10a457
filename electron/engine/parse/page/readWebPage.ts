// A saved web page (.html page, or the HTML of an .mhtml) → its story. Mozilla's Readability finds the
// article in the page, on a linkedom DOM, so the pane, previews and search get the story and not the
// site's menus, cookie banners and related links. The whole page is kept for "show the whole page".
// Bounded: the page is measured first (pagePass) and a page too big or too deeply nested for
// Readability is read as a whole instead, with a problem saying why. The whole page kept for "show
// the whole page" is held to the reader's element budget (what a browser would build from it, see
// elementBudget.ts) like any article body; over it, it is not offered.

import { createRequire } from 'node:module';
import { type HtmlPassResult, htmlPass } from '../htmlPass';
import {
  MAX_ARTICLE_ELEMENTS,
  MAX_AUTHOR_CHARS,
  MAX_DATA_IMAGE_CHARS,
  MAX_PAGE_DEPTH,
  MAX_PAGE_ELEMENTS,
  MAX_PAGE_MARKUP_CHARS,
} from '../limits';
import type { ProblemList } from '../problems';
import { collapseWhitespace, cutCodePoints } from '../text';
import { DataUriStash } from './dataUriStash';
import { savedFromUrl } from './detectPage';
import { type PageDocument, type PageMetadata, readPageMetadata } from './pageMetadata';
import { type ImageResolver, pagePass } from './pagePass';

type PageDom = {
  Readability: typeof import('@mozilla/readability').Readability;
  parseHTML: typeof import('linkedom').parseHTML;
};
let pageDom: PageDom | null = null;

/**
 * linkedom and Readability, loaded by the first saved page this thread meets: loading them costs
 * each parse worker ~0.25–0.35 s of CPU, which a library of Markdown and text never needs to pay.
 */
function loadPageDom(): PageDom {
  if (!pageDom) {
    const require = createRequire(import.meta.url);
    pageDom = {
      Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
      parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    };
  }
  return pageDom;
}

export interface WebPageReading extends HtmlPassResult {
  meta: PageMetadata;
  /**
   * The whole page as saved (pictures of an .mhtml inlined): for "show the whole page". Null when a
   * browser would nest it too deeply or build too many elements from it (wholePageFits).
   */
  wholePage: string | null;
  /** False when the whole page's text is used because the story could not be extracted. */
  extracted: boolean;
}

/**
 * `images` turns an image reference into a replacement (an .mhtml's parts); it gets the stash so a
 * picture's bytes are set aside like a SingleFile page's data: URIs.
 */
export function readWebPage(
  page: string,
  problems: ProblemList,
  images?: (stash: DataUriStash) => ImageResolver,
): WebPageReading {
  const stash = new DataUriStash();
  const stashed = stash.stashAll(page);
  const shape = pagePass(stashed, images?.(stash));
  const wholePage = images ? stash.restore(shape.html) : page;
  const savedFrom = savedFromUrl(page);

  const refusal =
    shape.over === 'depth'
      ? `its elements nest more than ${MAX_PAGE_DEPTH} levels deep`
      : shape.over === 'elements'
        ? `it has more than ${MAX_PAGE_ELEMENTS.toLocaleString('en')} elements`
        : shape.html.length > MAX_PAGE_MARKUP_CHARS
          ? `its markup is ${mb(shape.html.length)}, over ${mb(MAX_PAGE_MARKUP_CHARS)} (pictures not counted)`
          : '';
  let result: WebPageReading | null = null;
  if (refusal === '') {
    result = extract(shape.html, savedFrom, stash, wholePage, problems);
  } else {
    notExtracted(problems, `${refusal}, more than Broadsheet reads a story out of`, 'too-big', refusal);
  }
  result ??= wholePageReading(shape.html, savedFrom, stash, wholePage);
  if (result.extracted && !wholePageFits(shape.html, problems)) result.wholePage = null;
  if (stash.dropped > 0) {
    problems.warn(
      'data-image-too-large',
      `${stash.dropped} picture(s) saved inside this page are over ${mb(MAX_DATA_IMAGE_CHARS)} each and are ` +
        'not shown. Save the page again with smaller pictures to see them.',
      undefined,
      { count: stash.dropped, limit: mb(MAX_DATA_IMAGE_CHARS) },
    );
  }
  return result;
}

function extract(
  markup: string,
  savedFrom: string,
  stash: DataUriStash,
  wholePage: string,
  problems: ProblemList,
): WebPageReading | null {
  const { Readability, parseHTML } = loadPageDom();
  const { document } = parseHTML(markup);
  const meta = readPageMetadata(document as unknown as PageDocument, savedFrom);
  let story: ReturnType<InstanceType<PageDom['Readability']>['parse']> = null;
  try {
    // maxElemsToParse is a second fence behind pagePass's count (the DOM may add implied elements).
    story = new Readability(document as never, {
      keepClasses: false,
      maxElemsToParse: MAX_PAGE_ELEMENTS * 2,
    }).parse();
  } catch (error) {
    const reason = (error as Error)?.message ?? String(error);
    notExtracted(problems, `Readability failed on it (${reason})`, 'failed', reason);
    return null;
  }
  const content = typeof story?.content === 'string' ? story.content : '';
  const pass = content.trim() === '' ? null : htmlPass(content);
  if (!pass || pass.text === '') {
    notExtracted(problems, 'no story could be told apart from the rest of the page', 'no-story');
    return null;
  }
  if (meta.author === '' && story?.byline) {
    meta.author = cutCodePoints(collapseWhitespace(story.byline.replace(/^\s*by\s+/i, '')), MAX_AUTHOR_CHARS);
  }
  if (meta.title === '' && story?.title) meta.title = collapseWhitespace(story.title);
  if (meta.siteName === '' && story?.siteName) meta.siteName = collapseWhitespace(story.siteName);
  return { ...pass, html: stash.restore(pass.html), meta, wholePage, extracted: true };
}

/**
 * False (with a problem) when the whole page is over the bounds every article body is held to: an
 * 18 KB page of unclosed <b> tags and paragraphs makes a browser build a million elements, and the
 * story Readability took out of it may be small and harmless. `markup` has its data: URIs set aside,
 * which changes no element.
 */
function wholePageFits(markup: string, problems: ProblemList): boolean {
  // Extracted pages nest no deeper than MAX_PAGE_DEPTH (pagePass), far below the pane's depth bound.
  if (!htmlPass(markup).tooManyElements) return true;
  problems.warn(
    'whole-page-too-many-elements',
    `The whole page as saved is not offered ("Show the whole page"): a browser would build more than ` +
      `${MAX_ARTICLE_ELEMENTS.toLocaleString('en-US')} elements from it (unclosed formatting tags such as <b> ` +
      'are re-created in every later paragraph), which would freeze the reading pane. Its story is shown as ' +
      'usual. The file is probably damaged or planted.',
    undefined,
    { limit: MAX_ARTICLE_ELEMENTS },
  );
  return false;
}

/** The whole page read as one article body; its metadata from the <head> alone (small and cheap). */
function wholePageReading(
  markup: string,
  savedFrom: string,
  stash: DataUriStash,
  wholePage: string,
): WebPageReading {
  const pass = htmlPass(markup);
  const { document } = loadPageDom().parseHTML(headOf(markup));
  const meta = readPageMetadata(document as unknown as PageDocument, savedFrom);
  if (meta.title === '') meta.title = pass.firstHeading;
  return { ...pass, html: stash.restore(pass.html), meta, wholePage, extracted: false };
}

/** The page up to its </head> (at most 256 KB), closed into a small document. */
function headOf(markup: string): string {
  const limit = 256 * 1024;
  const end = markup.slice(0, limit).search(/<\/head\s*>|<body[\s>]/i);
  return `${markup.slice(0, end === -1 ? Math.min(markup.length, limit) : end)}</head><body></body></html>`;
}

function notExtracted(
  problems: ProblemList,
  why: string,
  kind: 'too-big' | 'failed' | 'no-story',
  detail = '',
): void {
  problems.warn(
    'page-not-extracted',
    `This saved web page is shown and searched whole, site menus and all: ${why}. ` +
      'Save just the article (a reader view or SingleFile) to read the story alone.',
    undefined,
    { kind, detail },
  );
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
